import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Compliance (the policy module): clauses recorded as not applicable, with the reason; daily snapshots of the
 * clause-by-clause evaluation for the trend; answers the security office records for MHLW checklist items that no
 * module evidences yet; corrections of the checklist's mapping to the standard's clauses. Nothing is deleted:
 * rows end (`ended_at`, `superseded_at`).
 */
export const up = async (db: Kysely<unknown>, _dialect: Dialect): Promise<void> => {
  await db.schema
    .createTable('compliance_exclusions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pack', 'text', (c) => c.notNull())
    .addColumn('clause_id', 'text', (c) => c.notNull())
    // null: the whole clause; otherwise the unit for which the clause does not apply
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('ended_by', 'text')
    .addColumn('end_reason', 'text')
    .execute();
  await db.schema
    .createIndex('compliance_exclusions_clause')
    .on('compliance_exclusions')
    .columns(['pack', 'clause_id'])
    .execute();

  await db.schema
    .createTable('compliance_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pack', 'text', (c) => c.notNull())
    .addColumn('pack_version', 'text', (c) => c.notNull())
    // the hospital's calendar date the snapshot describes
    .addColumn('taken_on', 'text', (c) => c.notNull())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addColumn('taken_by', 'text', (c) => c.notNull())
    // the audit log's size when the evaluation read the database
    .addColumn('ledger_size', 'integer', (c) => c.notNull())
    .addColumn('met', 'integer', (c) => c.notNull())
    .addColumn('partly_met', 'integer', (c) => c.notNull())
    .addColumn('not_met', 'integer', (c) => c.notNull())
    .addColumn('not_yet_evaluable', 'integer', (c) => c.notNull())
    .addColumn('not_applicable', 'integer', (c) => c.notNull())
    // SHA-256 of the canonical JSON of `results`
    .addColumn('digest', 'text', (c) => c.notNull())
    // JSON: [{ id, status, evidenceCount, units: { unitId: status } }]
    .addColumn('results', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('compliance_snapshots_day')
    .on('compliance_snapshots')
    .columns(['pack', 'taken_on', 'taken_at'])
    .execute();

  await db.schema
    .createTable('checklist_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('checklist', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    // yes | no
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('confirmed_on', 'text', (c) => c.notNull())
    // 目標日 for a "no"
    .addColumn('target_date', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('superseded_at', 'text')
    .execute();
  await db.schema
    .createIndex('checklist_answers_item')
    .on('checklist_answers')
    .columns(['checklist', 'item_id'])
    .execute();

  await db.schema
    .createTable('checklist_mappings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('checklist', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    // JSON array of clause ids of the main pack
    .addColumn('clause_ids', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('superseded_at', 'text')
    .execute();
  await db.schema
    .createIndex('checklist_mappings_item')
    .on('checklist_mappings')
    .columns(['checklist', 'item_id'])
    .execute();
};
