import type { DatabaseHandle } from '../db/index.js';
import { appendEntries } from '../ledger/index.js';
import type { Clock } from '../time/index.js';
import { actorRef, type Actor } from './actor.js';
import { denialEntry, type AccessDenied } from './authorize.js';

/**
 * Records a sensitive denial (a forbid rule marked `reportDenial`) as a ledger entry in its own transaction: the
 * refused use case has rolled back by then, so its own entries are gone. Call it where the refusal is caught
 * (outside the refused transaction); it does nothing for a denial that is not sensitive. Returns whether it wrote.
 */
export const recordDenial = async (
  app: { readonly database: DatabaseHandle; readonly clock: Clock },
  actor: Actor,
  denied: AccessDenied,
): Promise<boolean> => {
  if (!denied.decision.report) return false;
  await app.database.db.transaction().execute(async (tx) => {
    await appendEntries(
      tx,
      app.database.dialect,
      { actor: actorRef(actor), time: app.clock.now().toISOString() },
      [denialEntry(denied)],
    );
  });
  return true;
};
