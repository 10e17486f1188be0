import { sql } from 'kysely';
import type { Db, Dialect, InformationAssetTable } from '../../kernel/index.js';
import type { AssetFilters } from './assets.schema.js';

/** SQL for the asset register. */

export type AssetRow = InformationAssetTable;

export const insertAsset = async (db: Db, row: AssetRow): Promise<void> => {
  await db.insertInto('information_assets').values(row).execute();
};

export const updateAsset = async (db: Db, id: string, changes: Partial<AssetRow>): Promise<void> => {
  await db.updateTable('information_assets').set(changes).where('id', '=', id).execute();
};

export const findAsset = (db: Db, id: string): Promise<AssetRow | undefined> =>
  db.selectFrom('information_assets').selectAll().where('id', '=', id).executeTakeFirst();

/** The asset, locked for this transaction on PostgreSQL (SQLite's writer already holds the database). */
export const lockAsset = (db: Db, dialect: Dialect, id: string): Promise<AssetRow | undefined> =>
  dialect === 'postgres'
    ? db.selectFrom('information_assets').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
    : findAsset(db, id);

export const findAssetByCode = (db: Db, code: string): Promise<AssetRow | undefined> =>
  db.selectFrom('information_assets').selectAll().where('code', '=', code).executeTakeFirst();

export const findAssetsByCodes = async (db: Db, codes: readonly string[]): Promise<AssetRow[]> => {
  const out: AssetRow[] = [];
  for (let i = 0; i < codes.length; i += 500) {
    const part = codes.slice(i, i + 500);
    if (part.length > 0)
      out.push(
        ...(await db.selectFrom('information_assets').selectAll().where('code', 'in', part).execute()),
      );
  }
  return out;
};

/** Assets not yet ended that live on one of these media: what a medium holds (4-2(4)ウ). */
export const liveAssetsOnMedia = (db: Db, mediumIds: readonly string[]): Promise<AssetRow[]> =>
  mediumIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('information_assets')
        .selectAll()
        .where('medium_id', 'in', mediumIds)
        .where('status', 'in', ['draft', 'active'])
        .execute();

/** Copies, transmissions and assets received from inside whose source is one of these (4-2(1)イ, 4-2(3)ア). */
export const liveDerivedFrom = (db: Db, sourceIds: readonly string[]): Promise<AssetRow[]> =>
  sourceIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('information_assets')
        .selectAll()
        .where('source_asset_id', 'in', sourceIds)
        .where('origin', 'in', ['copy', 'transmission', 'receivedInside'])
        .where('status', 'in', ['draft', 'active'])
        .execute();

/**
 * The register narrowed by the filters (everything the reader might see); who may see each row is decided by the
 * access kernel afterwards. Ordered by code.
 */
export const searchAssets = (db: Db, f: AssetFilters, cap: number): Promise<AssetRow[]> => {
  let q = db.selectFrom('information_assets').selectAll();
  if (f.unitId !== undefined && f.unitId !== null) q = q.where('owning_unit_id', '=', f.unitId);
  if (f.classification !== undefined) q = q.where('classification', '=', f.classification);
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.form !== undefined) q = q.where('form', '=', f.form);
  if (f.mediumId !== undefined && f.mediumId !== null) q = q.where('medium_id', '=', f.mediumId);
  if (f.q !== undefined && f.q !== null) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([eb('name', 'like', like), eb('code', 'like', like), eb('system_name', 'like', like)]),
    );
  }
  return q.orderBy('code').limit(cap).execute();
};

/** The next number of a series, e.g. `IA-2026-000001` (one counter row per prefix and year). */
export const nextCode = async (db: Db, prefix: string, year: number): Promise<string> => {
  const name = `${prefix}:${String(year)}`;
  await db
    .insertInto('asset_counters')
    .values({ name, value: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  await db
    .updateTable('asset_counters')
    .set({ value: sql<number>`value + 1` })
    .where('name', '=', name)
    .execute();
  const row = await db
    .selectFrom('asset_counters')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return `${prefix}-${String(year)}-${String(row.value).padStart(6, '0')}`;
};

export const findAssetsByIds = async (db: Db, ids: readonly string[]): Promise<AssetRow[]> => {
  const out: AssetRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    if (part.length > 0)
      out.push(...(await db.selectFrom('information_assets').selectAll().where('id', 'in', part).execute()));
  }
  return out;
};

/** Every unit's names (a few hundred rows at most), for the registers' labels. */
export const unitNames = (db: Db) => db.selectFrom('units').select(['id', 'name_ja', 'name_en']).execute();

/** Units in force by code (an import names units by code). */
export const unitsByCode = async (db: Db): Promise<Map<string, string>> =>
  new Map((await db.selectFrom('units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));

/** Staff by employee number, with their names (an import names creators by number). */
export const staffByNumbers = async (
  db: Db,
  numbers: readonly string[],
): Promise<Map<string, { id: string; name: string }>> => {
  const out = new Map<string, { id: string; name: string }>();
  for (let i = 0; i < numbers.length; i += 500) {
    const part = numbers.slice(i, i + 500);
    if (part.length === 0) continue;
    const rows = await db
      .selectFrom('staff')
      .select(['id', 'employee_number', 'name_kanji'])
      .where('employee_number', 'in', part)
      .execute();
    for (const r of rows) out.set(r.employee_number, { id: r.id, name: r.name_kanji });
  }
  return out;
};
