import type { Db, PasswordHistoryTable } from '../../kernel/index.js';

export const insertPasswordHistory = async (db: Db, row: PasswordHistoryTable): Promise<void> => {
  await db.insertInto('password_history').values(row).execute();
};

/** The hashes of the last `n` passwords before the current one, newest first. */
export const recentPasswordHashes = async (db: Db, accountId: string, n: number): Promise<string[]> =>
  (
    await db
      .selectFrom('password_history')
      .select('password_hash')
      .where('account_id', '=', accountId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(n)
      .execute()
  ).map((r) => r.password_hash);
