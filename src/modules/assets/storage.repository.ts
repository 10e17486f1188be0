import type { Db, MediumTable, StoragePlaceTable } from '../../kernel/index.js';

/** SQL for storage places and the media register (4-2(5)). */

export type PlaceRow = StoragePlaceTable;
export type MediumRow = MediumTable;

export const insertPlace = async (db: Db, row: PlaceRow): Promise<void> => {
  await db.insertInto('storage_places').values(row).execute();
};

export const updatePlace = async (db: Db, id: string, changes: Partial<PlaceRow>): Promise<void> => {
  await db.updateTable('storage_places').set(changes).where('id', '=', id).execute();
};

export const findPlace = (db: Db, id: string): Promise<PlaceRow | undefined> =>
  db.selectFrom('storage_places').selectAll().where('id', '=', id).executeTakeFirst();

export const findPlaceByCode = (db: Db, code: string): Promise<PlaceRow | undefined> =>
  db.selectFrom('storage_places').selectAll().where('code', '=', code).executeTakeFirst();

export const listPlaces = (db: Db): Promise<PlaceRow[]> =>
  db.selectFrom('storage_places').selectAll().orderBy('code').execute();

export const insertMedium = async (db: Db, row: MediumRow): Promise<void> => {
  await db.insertInto('media').values(row).execute();
};

export const updateMedium = async (db: Db, id: string, changes: Partial<MediumRow>): Promise<void> => {
  await db.updateTable('media').set(changes).where('id', '=', id).execute();
};

export const findMedium = (db: Db, id: string): Promise<MediumRow | undefined> =>
  db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();

export const findMediumByCode = (db: Db, code: string): Promise<MediumRow | undefined> =>
  db.selectFrom('media').selectAll().where('code', '=', code).executeTakeFirst();

export const findMediaByIds = (db: Db, ids: readonly string[]): Promise<MediumRow[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('media').selectAll().where('id', 'in', ids).execute();

export const listMedia = (
  db: Db,
  filter: { unitId?: string | null; status?: string | null },
): Promise<MediumRow[]> => {
  let q = db.selectFrom('media').selectAll();
  if (filter.unitId) q = q.where('owning_unit_id', '=', filter.unitId);
  if (filter.status) q = q.where('status', '=', filter.status);
  return q.orderBy('code').execute();
};

/** The most sensitive classification among the live contents of each medium (4-2(4)ウ). */
export const highestClassOnMedia = async (
  db: Db,
  mediumIds: readonly string[],
): Promise<Map<string, number>> => {
  if (mediumIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('information_assets')
    .select(['medium_id', db.fn.min<number>('classification').as('highest')])
    .where('medium_id', 'in', mediumIds)
    .where('status', 'in', ['draft', 'active'])
    .groupBy('medium_id')
    .execute();
  return new Map(rows.flatMap((r) => (r.medium_id === null ? [] : [[r.medium_id, r.highest]])));
};

/** How many live assets each medium holds. */
export const liveAssetCountsByMedium = async (db: Db): Promise<Map<string, number>> => {
  const rows = await db
    .selectFrom('information_assets')
    .select(['medium_id', db.fn.countAll<number>().as('n')])
    .where('medium_id', 'is not', null)
    .where('status', 'in', ['draft', 'active'])
    .groupBy('medium_id')
    .execute();
  return new Map(rows.flatMap((r) => (r.medium_id === null ? [] : [[r.medium_id, r.n]])));
};

/** How many media in use or stored each place keeps. */
export const liveMediaCountsByPlace = async (db: Db): Promise<Map<string, number>> => {
  const rows = await db
    .selectFrom('media')
    .select(['storage_place_id', db.fn.countAll<number>().as('n')])
    .where('status', 'in', ['inUse', 'stored'])
    .groupBy('storage_place_id')
    .execute();
  return new Map(rows.flatMap((r) => (r.storage_place_id === null ? [] : [[r.storage_place_id, r.n]])));
};

export const findPlacesByCodes = async (db: Db, codes: readonly string[]): Promise<PlaceRow[]> =>
  codes.length === 0 ? [] : db.selectFrom('storage_places').selectAll().where('code', 'in', codes).execute();

export const findMediaByCodes = async (db: Db, codes: readonly string[]): Promise<MediumRow[]> => {
  const out: MediumRow[] = [];
  for (let i = 0; i < codes.length; i += 500) {
    const part = codes.slice(i, i + 500);
    if (part.length > 0)
      out.push(...(await db.selectFrom('media').selectAll().where('code', 'in', part).execute()));
  }
  return out;
};
