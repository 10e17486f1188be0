import type {
  AssetDisposalTable,
  AssetHandlingTable,
  AssetPublicationTable,
  Db,
  Dialect,
} from '../../kernel/index.js';

/** SQL for the handling log, the disposal records and the publications to residents. */

export type HandlingRow = AssetHandlingTable;
export type DisposalRow = AssetDisposalTable;
export type PublicationRow = AssetPublicationTable;

export const insertHandling = async (db: Db, row: HandlingRow): Promise<void> => {
  await db.insertInto('asset_handlings').values(row).execute();
};

export const updateHandling = async (db: Db, id: string, changes: Partial<HandlingRow>): Promise<void> => {
  await db.updateTable('asset_handlings').set(changes).where('id', '=', id).execute();
};

export const findHandling = (db: Db, id: string): Promise<HandlingRow | undefined> =>
  db.selectFrom('asset_handlings').selectAll().where('id', '=', id).executeTakeFirst();

export const lockHandling = (db: Db, dialect: Dialect, id: string): Promise<HandlingRow | undefined> =>
  dialect === 'postgres'
    ? db.selectFrom('asset_handlings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
    : findHandling(db, id);

export const handlingOfRequest = (db: Db, requestId: string): Promise<HandlingRow | undefined> =>
  db.selectFrom('asset_handlings').selectAll().where('request_id', '=', requestId).executeTakeFirst();

export interface HandlingFilter {
  readonly kind?: string | null;
  readonly unitId?: string | null;
  readonly assetId?: string | null;
  readonly from?: string | null;
  readonly to?: string | null;
}

/** The handling log, newest first; `from`/`to` are instants bounding when each entry was made. */
export const listHandlings = (db: Db, f: HandlingFilter, cap: number): Promise<HandlingRow[]> => {
  let q = db.selectFrom('asset_handlings').selectAll();
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.unitId) q = q.where('unit_id', '=', f.unitId);
  if (f.assetId) q = q.where('asset_id', '=', f.assetId);
  if (f.from) q = q.where('created_at', '>=', f.from);
  if (f.to) q = q.where('created_at', '<', f.to);
  return q.orderBy('created_at', 'desc').orderBy('id').limit(cap).execute();
};

export const insertDisposal = async (db: Db, row: DisposalRow): Promise<void> => {
  await db.insertInto('asset_disposals').values(row).execute();
};

export const findDisposal = (db: Db, id: string): Promise<DisposalRow | undefined> =>
  db.selectFrom('asset_disposals').selectAll().where('id', '=', id).executeTakeFirst();

export const listDisposals = (
  db: Db,
  f: { unitId?: string | null; assetId?: string | null; from?: string | null; to?: string | null },
  cap: number,
): Promise<DisposalRow[]> => {
  let q = db.selectFrom('asset_disposals').selectAll();
  if (f.unitId) q = q.where('unit_id', '=', f.unitId);
  if (f.assetId) q = q.where('asset_id', '=', f.assetId);
  if (f.from) q = q.where('performed_at', '>=', f.from);
  if (f.to) q = q.where('performed_at', '<', f.to);
  return q.orderBy('performed_at', 'desc').orderBy('id').limit(cap).execute();
};

export const insertPublication = async (db: Db, row: PublicationRow): Promise<void> => {
  await db.insertInto('asset_publications').values(row).execute();
};

export const updatePublication = async (
  db: Db,
  id: string,
  changes: Partial<PublicationRow>,
): Promise<void> => {
  await db.updateTable('asset_publications').set(changes).where('id', '=', id).execute();
};

export const findPublication = (db: Db, id: string): Promise<PublicationRow | undefined> =>
  db.selectFrom('asset_publications').selectAll().where('id', '=', id).executeTakeFirst();

export const publicationsOf = (db: Db, assetId: string): Promise<PublicationRow[]> =>
  db
    .selectFrom('asset_publications')
    .selectAll()
    .where('asset_id', '=', assetId)
    .orderBy('published_at', 'desc')
    .execute();

/** The approval request a record points to: its status, number and form (the engine's table, read only). */
export const findApproval = (db: Db, requestId: string) =>
  db
    .selectFrom('approval_requests')
    .select([
      'id',
      'ref_no',
      'type_id',
      'status',
      'form_json',
      'applicant_staff_id',
      'resource_ref',
      'decided_at',
    ])
    .where('id', '=', requestId)
    .executeTakeFirst();

/** Who approved a request: the decider of its last approved step. */
export const approverOf = (db: Db, requestId: string) =>
  db
    .selectFrom('approval_steps')
    .select([
      'decided_by_staff_id',
      'decided_by_name',
      'decided_as_role',
      'decided_at',
      'decided_via',
      'on_behalf_of_name',
    ])
    .where('request_id', '=', requestId)
    .where('decision', '=', 'approved')
    .orderBy('idx', 'desc')
    .executeTakeFirst();

/** The request numbers of approval requests, by id. */
export const refNosOf = async (db: Db, ids: readonly string[]): Promise<Map<string, string>> => {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('approval_requests')
    .select(['id', 'ref_no'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.ref_no]));
};

/** The assets that left the register with a disposal: the asset itself, or what was on the disposed medium. */
export const assetsOfDisposal = (db: Db, d: Pick<DisposalRow, 'asset_id' | 'medium_id'>) =>
  db
    .selectFrom('information_assets')
    .select(['id', 'code', 'name'])
    .where((eb) =>
      eb.or([
        eb('id', '=', d.asset_id ?? ''),
        eb.and([eb('medium_id', '=', d.medium_id ?? ''), eb('status', '=', 'disposed')]),
      ]),
    )
    .execute();
