import type { Db, MfaFactorTable, RecoveryCodeTable } from '../../kernel/index.js';

export const listFactors = (db: Db, accountId: string): Promise<MfaFactorTable[]> =>
  db
    .selectFrom('mfa_factors')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .execute();

/** Factors that count: confirmed and not removed. */
export const confirmedFactors = async (db: Db, accountId: string): Promise<MfaFactorTable[]> =>
  (await listFactors(db, accountId)).filter((f) => f.confirmed_at !== null);

export const findFactor = (db: Db, id: string): Promise<MfaFactorTable | undefined> =>
  db.selectFrom('mfa_factors').selectAll().where('id', '=', id).executeTakeFirst();

export const insertFactor = async (db: Db, row: MfaFactorTable): Promise<void> => {
  await db.insertInto('mfa_factors').values(row).execute();
};

export const updateFactor = async (
  db: Db,
  id: string,
  changes: Partial<Omit<MfaFactorTable, 'id' | 'account_id' | 'created_at'>>,
): Promise<void> => {
  await db.updateTable('mfa_factors').set(changes).where('id', '=', id).execute();
};

export const activeRecoveryCodes = (db: Db, accountId: string): Promise<RecoveryCodeTable[]> =>
  db
    .selectFrom('recovery_codes')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();

export const replaceRecoveryCodes = async (
  db: Db,
  accountId: string,
  rows: readonly RecoveryCodeTable[],
  now: string,
): Promise<void> => {
  await db
    .updateTable('recovery_codes')
    .set({ revoked_at: now })
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
  if (rows.length > 0)
    await db
      .insertInto('recovery_codes')
      .values([...rows])
      .execute();
};

export const useRecoveryCode = async (db: Db, id: string, now: string): Promise<void> => {
  await db.updateTable('recovery_codes').set({ used_at: now }).where('id', '=', id).execute();
};
