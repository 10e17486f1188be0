import type { Db, ScimTokenTable } from '../../../kernel/index.js';

export const insertScimToken = async (db: Db, row: ScimTokenTable): Promise<void> => {
  await db.insertInto('scim_tokens').values(row).execute();
};

export const findScimTokenByHash = (db: Db, hash: string): Promise<ScimTokenTable | undefined> =>
  db.selectFrom('scim_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();

export const findScimToken = (db: Db, id: string): Promise<ScimTokenTable | undefined> =>
  db.selectFrom('scim_tokens').selectAll().where('id', '=', id).executeTakeFirst();

export const listScimTokenRows = (db: Db): Promise<ScimTokenTable[]> =>
  db.selectFrom('scim_tokens').selectAll().orderBy('created_at', 'desc').execute();

export const revokeScimTokenRow = async (db: Db, id: string, at: string, by: string): Promise<void> => {
  await db
    .updateTable('scim_tokens')
    .set({ revoked_at: at, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
};

/** When a token was last used: bookkeeping of the credential, not a change of any record (no ledger entry). */
export const touchScimToken = async (db: Db, id: string, at: string): Promise<void> => {
  await db.updateTable('scim_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
};
