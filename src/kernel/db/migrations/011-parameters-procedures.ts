import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * What approved requests of the policy and identity modules change:
 * - the versions of the policy pack's parameters the IT Steering Committee approved (第3 6(2), 第9 3): the value in
 *   force is the pack's default overlaid by the latest version, each with who asked, who approved, when, the old
 *   and the new value (nothing is deleted: a change back is one more version);
 * - the implementing procedures of bureaus and divisions recorded after the Security Director's opinion (第3 3(2));
 * - on each account, until when its privilege was allowed and by which request (第7 2(1)ウ(イ)).
 */
export const up = async (db: Kysely<unknown>, _dialect: Dialect): Promise<void> => {
  await db.schema
    .createTable('policy_parameter_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // the pack's manifest name: a deployment may switch packs, and versions belong to one
    .addColumn('pack_name', 'text', (c) => c.notNull())
    .addColumn('parameter_key', 'text', (c) => c.notNull())
    // 1, 2, … per pack and key; the pack's own value is version 0 and has no row
    .addColumn('version', 'integer', (c) => c.notNull())
    // canonical JSON of the typed value (number, boolean, text or a list of text)
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('previous_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull().references('approval_requests.id'))
    .addColumn('request_ref_no', 'text', (c) => c.notNull())
    .addColumn('requested_by_staff_id', 'text', (c) => c.notNull())
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('approved_by_staff_id', 'text')
    .addColumn('approved_by_name', 'text')
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('policy_parameter_versions_key_version', ['pack_name', 'parameter_key', 'version'])
    .execute();

  await db.schema
    .createTable('unit_procedures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('version_label', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull().references('approval_requests.id'))
    .addColumn('request_ref_no', 'text', (c) => c.notNull())
    .addColumn('filed_by_staff_id', 'text', (c) => c.notNull())
    .addColumn('filed_by_name', 'text', (c) => c.notNull())
    // the Security Director (or whoever decided for them, 代決) and the opinion they wrote
    .addColumn('opinion_by_staff_id', 'text')
    .addColumn('opinion_by_name', 'text')
    .addColumn('opinion', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('unit_procedures_unit')
    .on('unit_procedures')
    .columns(['unit_id', 'effective_on'])
    .execute();

  const addAccountColumn = (name: string) =>
    db.schema.alterTable('accounts').addColumn(name, 'text').execute();
  // the last day a privileged ID may be used, and the request that allowed it (null: granted on the ID screens)
  await addAccountColumn('privileged_until');
  await addAccountColumn('privileged_request_id');
};
