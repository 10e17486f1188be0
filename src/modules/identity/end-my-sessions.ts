import { z } from 'zod';
import { AppError, defineUseCase } from '../../kernel/index.js';
import { endSessionRow, listOpenSessions, sessionRef } from './sessions.repository.js';

/**
 * Ends one of one's own sessions (by the name the session list shows), or every other one. The current session
 * is ended by signing out.
 */
export const endMySessions = defineUseCase({
  name: 'identity.endMySessions',
  input: z
    .object({
      currentSessionId: z.string().length(64),
      ref: z
        .string()
        .regex(/^[0-9a-f]{32}$/)
        .nullable()
        .default(null),
      others: z.boolean().default(false),
    })
    .strict(),
  authorize: (ctx) => {
    if (ctx.actor.accountId === null)
      throw new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });
  },
  execute: async (ctx, input, tx) => {
    const now = ctx.clock.now().toISOString();
    const accountId = ctx.actor.accountId ?? '';
    const open = await listOpenSessions(tx, accountId, now);
    const targets = open.filter((s) =>
      input.others ? s.id !== input.currentSessionId : sessionRef(s.id) === input.ref,
    );
    if (!input.others && targets.length === 0) {
      const message = { ja: 'そのセッションは見つかりません。', en: 'No such session.' };
      throw new AppError('validation', message, { issues: [{ field: 'ref', message }] });
    }
    for (const s of targets) await endSessionRow(tx, s.id, now, 'endedByOwner');
    return {
      result: { ended: targets.length },
      ledger: [
        {
          kind: 'identity.sessionsEnded',
          subject: `account:${accountId}`,
          payload: { sessions: targets.map((s) => sessionRef(s.id)), others: input.others },
        },
      ],
    };
  },
});
