import type { Db, StaffTable } from '../../kernel/index.js';

export interface StaffWithPosition extends StaffTable {
  position_name_ja: string | null;
  position_name_en: string | null;
}

const withPosition = (db: Db) =>
  db
    .selectFrom('staff')
    .leftJoin('positions', 'positions.id', 'staff.position_id')
    .selectAll('staff')
    .select(['positions.name_ja as position_name_ja', 'positions.name_en as position_name_en']);

export const findStaffById = (db: Db, id: string): Promise<StaffWithPosition | undefined> =>
  withPosition(db).where('staff.id', '=', id).executeTakeFirst();

export const findStaffByNumber = (db: Db, employeeNumber: string): Promise<StaffTable | undefined> =>
  db.selectFrom('staff').selectAll().where('employee_number', '=', employeeNumber).executeTakeFirst();

export const listStaffOfUnit = (db: Db, unitId: string, asOf: string): Promise<StaffWithPosition[]> =>
  withPosition(db)
    .where('staff.unit_id', '=', unitId)
    .where('staff.start_date', '<=', asOf)
    .where((eb) => eb.or([eb('staff.end_date', 'is', null), eb('staff.end_date', '>=', asOf)]))
    .orderBy('positions.rank')
    .orderBy('staff.employee_number')
    .execute();

export interface StaffSearch {
  readonly q: string | null;
  readonly unitId: string | null;
  readonly includeFormer: boolean;
  readonly asOf: string;
  readonly limit: number;
  readonly offset: number;
}

export const searchStaff = async (
  db: Db,
  s: StaffSearch,
): Promise<{ items: StaffWithPosition[]; total: number }> => {
  let query = withPosition(db);
  if (s.unitId !== null) query = query.where('staff.unit_id', '=', s.unitId);
  if (!s.includeFormer)
    query = query.where((eb) =>
      eb.or([eb('staff.end_date', 'is', null), eb('staff.end_date', '>=', s.asOf)]),
    );
  if (s.q !== null) {
    const like = `%${s.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('staff.name_kanji', 'like', like),
        eb('staff.name_kana', 'like', like),
        eb('staff.employee_number', 'like', like),
      ]),
    );
  }
  const total = await query.clearSelect().select(db.fn.countAll<number>().as('n')).executeTakeFirst();
  const items = await query.orderBy('staff.employee_number').limit(s.limit).offset(s.offset).execute();
  return { items, total: total?.n ?? 0 };
};

export const listAllStaff = (db: Db): Promise<StaffTable[]> =>
  db.selectFrom('staff').selectAll().orderBy('employee_number').execute();

export const insertStaff = async (db: Db, rows: StaffTable[]): Promise<void> => {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('staff')
      .values(rows.slice(i, i + 200))
      .execute();
};

export const updateStaffRow = async (
  db: Db,
  id: string,
  changes: Partial<Omit<StaffTable, 'id' | 'created_at'>>,
): Promise<void> => {
  await db.updateTable('staff').set(changes).where('id', '=', id).execute();
};
