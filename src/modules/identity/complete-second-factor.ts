import { z } from 'zod';
import { AppError, defineUseCase, newId } from '../../kernel/index.js';
import { findAccountById, findSession } from './accounts.repository.js';
import { activeLockout, insertAttempt } from './attempts.repository.js';
import { finishSignIn } from './finish-sign-in.js';
import { recordFailure } from './lockout.js';
import { proofFields, proofOf, rpSchema } from './mfa-inputs.js';
import { classOf } from './password-profiles.js';
import { checkSecondFactor } from './second-factor.js';
import { endSessionRow } from './sessions.repository.js';
import { loadIdentitySettings } from './settings.repository.js';

export type SecondFactorResult = { readonly ok: true; readonly token: string } | { readonly ok: false };

/**
 * The second step of a sign-in: a TOTP code, a recovery code or a security key / passkey. A wrong one counts
 * toward the account's lockout like a wrong password; a locked account's pending session ends.
 */
export const completeSecondFactor = defineUseCase({
  name: 'identity.completeSecondFactor',
  input: z
    .object({
      sessionId: z.string().length(64),
      ip: z.string().max(64).nullable(),
      rp: rpSchema,
      ...proofFields,
    })
    .strict(),
  authorize: (ctx) => {
    if (ctx.actor.accountId === null)
      throw new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });
  },
  execute: async (ctx, input, tx) => {
    const nowDate = ctx.clock.now();
    const now = nowDate.toISOString();
    const session = await findSession(tx, input.sessionId);
    const account = await findAccountById(tx, ctx.actor.accountId ?? '');
    if (!session || !account || session.account_id !== account.id || session.stage !== 'mfa')
      throw new AppError('forbidden', {
        ja: 'このセッションは確認コードの入力を待っていません。',
        en: 'This session is not waiting for a second factor.',
      });
    const proof = proofOf(input);
    if (proof === null) {
      const message = { ja: '確認コードを入力してください。', en: 'Enter a code.' };
      throw new AppError('validation', message, { issues: [{ field: 'code', message }] });
    }
    const settings = await loadIdentitySettings(tx);
    const profile = settings.profiles[classOf(account)];
    const locked = await activeLockout(tx, 'account', account.id, now);
    const check = locked
      ? ({ result: 'wrong' } as const)
      : await checkSecondFactor(tx, account, session, proof, input.rp, nowDate);
    if (check.result !== 'ok') {
      await insertAttempt(tx, {
        id: newId(),
        at: now,
        login_id: account.login_id,
        account_id: account.id,
        ip: input.ip,
        user_agent: session.user_agent,
        outcome: locked ? 'locked' : 'badSecondFactor',
        method: proof.kind,
      });
      const more = locked
        ? []
        : await recordFailure(tx, { account, profile, address: settings.address, ip: input.ip, now });
      if (locked || more.some((d) => d.kind === 'identity.accountLocked'))
        await endSessionRow(tx, session.id, now, 'locked');
      return {
        result: { ok: false } as SecondFactorResult,
        ledger: [
          {
            kind: 'identity.signInFailed',
            subject: `account:${account.id}`,
            payload: {
              ip: input.ip,
              userAgent: session.user_agent,
              reason: locked ? 'locked' : 'badSecondFactor',
            },
          },
          ...more,
        ],
      };
    }
    const { opened, ledger } = await finishSignIn(tx, {
      account,
      session,
      profile,
      method: check.method,
      ip: input.ip,
      now,
    });
    return { result: { ok: true, token: opened.token } as SecondFactorResult, ledger: [ledger] };
  },
});
