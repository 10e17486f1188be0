import type {
  ChecklistAnswerTable,
  ChecklistMappingTable,
  ComplianceExclusionTable,
  ComplianceSnapshotTable,
  Db,
} from '../../kernel/index.js';
import type { UnitRef } from './compliance.model.js';

/** SQL for the policy module's own tables and the units it reports by. */

export const listActiveUnitRefs = async (db: Db, asOf: string): Promise<UnitRef[]> =>
  (
    await db
      .selectFrom('units')
      .select(['id', 'code', 'name_ja', 'name_en', 'kind', 'parent_id'])
      .where('valid_from', '<=', asOf)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', asOf)]))
      .orderBy('sort_order')
      .orderBy('code')
      .execute()
  ).map((u) => ({
    id: u.id,
    code: u.code,
    nameJa: u.name_ja,
    nameEn: u.name_en,
    kind: u.kind,
    parentId: u.parent_id,
  }));

export const findUnitIdByCode = async (db: Db, code: string): Promise<string | undefined> =>
  (await db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirst())?.id;

export const listOpenExclusions = (db: Db, pack: string): Promise<ComplianceExclusionTable[]> =>
  db
    .selectFrom('compliance_exclusions')
    .selectAll()
    .where('pack', '=', pack)
    .where('ended_at', 'is', null)
    .orderBy('recorded_at')
    .execute();

export const findExclusion = (db: Db, id: string): Promise<ComplianceExclusionTable | undefined> =>
  db.selectFrom('compliance_exclusions').selectAll().where('id', '=', id).executeTakeFirst();

export const insertExclusion = async (db: Db, row: ComplianceExclusionTable): Promise<void> => {
  await db.insertInto('compliance_exclusions').values(row).execute();
};

export const endExclusion = async (
  db: Db,
  id: string,
  change: Pick<ComplianceExclusionTable, 'ended_at' | 'ended_by' | 'end_reason'>,
): Promise<void> => {
  await db.updateTable('compliance_exclusions').set(change).where('id', '=', id).execute();
};

export const insertSnapshot = async (db: Db, row: ComplianceSnapshotTable): Promise<void> => {
  await db.insertInto('compliance_snapshots').values(row).execute();
};

export type SnapshotSummary = Omit<ComplianceSnapshotTable, 'results'>;

/** Snapshots between two dates, oldest first, without their per-clause results. */
export const listSnapshots = (db: Db, pack: string, from: string, to: string): Promise<SnapshotSummary[]> =>
  db
    .selectFrom('compliance_snapshots')
    .select([
      'id',
      'pack',
      'pack_version',
      'taken_on',
      'taken_at',
      'taken_by',
      'ledger_size',
      'met',
      'partly_met',
      'not_met',
      'not_yet_evaluable',
      'not_applicable',
      'digest',
    ])
    .where('pack', '=', pack)
    .where('taken_on', '>=', from)
    .where('taken_on', '<=', to)
    .orderBy('taken_at')
    .execute();

export const findSnapshot = (db: Db, id: string): Promise<ComplianceSnapshotTable | undefined> =>
  db.selectFrom('compliance_snapshots').selectAll().where('id', '=', id).executeTakeFirst();

/** The last snapshot taken on or before a date. */
export const latestSnapshotOnOrBefore = (
  db: Db,
  pack: string,
  date: string,
): Promise<ComplianceSnapshotTable | undefined> =>
  db
    .selectFrom('compliance_snapshots')
    .selectAll()
    .where('pack', '=', pack)
    .where('taken_on', '<=', date)
    .orderBy('taken_at', 'desc')
    .limit(1)
    .executeTakeFirst();

export const listCurrentAnswers = (db: Db, checklist: string): Promise<ChecklistAnswerTable[]> =>
  db
    .selectFrom('checklist_answers')
    .selectAll()
    .where('checklist', '=', checklist)
    .where('superseded_at', 'is', null)
    .execute();

export const supersedeAnswers = async (db: Db, checklist: string, itemId: string, at: string): Promise<void> => {
  await db
    .updateTable('checklist_answers')
    .set({ superseded_at: at })
    .where('checklist', '=', checklist)
    .where('item_id', '=', itemId)
    .where('superseded_at', 'is', null)
    .execute();
};

export const insertAnswer = async (db: Db, row: ChecklistAnswerTable): Promise<void> => {
  await db.insertInto('checklist_answers').values(row).execute();
};

export const listCurrentMappings = (db: Db, checklist: string): Promise<ChecklistMappingTable[]> =>
  db
    .selectFrom('checklist_mappings')
    .selectAll()
    .where('checklist', '=', checklist)
    .where('superseded_at', 'is', null)
    .execute();

export const supersedeMappings = async (db: Db, checklist: string, itemId: string, at: string): Promise<void> => {
  await db
    .updateTable('checklist_mappings')
    .set({ superseded_at: at })
    .where('checklist', '=', checklist)
    .where('item_id', '=', itemId)
    .where('superseded_at', 'is', null)
    .execute();
};

export const insertMapping = async (db: Db, row: ChecklistMappingTable): Promise<void> => {
  await db.insertInto('checklist_mappings').values(row).execute();
};
