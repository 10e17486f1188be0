import { z } from 'zod';
import { AppError, defineUseCase, type LedgerDraft } from '../../kernel/index.js';
import { findAccountById, findSession } from './accounts.repository.js';
import { recordFailedCheck } from './lockout.js';
import { proofBody, proofFields, proofOf, rpSchema } from './mfa-inputs.js';
import { confirmedFactors } from './mfa.repository.js';
import { addMinutes, rotateSession } from './open-session.js';
import { classOf } from './password-profiles.js';
import { verifyPassword } from './password.js';
import { checkSecondFactor } from './second-factor.js';
import { loadIdentitySettings } from './settings.repository.js';

export type ElevateResult =
  { readonly ok: true; readonly token: string; readonly until: string } | { readonly ok: false };

/** The request body: the password and the second factor. */
export const elevateBody = proofBody.extend({ password: z.string().min(1).max(1024) });

/**
 * A privileged ID holds its privileges only for a limited time after re-authenticating (第7 2(4) 特権による接続時間
 * の制限): the password again and a second factor (a code or a security key), for the profile's elevation minutes,
 * never past the session's absolute limit. The session is replaced (new token) at the change of privilege. A wrong
 * password or factor counts toward the lockout like a sign-in.
 */
export const elevateSession = defineUseCase({
  name: 'identity.elevateSession',
  input: z
    .object({
      password: z.string().min(1).max(1024),
      ...proofFields,
      sessionId: z.string().length(64),
      ip: z.string().max(64).nullable(),
      rp: rpSchema,
    })
    .strict(),
  authorize: async (ctx, _input, tx) => {
    const account = await findAccountById(tx, ctx.actor.accountId ?? '');
    if (!account || classOf(account) !== 'privileged')
      throw new AppError('forbidden', {
        ja: '特権IDのみが昇格できます（第7 2(4)）。',
        en: 'Only privileged IDs elevate (第7 2(4)).',
      });
  },
  execute: async (ctx, input, tx) => {
    const nowDate = ctx.clock.now();
    const now = nowDate.toISOString();
    const account = await findAccountById(tx, ctx.actor.accountId ?? '');
    const session = await findSession(tx, input.sessionId);
    if (!account || !session || session.account_id !== account.id || session.stage !== 'full')
      throw new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });
    const settings = await loadIdentitySettings(tx);
    const profile = settings.profiles.privileged;
    const factors = await confirmedFactors(tx, account.id);
    if (profile.mfaRequired && factors.length === 0)
      throw new AppError('conflict', {
        ja: '昇格には多要素認証の登録が必要です。',
        en: 'Enrol a second factor before elevating.',
      });
    const passwordOk = await verifyPassword(account.password_hash, input.password);
    const proof = proofOf(input);
    const factor =
      !passwordOk || factors.length === 0
        ? null
        : proof === null
          ? ({ result: 'wrong' } as const)
          : await checkSecondFactor(tx, account, session, proof, input.rp, nowDate);
    if (!passwordOk || (factor !== null && factor.result !== 'ok')) {
      const more: LedgerDraft[] = await recordFailedCheck(tx, {
        account,
        profile,
        address: settings.address,
        ip: input.ip,
        userAgent: session.user_agent,
        outcome: passwordOk ? 'badSecondFactor' : 'badPassword',
        method: 'elevation',
        now,
      });
      return {
        result: { ok: false } as ElevateResult,
        ledger: [
          {
            kind: 'identity.elevationFailed',
            subject: `account:${account.id}`,
            payload: { reason: passwordOk ? 'secondFactor' : 'password' },
          },
          ...more,
        ],
      };
    }
    const wanted = addMinutes(now, profile.elevationMinutes);
    const until = wanted < session.absolute_expires_at ? wanted : session.absolute_expires_at;
    const { token } = await rotateSession(tx, session, now, { elevated_until: until });
    return {
      result: { ok: true, token, until } as ElevateResult,
      ledger: [
        {
          kind: 'identity.sessionElevated',
          subject: `account:${account.id}`,
          payload: {
            until,
            minutes: profile.elevationMinutes,
            secondFactor: factor?.result === 'ok' ? factor.method : null,
          },
        },
      ],
    };
  },
});
