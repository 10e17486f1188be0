import { z } from 'zod';
import { AppError, defineUseCase, newId, type LedgerDraft, type Tx } from '../../kernel/index.js';
import { findAccountById, findSession } from './accounts.repository.js';
import { insertAttempt } from './attempts.repository.js';
import { recordFailure } from './lockout.js';
import { addMinutes, rotateSession } from './open-session.js';
import { classOf } from './password-profiles.js';
import { verifyPassword } from './password.js';
import { loadIdentitySettings } from './settings.repository.js';

export type ElevateResult =
  { readonly ok: true; readonly token: string; readonly until: string } | { readonly ok: false };

/** A second factor checked at elevation, when the profile asks for one (filled in with MFA). */
export type ElevationFactorCheck = (
  tx: Tx,
  accountId: string,
  code: string | null,
  now: string,
) => Promise<'ok' | 'missing' | 'wrong' | 'notRequired'>;

const notRequired: ElevationFactorCheck = () => Promise.resolve('notRequired');

export const elevateInput = z
  .object({ password: z.string().min(1).max(1024), code: z.string().max(128).nullable().default(null) })
  .strict();

/**
 * A privileged ID holds its privileges only for a limited time after re-authenticating (第7 2(4) 特権による接続時間
 * の制限): the password again (and the second factor when the profile requires one), for the profile's elevation
 * minutes, never past the session's absolute limit. The session is replaced (new token) at the change of privilege.
 * A wrong password counts toward the lockout like a sign-in.
 */
export const makeElevateSession = (checkFactor: ElevationFactorCheck = notRequired) =>
  defineUseCase({
    name: 'identity.elevateSession',
    input: elevateInput.extend({ sessionId: z.string().length(64), ip: z.string().max(64).nullable() }),
    authorize: async (ctx, _input, tx) => {
      const account = await findAccountById(tx, ctx.actor.accountId ?? '');
      if (!account || classOf(account) !== 'privileged')
        throw new AppError('forbidden', {
          ja: '特権IDのみが昇格できます（第7 2(4)）。',
          en: 'Only privileged IDs elevate (第7 2(4)).',
        });
    },
    execute: async (ctx, input, tx) => {
      const now = ctx.clock.now().toISOString();
      const account = await findAccountById(tx, ctx.actor.accountId ?? '');
      const session = await findSession(tx, input.sessionId);
      if (!account || !session || session.account_id !== account.id || session.stage !== 'full')
        throw new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });
      const settings = await loadIdentitySettings(tx);
      const profile = settings.profiles.privileged;
      const passwordOk = await verifyPassword(account.password_hash, input.password);
      const factor = passwordOk ? await checkFactor(tx, account.id, input.code, now) : 'wrong';
      if (!passwordOk || factor === 'wrong' || factor === 'missing') {
        await insertAttempt(tx, {
          id: newId(),
          at: now,
          login_id: account.login_id,
          account_id: account.id,
          ip: input.ip,
          user_agent: session.user_agent,
          outcome: passwordOk ? 'badSecondFactor' : 'badPassword',
          method: 'elevation',
        });
        const more: LedgerDraft[] = passwordOk
          ? []
          : await recordFailure(tx, { account, profile, address: settings.address, ip: input.ip, now });
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
            payload: { until, minutes: profile.elevationMinutes, secondFactor: factor === 'ok' },
          },
        ],
      };
    },
  });

export const elevateSession = makeElevateSession();
