import { z } from 'zod';
import { actorRef, AppError, defineUseCase, requirePermission, text } from '../../kernel/index.js';
import { findAccountById, updateAccountRow } from './accounts.repository.js';
import { releaseLockouts } from './attempts.repository.js';
import { classOf } from './password-profiles.js';
import { refuseContractor } from './privileged-guard.js';

/** An administrator releases a locked account, with the reason on the ledger (issue: unlocking is recorded). */
export const unlockAccount = defineUseCase({
  name: 'identity.unlockAccount',
  input: z.object({ accountId: z.string().min(1).max(64), reason: text(500) }).strict(),
  authorize: async (ctx, input, tx) => {
    requirePermission(ctx.actor, 'identity.unlock');
    const account = await findAccountById(tx, input.accountId);
    if (account && classOf(account) === 'privileged') refuseContractor(ctx.actor);
  },
  execute: async (ctx, input, tx) => {
    const account = await findAccountById(tx, input.accountId);
    if (!account)
      throw new AppError('notFound', { ja: 'アカウントが見つかりません。', en: 'No such account.' });
    const now = ctx.clock.now().toISOString();
    const released = await releaseLockouts(tx, 'account', account.id, {
      at: now,
      by: actorRef(ctx.actor),
      reason: input.reason,
    });
    await updateAccountRow(tx, account.id, { failed_attempts: 0, updated_at: now });
    return {
      result: { released },
      ledger: [
        {
          kind: 'identity.accountUnlocked',
          subject: `account:${account.id}`,
          payload: { reason: input.reason, released, failuresBefore: account.failed_attempts },
        },
      ],
    };
  },
});
