import type { AccountTable, Db, PersonnelEventTable, SharedAccountUserTable } from '../../../kernel/index.js';

export const insertPersonnelEvent = async (db: Db, row: PersonnelEventTable): Promise<void> => {
  await db.insertInto('personnel_events').values(row).execute();
};

export const updatePersonnelEvent = async (
  db: Db,
  id: string,
  changes: Partial<Pick<PersonnelEventTable, 'status' | 'applied_at' | 'outcome' | 'staff_id'>>,
): Promise<void> => {
  await db.updateTable('personnel_events').set(changes).where('id', '=', id).execute();
};

/** Scheduled events whose day has come, oldest first (and in the order they were recorded). */
export const dueEvents = (db: Db, today: string): Promise<PersonnelEventTable[]> =>
  db
    .selectFrom('personnel_events')
    .selectAll()
    .where('status', '=', 'scheduled')
    .where('effective_date', '<=', today)
    .orderBy('effective_date')
    .orderBy('recorded_at')
    .orderBy('row')
    .execute();

/** Events of these people not cancelled: what an import compares its rows with. */
export const eventsOf = (db: Db, employeeNumbers: readonly string[]): Promise<PersonnelEventTable[]> =>
  employeeNumbers.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('personnel_events')
        .selectAll()
        .where('employee_number', 'in', [...new Set(employeeNumbers)])
        .where('status', '!=', 'cancelled')
        .orderBy('effective_date')
        .execute();

/** The personal accounts of a staff member (IDs are personal: normally one, local or from a directory). */
export const accountsOfStaff = (db: Db, staffId: string): Promise<AccountTable[]> =>
  db
    .selectFrom('accounts')
    .selectAll()
    .where('staff_id', '=', staffId)
    .where('kind', '=', 'personal')
    .execute();

export const loginIdsTaken = async (db: Db, loginIds: readonly string[]): Promise<Set<string>> =>
  loginIds.length === 0
    ? new Set()
    : new Set(
        (
          await db
            .selectFrom('accounts')
            .select('login_id')
            .where('login_id', 'in', [...new Set(loginIds)])
            .execute()
        ).map((r) => r.login_id),
      );

/** End every open session of an account (it was disabled). Returns how many. */
export const endAllSessions = async (
  db: Db,
  accountId: string,
  at: string,
  reason: string,
): Promise<number> => {
  const ended = await db
    .updateTable('sessions')
    .set({ revoked_at: at, end_reason: reason })
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .where('absolute_expires_at', '>', at)
    .executeTakeFirst();
  return Number(ended.numUpdatedRows);
};

/** A person's places among the permitted users of shared IDs, optionally only those of shared IDs of a unit. */
export const sharedPlacesOf = async (
  db: Db,
  staffId: string,
  unitId?: string,
): Promise<(SharedAccountUserTable & { login_id: string })[]> => {
  let query = db
    .selectFrom('shared_account_users as u')
    .innerJoin('accounts as a', 'a.id', 'u.account_id')
    .selectAll('u')
    .select('a.login_id')
    .where('u.staff_id', '=', staffId)
    .where('u.removed_at', 'is', null);
  if (unitId !== undefined) query = query.where('a.scoped_unit_id', '=', unitId);
  return query.execute();
};

export const removeSharedUserRow = async (db: Db, id: string, at: string): Promise<void> => {
  await db.updateTable('shared_account_users').set({ removed_at: at }).where('id', '=', id).execute();
};

/** Accounts of people whose staff record ended before `today` that are still enabled. */
export const accountsOfLeavers = (db: Db, today: string): Promise<AccountTable[]> =>
  db
    .selectFrom('accounts')
    .innerJoin('staff', 'staff.id', 'accounts.staff_id')
    .selectAll('accounts')
    .where('accounts.kind', '=', 'personal')
    .where('accounts.disabled_at', 'is', null)
    .where('staff.end_date', '<', today)
    .execute();

/** Accounts whose scope is not their holder's unit (the staff record moved by another way than an event). */
export const accountsOutOfScope = (db: Db): Promise<(AccountTable & { staff_unit_id: string })[]> =>
  db
    .selectFrom('accounts')
    .innerJoin('staff', 'staff.id', 'accounts.staff_id')
    .selectAll('accounts')
    .select('staff.unit_id as staff_unit_id')
    .where('accounts.kind', '=', 'personal')
    .where((eb) =>
      eb.or([
        eb('accounts.scoped_unit_id', 'is', null),
        eb('accounts.scoped_unit_id', '!=', eb.ref('staff.unit_id')),
      ]),
    )
    .execute();

/** Pending accounts whose holder's first day has come. */
export const accountsStarting = (db: Db, today: string): Promise<AccountTable[]> =>
  db
    .selectFrom('accounts')
    .innerJoin('staff', 'staff.id', 'accounts.staff_id')
    .selectAll('accounts')
    .where('accounts.disabled_reason', '=', 'notStarted')
    .where('staff.start_date', '<=', today)
    .execute();

/** Development IDs past their end date that are still enabled (7-3(2)イ(ア)). */
export const developmentIdsEnded = (db: Db, today: string): Promise<AccountTable[]> =>
  db
    .selectFrom('accounts')
    .selectAll()
    .where('kind', '=', 'development')
    .where('disabled_at', 'is', null)
    .where('end_date', '<', today)
    .execute();

/** Privileged IDs allowed until a day that has passed (第7 2(1)ウ(イ)): the privilege ends. */
export const privilegesEnded = (db: Db, today: string): Promise<AccountTable[]> =>
  db
    .selectFrom('accounts')
    .selectAll()
    .where('privileged', '=', 1)
    .where('privileged_until', '<', today)
    .execute();
