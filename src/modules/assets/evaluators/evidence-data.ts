import type { Db } from '../../../kernel/index.js';

/**
 * What the 第4 evaluators read: a handful of set-based queries over the registers (never one per clause or per
 * unit), so the whole hospital — tens of thousands of assets — is judged in a fraction of a second.
 */

export const liveAssets = (db: Db) =>
  db
    .selectFrom('information_assets')
    .select([
      'id',
      'code',
      'name',
      'form',
      'owning_unit_id',
      'classification',
      'classification_basis',
      'origin',
      'source_asset_id',
      'medium_id',
      'storage_place_id',
      'system_name',
      'ruling_request_id',
      'classified_at',
    ])
    .where('status', 'in', ['draft', 'active'])
    .orderBy('code')
    .execute();
export type LiveAsset = Awaited<ReturnType<typeof liveAssets>>[number];

/** The classes of the assets others were copied, sent or received from (they may have been disposed of since). */
export const sourceClasses = async (db: Db, ids: readonly string[]): Promise<Map<string, number>> => {
  const out = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    if (part.length === 0) continue;
    const rows = await db
      .selectFrom('information_assets')
      .select(['id', 'classification'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) out.set(r.id, r.classification);
  }
  return out;
};

/** Who holds the Security Manager's role for which unit on a date: assignments and acting holders. */
export const managerSeats = async (db: Db, asOf: string): Promise<Map<string, string>> => {
  const assigned = await db
    .selectFrom('role_assignments')
    .select(['id', 'unit_id'])
    .where('role', '=', 'securityManager')
    .where('start_date', '<=', asOf)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', asOf)]))
    .execute();
  const acting = await db
    .selectFrom('delegations')
    .select(['id', 'unit_id'])
    .where('role', '=', 'securityManager')
    .where('start_date', '<=', asOf)
    .where('end_date', '>=', asOf)
    .execute();
  const seats = new Map<string, string>();
  for (const a of assigned) if (a.unit_id !== null) seats.set(a.unit_id, `roleAssignment:${a.id}`);
  for (const d of acting)
    if (d.unit_id !== null && !seats.has(d.unit_id)) seats.set(d.unit_id, `delegation:${d.id}`);
  return seats;
};

export const requestStatuses = async (
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { status: string; refNo: string }>> => {
  const out = new Map<string, { status: string; refNo: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    if (part.length === 0) continue;
    const rows = await db
      .selectFrom('approval_requests')
      .select(['id', 'status', 'ref_no'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) out.set(r.id, { status: r.status, refNo: r.ref_no });
  }
  return out;
};

export const liveMedia = (db: Db) =>
  db.selectFrom('media').selectAll().where('status', 'in', ['inUse', 'stored']).orderBy('code').execute();

export const allPlaces = (db: Db) => db.selectFrom('storage_places').selectAll().execute();

/** Transports, provisions, disposals and publication checks in the handling log, with their request's status. */
export const handlingsOf = (db: Db, kinds: readonly string[]) =>
  db
    .selectFrom('asset_handlings as h')
    .leftJoin('approval_requests as r', 'r.id', 'h.request_id')
    .select([
      'h.id',
      'h.kind',
      'h.status',
      'h.subject_name',
      'h.unit_id',
      'h.classification',
      'h.request_ref_no',
      'h.protection',
      'h.planned_on',
      'h.performed_at',
      'h.created_at',
      'r.status as request_status',
    ])
    .where('h.kind', 'in', kinds)
    .orderBy('h.created_at', 'desc')
    .execute();

export const disposalsWithRequests = (db: Db) =>
  db
    .selectFrom('asset_disposals as d')
    .leftJoin('approval_requests as r', 'r.id', 'd.request_id')
    .select([
      'd.id',
      'd.record_no',
      'd.subject_name',
      'd.unit_id',
      'd.classification',
      'd.method',
      'd.unrecoverable',
      'd.sanitization',
      'd.performed_at',
      'd.performed_by_name',
      'd.asset_id',
      'd.medium_id',
      'r.status as request_status',
      'r.ref_no',
    ])
    .orderBy('d.performed_at', 'desc')
    .execute();

/** Assets that left the register as disposed of, and whether a disposal record names them or their medium. */
export const disposedWithoutRecord = (db: Db) =>
  db
    .selectFrom('information_assets as a')
    .select(['a.id', 'a.code', 'a.name', 'a.owning_unit_id'])
    .where('a.status', '=', 'disposed')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('asset_disposals as d')
            .select('d.id')
            .where((inner) =>
              inner.or([
                inner('d.asset_id', '=', inner.ref('a.id')),
                inner('d.medium_id', '=', inner.ref('a.medium_id')),
              ]),
            ),
        ),
      ),
    )
    .execute();

export const publications = (db: Db) =>
  db
    .selectFrom('asset_publications as p')
    .innerJoin('information_assets as a', 'a.id', 'p.asset_id')
    .select([
      'p.id',
      'p.channel',
      'p.sha256',
      'p.status',
      'p.published_at',
      'p.last_checked_at',
      'p.last_check_ok',
      'p.unit_id',
      'a.code',
      'a.name',
    ])
    .where('p.status', '!=', 'withdrawn')
    .execute();
