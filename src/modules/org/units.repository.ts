import type { Db, PositionTable, UnitTable } from '../../kernel/index.js';

/** SQL for units and positions only. Dates compare as YYYY-MM-DD text on both dialects. */
export const findUnitById = (db: Db, id: string): Promise<UnitTable | undefined> =>
  db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();

export const findUnitByCode = (db: Db, code: string): Promise<UnitTable | undefined> =>
  db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();

export const listAllUnits = (db: Db): Promise<UnitTable[]> =>
  db.selectFrom('units').selectAll().orderBy('sort_order').orderBy('code').execute();

export const listActiveUnits = (db: Db, asOf: string): Promise<UnitTable[]> =>
  db
    .selectFrom('units')
    .selectAll()
    .where('valid_from', '<=', asOf)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', asOf)]))
    .orderBy('sort_order')
    .orderBy('code')
    .execute();

export const insertUnit = async (db: Db, row: UnitTable): Promise<void> => {
  await db.insertInto('units').values(row).execute();
};

export const updateUnitRow = async (
  db: Db,
  id: string,
  changes: Partial<Omit<UnitTable, 'id' | 'created_at'>>,
): Promise<void> => {
  await db.updateTable('units').set(changes).where('id', '=', id).execute();
};

export const activeStaffCountsByUnit = async (db: Db, asOf: string): Promise<Map<string, number>> => {
  const rows = await db
    .selectFrom('staff')
    .select(['unit_id', db.fn.countAll<number>().as('n')])
    .where('start_date', '<=', asOf)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', asOf)]))
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, r.n]));
};

export const findPositionByCode = (db: Db, code: string): Promise<PositionTable | undefined> =>
  db.selectFrom('positions').selectAll().where('code', '=', code).executeTakeFirst();

export const listPositions = (db: Db): Promise<PositionTable[]> =>
  db.selectFrom('positions').selectAll().orderBy('rank').orderBy('code').execute();

export const insertPosition = async (db: Db, row: PositionTable): Promise<void> => {
  await db.insertInto('positions').values(row).execute();
};

export const updatePositionRow = async (
  db: Db,
  id: string,
  changes: Partial<Omit<PositionTable, 'id' | 'created_at'>>,
): Promise<void> => {
  await db.updateTable('positions').set(changes).where('id', '=', id).execute();
};
