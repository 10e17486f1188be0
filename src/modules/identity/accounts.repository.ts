import type { AccountTable, Db, SessionTable } from '../../kernel/index.js';

export const findAccountByLoginId = (db: Db, loginId: string): Promise<AccountTable | undefined> =>
  db.selectFrom('accounts').selectAll().where('login_id', '=', loginId).executeTakeFirst();

export const findAccountById = (db: Db, id: string): Promise<AccountTable | undefined> =>
  db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();

export const findAccountByStaffId = (db: Db, staffId: string): Promise<AccountTable | undefined> =>
  db.selectFrom('accounts').selectAll().where('staff_id', '=', staffId).executeTakeFirst();

export const countAccounts = async (db: Db): Promise<number> => {
  const row = await db.selectFrom('accounts').select(db.fn.countAll<number>().as('n')).executeTakeFirst();
  return row?.n ?? 0;
};

export const insertAccount = async (db: Db, row: AccountTable): Promise<void> => {
  await db.insertInto('accounts').values(row).execute();
};

export const updateAccountRow = async (
  db: Db,
  id: string,
  changes: Partial<Omit<AccountTable, 'id' | 'created_at'>>,
): Promise<void> => {
  await db.updateTable('accounts').set(changes).where('id', '=', id).execute();
};

export const insertSession = async (db: Db, row: SessionTable): Promise<void> => {
  await db.insertInto('sessions').values(row).execute();
};

export const findSession = (db: Db, id: string): Promise<SessionTable | undefined> =>
  db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();

export const touchSession = async (
  db: Db,
  id: string,
  lastSeenAt: string,
  idleExpiresAt: string,
): Promise<void> => {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, idle_expires_at: idleExpiresAt })
    .where('id', '=', id)
    .execute();
};

export const revokeSessionRow = async (db: Db, id: string, at: string): Promise<void> => {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
};

export const revokeOtherSessions = async (
  db: Db,
  accountId: string,
  keepId: string,
  at: string,
): Promise<void> => {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('account_id', '=', accountId)
    .where('id', '!=', keepId)
    .where('revoked_at', 'is', null)
    .execute();
};

/** The sign-in before the current session: shown to the person after sign-in (7-2(2)). */
export const previousSession = (
  db: Db,
  accountId: string,
  currentId: string,
): Promise<SessionTable | undefined> =>
  db
    .selectFrom('sessions')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '!=', currentId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();

/** Names to show for ledger actors: the staff member's name, else the login ID. */
/** The account id behind a login ID (the ledger writes actors as `account:<id>`), or null. */
export const accountIdOfLoginId = async (db: Db, loginId: string): Promise<string | null> =>
  (await db.selectFrom('accounts').select('id').where('login_id', '=', loginId).executeTakeFirst())?.id ??
  null;

export const accountDisplayNames = async (db: Db, ids: readonly string[]): Promise<Map<string, string>> => {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('accounts')
    .leftJoin('staff', 'staff.id', 'accounts.staff_id')
    .select(['accounts.id', 'accounts.login_id', 'staff.name_kanji'])
    .where('accounts.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name_kanji ?? r.login_id]));
};
