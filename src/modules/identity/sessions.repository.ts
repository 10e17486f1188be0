import { createHash } from 'node:crypto';
import type { Db, SessionTable } from '../../kernel/index.js';

/** Sessions of an account that are still open now (not revoked, not past either limit), newest first. */
export const listOpenSessions = (db: Db, accountId: string, now: string): Promise<SessionTable[]> =>
  db
    .selectFrom('sessions')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .where('idle_expires_at', '>', now)
    .where('absolute_expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();

/**
 * How a session is named to its owner: a digest of its id. The id (the token's hash) never leaves the server,
 * and the name cannot be turned back into it.
 */
export const sessionRef = (sessionId: string): string =>
  createHash('sha256').update(`ref:${sessionId}`).digest('hex').slice(0, 32);

export const endSessionRow = async (db: Db, id: string, at: string, reason: string): Promise<void> => {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at, end_reason: reason })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
};

export const updateSessionRow = async (
  db: Db,
  id: string,
  changes: Partial<Omit<SessionTable, 'id' | 'account_id' | 'created_at'>>,
): Promise<void> => {
  await db.updateTable('sessions').set(changes).where('id', '=', id).execute();
};
