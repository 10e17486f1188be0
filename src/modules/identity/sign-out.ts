import { z } from 'zod';
import { AppError, defineUseCase } from '../../kernel/index.js';
import { findSession, revokeSessionRow } from './accounts.repository.js';

export const signOut = defineUseCase({
  name: 'identity.signOut',
  input: z.object({ sessionId: z.string().length(64) }).strict(),
  authorize: async (ctx, input, tx) => {
    const session = await findSession(tx, input.sessionId);
    if (!session || session.account_id !== ctx.actor.accountId) {
      throw new AppError('forbidden', {
        ja: 'このセッションを終了する権限がありません。',
        en: 'You cannot end this session.',
      });
    }
  },
  execute: async (ctx, input, tx) => {
    await revokeSessionRow(tx, input.sessionId, ctx.clock.now().toISOString());
    return {
      result: undefined,
      ledger: [{ kind: 'identity.signedOut', subject: `account:${ctx.actor.accountId ?? ''}`, payload: {} }],
    };
  },
});
