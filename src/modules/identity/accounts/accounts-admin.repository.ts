import type { AccountTable, Db } from '../../../kernel/index.js';

/** An account with its holder (a person, or a development ID's owner) and its unit, as the screens show it. */
export interface AccountWithPerson extends AccountTable {
  employee_number: string | null;
  name_kanji: string | null;
  category: string | null;
  staff_end_date: string | null;
  unit_code: string | null;
  unit_name_ja: string | null;
  unit_name_en: string | null;
}

const withPerson = (db: Db) =>
  db
    .selectFrom('accounts')
    .leftJoin('staff', (j) =>
      j.on((eb) =>
        eb.or([
          eb('staff.id', '=', eb.ref('accounts.staff_id')),
          eb.and([
            eb('accounts.staff_id', 'is', null),
            eb('staff.id', '=', eb.ref('accounts.owner_staff_id')),
          ]),
        ]),
      ),
    )
    .leftJoin('units', 'units.id', 'accounts.scoped_unit_id')
    .selectAll('accounts')
    .select([
      'staff.employee_number',
      'staff.name_kanji',
      'staff.category',
      'staff.end_date as staff_end_date',
      'units.code as unit_code',
      'units.name_ja as unit_name_ja',
      'units.name_en as unit_name_en',
    ]);

export interface AccountFilter {
  readonly q: string | null;
  readonly kind?: string | undefined;
  readonly unitId?: string | undefined;
  readonly privileged?: boolean | undefined;
}

/** Accounts matching a filter, by login ID (the screens page and judge status over them). */
export const findAccounts = (db: Db, f: AccountFilter): Promise<AccountWithPerson[]> => {
  let query = withPerson(db);
  if (f.kind !== undefined) query = query.where('accounts.kind', '=', f.kind);
  if (f.unitId !== undefined) query = query.where('accounts.scoped_unit_id', '=', f.unitId);
  if (f.privileged === true)
    query = query.where((eb) =>
      eb.or([eb('accounts.privileged', '=', 1), eb('accounts.system_role', '=', 'administrator')]),
    );
  if (f.privileged === false)
    query = query
      .where('accounts.privileged', '=', 0)
      .where((eb) =>
        eb.or([eb('accounts.system_role', 'is', null), eb('accounts.system_role', '!=', 'administrator')]),
      );
  if (f.q !== null) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('accounts.login_id', 'like', like),
        eb('accounts.display_name', 'like', like),
        eb('staff.name_kanji', 'like', like),
        eb('staff.name_kana', 'like', like),
        eb('staff.employee_number', 'like', like),
      ]),
    );
  }
  return query.orderBy('accounts.login_id').execute();
};

export const findAccountWithPerson = (db: Db, id: string): Promise<AccountWithPerson | undefined> =>
  withPerson(db).where('accounts.id', '=', id).executeTakeFirst();

/** Accounts under a lock in force now. */
export const lockedAccountIds = async (db: Db, now: string): Promise<Set<string>> =>
  new Set(
    (
      await db
        .selectFrom('lockouts')
        .select('subject')
        .where('scope', '=', 'account')
        .where('released_at', 'is', null)
        .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', now)]))
        .execute()
    ).map((r) => r.subject),
  );

export const sharedUsersOf = (db: Db, accountIds: readonly string[]) =>
  accountIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('shared_account_users as u')
        .innerJoin('staff as s', 's.id', 'u.staff_id')
        .innerJoin('units', 'units.id', 's.unit_id')
        .select([
          'u.account_id',
          'u.added_at',
          's.employee_number',
          's.name_kanji',
          's.start_date',
          's.end_date',
          'units.name_ja as unit_name_ja',
          'units.name_en as unit_name_en',
        ])
        .where('u.account_id', 'in', [...accountIds])
        .where('u.removed_at', 'is', null)
        .orderBy('s.employee_number')
        .execute();

export const countOpenSessions = async (db: Db, accountId: string, now: string): Promise<number> =>
  (
    await db
      .selectFrom('sessions')
      .select(db.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null)
      .where('idle_expires_at', '>', now)
      .where('absolute_expires_at', '>', now)
      .executeTakeFirst()
  )?.n ?? 0;

export const countFactors = async (db: Db, accountId: string): Promise<number> =>
  (
    await db
      .selectFrom('mfa_factors')
      .select(db.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .where('confirmed_at', 'is not', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
  )?.n ?? 0;
