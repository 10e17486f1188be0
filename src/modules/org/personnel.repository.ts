import type { Db, DelegationTable, RoleAssignmentTable } from '../../kernel/index.js';

/** A person's role terms still running on or after a day (open, or ending that day or later). */
export const termsRunningFrom = (
  db: Db,
  staffId: string,
  day: string,
  unitId?: string,
): Promise<RoleAssignmentTable[]> => {
  let query = db
    .selectFrom('role_assignments')
    .selectAll()
    .where('staff_id', '=', staffId)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', day)]));
  if (unitId !== undefined) query = query.where('unit_id', '=', unitId);
  return query.orderBy('start_date').execute();
};

/** Delegations and acting appointments given to a person still running on or after a day. */
export const delegationsRunningFrom = (
  db: Db,
  staffId: string,
  day: string,
  unitId?: string,
): Promise<DelegationTable[]> => {
  let query = db
    .selectFrom('delegations')
    .selectAll()
    .where('to_staff_id', '=', staffId)
    .where('end_date', '>=', day);
  if (unitId !== undefined) query = query.where('unit_id', '=', unitId);
  return query.orderBy('start_date').execute();
};

export const findPositionCode = async (db: Db, positionId: string): Promise<string | undefined> =>
  (await db.selectFrom('positions').select('code').where('id', '=', positionId).executeTakeFirst())?.code;
