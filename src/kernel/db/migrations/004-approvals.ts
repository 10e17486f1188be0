import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * The approvals engine (every "許可を得なければならない", 第3 7, 第8 5): requests and their route of steps,
 * notifications in the application and by e-mail, the request number counter, and the leases that let one
 * instance run each scheduled job.
 */
export const up = async (db: Kysely<unknown>, _dialect: Dialect): Promise<void> => {
  await db.schema
    .createTable('approval_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ref_no', 'text', (c) => c.notNull().unique())
    .addColumn('type_id', 'text', (c) => c.notNull())
    // prior | postFacto (8-5(2))
    .addColumn('mode', 'text', (c) => c.notNull())
    // draft | submitted | approved | rejected | withdrawn | expired | carriedOut | reported | acknowledged
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('applicant_staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('applicant_unit_name_ja', 'text', (c) => c.notNull())
    .addColumn('applicant_unit_name_en', 'text', (c) => c.notNull())
    // Who filled it in for the applicant (第3 7(1): neither may approve it).
    .addColumn('preparer_staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('preparer_name', 'text')
    .addColumn('resource_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('resource_ref', 'text')
    .addColumn('classification', 'integer')
    .addColumn('form_json', 'text', (c) => c.notNull())
    .addColumn('current_step', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('carried_out_at', 'text')
    .addColumn('report_due_at', 'text')
    .addColumn('reported_at', 'text')
    .addColumn('closed_reason', 'text')
    .execute();
  await db.schema
    .createIndex('approval_requests_applicant')
    .on('approval_requests')
    .columns(['applicant_staff_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('approval_requests_preparer')
    .on('approval_requests')
    .columns(['preparer_staff_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('approval_requests_status')
    .on('approval_requests')
    .columns(['status', 'expires_at'])
    .execute();

  await db.schema
    .createTable('approval_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('approval_requests.id'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    // null: the hospital-wide holder (CISO, Director)
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('unit_name_ja', 'text')
    .addColumn('unit_name_en', 'text')
    // waiting | pending | approved | rejected | acknowledged | skipped | cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('skip_reason', 'text')
    .addColumn('activated_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('reminder_count', 'integer', (c) => c.notNull().defaultTo(0))
    // The next level up, who may also decide: after waiting too long, or when the approver is the applicant.
    .addColumn('escalated_role', 'text')
    .addColumn('escalated_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('escalated_unit_name_ja', 'text')
    .addColumn('escalated_unit_name_en', 'text')
    .addColumn('escalated_at', 'text')
    .addColumn('escalation_reason', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision', 'text')
    .addColumn('decided_by_staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_by_position', 'text')
    .addColumn('decided_as_role', 'text')
    // assignment | delegation | acting: 代決 when not the holder's own assignment
    .addColumn('decided_via', 'text')
    .addColumn('on_behalf_of_staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('on_behalf_of_name', 'text')
    .addColumn('comment', 'text')
    .addColumn('override_reason', 'text')
    .execute();
  await db.schema
    .createIndex('approval_steps_request')
    .on('approval_steps')
    .columns(['request_id', 'idx'])
    .unique()
    .execute();
  await db.schema
    .createIndex('approval_steps_inbox')
    .on('approval_steps')
    .columns(['status', 'role', 'unit_id', 'activated_at'])
    .execute();
  await db.schema
    .createIndex('approval_steps_escalated')
    .on('approval_steps')
    .columns(['status', 'escalated_role', 'escalated_unit_id'])
    .execute();
  await db.schema
    .createIndex('approval_steps_waiting')
    .on('approval_steps')
    .columns(['status', 'activated_at'])
    .execute();

  await db.schema
    .createTable('approval_counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recipient_staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('title_ja', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body_ja', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('email_to', 'text')
    // none | pending | sent | failed
    .addColumn('email_status', 'text', (c) => c.notNull())
    .addColumn('email_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('email_sent_at', 'text')
    .addColumn('email_error', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_recipient')
    .on('notifications')
    .columns(['recipient_staff_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notifications_outbox')
    .on('notifications')
    .columns(['email_status', 'created_at'])
    .execute();

  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text', (c) => c.notNull())
    .addColumn('last_started_at', 'text')
    .addColumn('last_finished_at', 'text')
    .addColumn('last_outcome', 'text')
    .addColumn('runs', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
};
