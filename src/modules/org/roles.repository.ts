import type { Db, DelegationTable, RoleAssignmentTable } from '../../kernel/index.js';

const activeOn = <T extends { start_date: string; end_date: string | null }>(rows: T[], asOf: string): T[] =>
  rows.filter((r) => r.start_date <= asOf && (r.end_date === null || r.end_date >= asOf));

export const listAssignments = (db: Db): Promise<RoleAssignmentTable[]> =>
  db.selectFrom('role_assignments').selectAll().orderBy('start_date').orderBy('id').execute();

export const listActiveAssignments = async (db: Db, asOf: string): Promise<RoleAssignmentTable[]> =>
  activeOn(
    await db
      .selectFrom('role_assignments')
      .selectAll()
      .where('start_date', '<=', asOf)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', asOf)]))
      .execute(),
    asOf,
  );

export const listActiveAssignmentsOfStaff = (
  db: Db,
  staffId: string,
  asOf: string,
): Promise<RoleAssignmentTable[]> =>
  db
    .selectFrom('role_assignments')
    .selectAll()
    .where('staff_id', '=', staffId)
    .where('start_date', '<=', asOf)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', asOf)]))
    .execute();

export const listAssignmentsOfUnit = (db: Db, unitId: string): Promise<RoleAssignmentTable[]> =>
  db
    .selectFrom('role_assignments')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('start_date', 'desc')
    .execute();

export const findAssignmentById = (db: Db, id: string): Promise<RoleAssignmentTable | undefined> =>
  db.selectFrom('role_assignments').selectAll().where('id', '=', id).executeTakeFirst();

export const insertAssignments = async (db: Db, rows: RoleAssignmentTable[]): Promise<void> => {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('role_assignments')
      .values(rows.slice(i, i + 200))
      .execute();
};

export const updateAssignmentRow = async (
  db: Db,
  id: string,
  changes: Partial<Pick<RoleAssignmentTable, 'end_date' | 'note'>>,
): Promise<void> => {
  await db.updateTable('role_assignments').set(changes).where('id', '=', id).execute();
};

export const listDelegations = (db: Db): Promise<DelegationTable[]> =>
  db.selectFrom('delegations').selectAll().orderBy('start_date').orderBy('id').execute();

export const listActiveDelegations = (db: Db, asOf: string): Promise<DelegationTable[]> =>
  db
    .selectFrom('delegations')
    .selectAll()
    .where('start_date', '<=', asOf)
    .where('end_date', '>=', asOf)
    .execute();

export const listActiveDelegationsTo = (db: Db, staffId: string, asOf: string): Promise<DelegationTable[]> =>
  db
    .selectFrom('delegations')
    .selectAll()
    .where('to_staff_id', '=', staffId)
    .where('start_date', '<=', asOf)
    .where('end_date', '>=', asOf)
    .execute();

export const listDelegationsOfUnit = (db: Db, unitId: string): Promise<DelegationTable[]> =>
  db
    .selectFrom('delegations')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('start_date', 'desc')
    .execute();

export const findDelegationById = (db: Db, id: string): Promise<DelegationTable | undefined> =>
  db.selectFrom('delegations').selectAll().where('id', '=', id).executeTakeFirst();

export const insertDelegations = async (db: Db, rows: DelegationTable[]): Promise<void> => {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('delegations')
      .values(rows.slice(i, i + 200))
      .execute();
};

export const updateDelegationRow = async (
  db: Db,
  id: string,
  changes: Partial<Pick<DelegationTable, 'end_date' | 'reason'>>,
): Promise<void> => {
  await db.updateTable('delegations').set(changes).where('id', '=', id).execute();
};
