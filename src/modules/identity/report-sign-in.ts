import { z } from 'zod';
import { AppError, defineUseCase, newId, optionalText } from '../../kernel/index.js';
import { updateAccountRow } from './accounts.repository.js';
import { findAttempt } from './attempts.repository.js';
import { endSessionRow, listOpenSessions } from './sessions.repository.js';

/**
 * "This was not me" on the notice after sign-in (第7 2(2)): records a report of the sign-in or attempt for the
 * security office (a simple record until the incidents module takes it over), ends every other session of the
 * account, and asks for a new password at once (第6 4(2)(エ) 流出したおそれがある場合).
 */
export const reportSignIn = defineUseCase({
  name: 'identity.reportSignIn',
  input: z
    .object({
      attemptId: z.string().min(1).max(64),
      note: optionalText(1000),
      currentSessionId: z.string().length(64),
    })
    .strict(),
  authorize: (ctx) => {
    if (ctx.actor.accountId === null)
      throw new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });
  },
  execute: async (ctx, input, tx) => {
    const accountId = ctx.actor.accountId ?? '';
    const attempt = await findAttempt(tx, input.attemptId);
    if (!attempt || attempt.account_id !== accountId) {
      const message = { ja: 'このサインインの記録は見つかりません。', en: 'No such sign-in of yours.' };
      throw new AppError('validation', message, { issues: [{ field: 'attemptId', message }] });
    }
    const now = ctx.clock.now().toISOString();
    const id = newId();
    await tx
      .insertInto('sign_in_reports')
      .values({
        id,
        account_id: accountId,
        attempt_id: attempt.id,
        attempt_at: attempt.at,
        ip: attempt.ip,
        user_agent: attempt.user_agent,
        note: input.note,
        status: 'open',
        created_at: now,
      })
      .execute();
    const others = (await listOpenSessions(tx, accountId, now)).filter(
      (s) => s.id !== input.currentSessionId,
    );
    for (const s of others) await endSessionRow(tx, s.id, now, 'reportedNotMe');
    await updateAccountRow(tx, accountId, {
      must_change_password: 1,
      password_reason: 'compromised',
      updated_at: now,
    });
    return {
      result: { reportId: id, endedSessions: others.length },
      ledger: [
        {
          kind: 'identity.signInReported',
          subject: `signInReport:${id}`,
          payload: {
            account: `account:${accountId}`,
            attempt: attempt.id,
            attemptAt: attempt.at,
            outcome: attempt.outcome,
            ip: attempt.ip,
            note: input.note,
            endedSessions: others.length,
          },
        },
      ],
    };
  },
});
