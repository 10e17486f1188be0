import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * The account lifecycle (第7 2(1)イ・ウ, 第7 3(2)イ(ア), 第6 4(1)): personnel events from the personnel office (an
 * import, SCIM or a form) with their effective dates, applied on the day by the scheduler; the bearer tokens of
 * HR systems that push changes over SCIM (stored hashed); the unused-ID sweeps whose items migration 003 holds;
 * and on each account the information system it is for and who allowed its privilege (7-2(1)ウ(イ)).
 */
export const up = async (db: Kysely<unknown>, _dialect: Dialect): Promise<void> => {
  const addAccountColumn = (name: string) =>
    db.schema.alterTable('accounts').addColumn(name, 'text').execute();
  // The information system the ID is for (null: Mamori itself), for the report of privileged holders per system.
  await addAccountColumn('system_name');
  await addAccountColumn('privileged_granted_by');
  await addAccountColumn('privileged_granted_at');

  await db.schema
    .createTable('personnel_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // hire | transfer | leave | return | retirement
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('employee_number', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.references('staff.id'))
    // the first day the change applies (a retirement: the day after the last working day)
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('position_id', 'text')
    .addColumn('note', 'text')
    // import | scim | api
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text')
    .addColumn('row', 'integer')
    // scheduled | applied | cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text')
    .addColumn('outcome', 'text')
    .execute();
  await db.schema
    .createIndex('personnel_events_due')
    .on('personnel_events')
    .columns(['status', 'effective_date'])
    .execute();
  await db.schema.createIndex('personnel_events_staff').on('personnel_events').column('staff_id').execute();

  await db.schema
    .createTable('scim_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // SHA-256 of the token (256 random bits, so a fast hash is enough); the token itself is shown once
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .execute();

  await db.schema
    .createTable('id_sweeps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.notNull())
    // scheduled | manual
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('unused_days', 'integer', (c) => c.notNull())
    .addColumn('cutoff', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('candidates', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('id_sweep_items_sweep').on('id_sweep_items').column('sweep_id').execute();
};
