import { createHash } from 'node:crypto';
import { z } from 'zod';
import { calendarDate, defineUseCase, newId, type AccountTable, type Tx } from '../../../kernel/index.js';
import { findAccountByLoginId, updateAccountRow } from '../accounts.repository.js';
import { activeLockout, insertAttempt, type AttemptOutcome } from '../attempts.repository.js';
import { confirmedFactors } from '../mfa.repository.js';
import { openSession, type SessionStage } from '../open-session.js';
import { classOf } from '../password-profiles.js';
import { loadIdentitySettings } from '../settings.repository.js';
import { claimOidcLogin, findOidcLogin } from './oidc.repository.js';
import type { OidcMatchBy } from './oidc.schema.js';

/** A sign-in started more than this long ago is refused at the callback. */
export const OIDC_LOGIN_TTL_MS = 10 * 60_000;

/** The oidc_logins row of a state: its SHA-256, so the state itself is never stored. */
export const loginIdOfState = (state: string): string => createHash('sha256').update(state).digest('hex');

export type OidcRefusal =
  'stateMismatch' | 'expired' | 'unreachable' | 'providerError' | 'tokenRejected' | 'noAccount' | 'unusable';

export type OidcSignInResult =
  | {
      readonly ok: true;
      readonly token: string;
      readonly sessionId: string;
      readonly stage: SessionStage;
      readonly returnTo: string;
    }
  | { readonly ok: false; readonly reason: OidcRefusal };

const refusals = ['stateMismatch', 'expired', 'unreachable', 'providerError', 'tokenRejected'] as const;

export const finishOidcSignInInput = z
  .object({
    state: z.string().min(1).max(200),
    issuer: z.string().max(300),
    ip: z.string().max(64).nullable(),
    userAgent: z.string().max(512).nullable(),
    outcome: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('claims'),
          subject: z.string().min(1).max(255),
          /** The configured claim's value, and how it names an account. */
          value: z.string().max(255).nullable(),
          matchBy: z.enum(['loginId', 'employeeNumber', 'directoryId']),
        })
        .strict(),
      z
        .object({ kind: z.literal('refused'), reason: z.enum(refusals), detail: z.string().max(2000) })
        .strict(),
    ]),
  })
  .strict();

const accountFor = async (tx: Tx, matchBy: OidcMatchBy, value: string): Promise<AccountTable | undefined> => {
  switch (matchBy) {
    case 'loginId':
      return (await findAccountByLoginId(tx, value)) ?? findAccountByLoginId(tx, value.toLowerCase());
    case 'employeeNumber':
      return tx
        .selectFrom('accounts')
        .innerJoin('staff', 'staff.id', 'accounts.staff_id')
        .selectAll('accounts')
        .where('staff.employee_number', '=', value)
        .where('accounts.kind', '=', 'personal')
        .executeTakeFirst();
    case 'directoryId':
      return tx
        .selectFrom('accounts')
        .selectAll()
        .where('external_id', '=', value)
        .where('source', 'in', ['ldap', 'local'])
        .executeTakeFirst();
  }
};

/**
 * The callback's second half, in one transaction: the sign-in in progress is used once (a replayed callback finds
 * it used), the verified claims name an account, and a session opens with the account's profile — a privileged ID
 * or anyone with a factor still gives their second factor (第7 2(1)ウ(エ)); a profile that requires MFA makes them
 * enrol first. Every outcome is recorded as an attempt and a ledger entry, as for password sign-ins.
 */
export const finishOidcSignIn = defineUseCase({
  name: 'identity.finishOidcSignIn',
  input: finishOidcSignInInput,
  authorize: () => undefined, // anyone may try to sign in
  execute: async (ctx, input, tx) => {
    const nowDate = ctx.clock.now();
    const now = nowDate.toISOString();
    const context = { ip: input.ip, userAgent: input.userAgent, method: 'oidc', issuer: input.issuer };
    const rowId = loginIdOfState(input.state);
    const row = await findOidcLogin(tx, rowId);
    const fresh =
      row !== undefined && nowDate.getTime() - new Date(row.created_at).getTime() < OIDC_LOGIN_TTL_MS;
    const claimed = row !== undefined && (await claimOidcLogin(tx, rowId, now));
    const claims = input.outcome.kind === 'claims' ? input.outcome : null;
    const record = async (outcome: AttemptOutcome, account: AccountTable | undefined): Promise<string> => {
      const id = newId();
      await insertAttempt(tx, {
        id,
        at: now,
        login_id: account?.login_id ?? claims?.value ?? claims?.subject ?? '(oidc)',
        account_id: account?.id ?? null,
        ip: input.ip,
        user_agent: input.userAgent,
        outcome,
        method: 'oidc',
      });
      return id;
    };
    const refuse = async (reason: OidcRefusal, account?: AccountTable, detail?: string) => {
      await record('ssoRefused', account);
      return {
        result: { ok: false, reason } as OidcSignInResult,
        ledger: [
          {
            kind: 'identity.signInFailed',
            subject: account ? `account:${account.id}` : `oidc:${input.issuer}`,
            payload: {
              ...context,
              reason,
              subject: claims?.subject ?? null,
              ...(detail === undefined ? {} : { detail: detail.slice(0, 500) }),
            },
          },
        ] as const,
      };
    };

    if (input.outcome.kind === 'refused')
      return refuse(input.outcome.reason, undefined, input.outcome.detail);
    if (!claimed || !fresh || claims === null) return refuse('expired');
    const account = claims.value === null ? undefined : await accountFor(tx, claims.matchBy, claims.value);
    if (account === undefined) return refuse('noAccount');
    const today = calendarDate(nowDate, ctx.timeZone);
    const lock = await activeLockout(tx, 'account', account.id, now);
    if (
      account.disabled_at !== null ||
      (account.end_date !== null && account.end_date < today) ||
      lock !== undefined
    )
      return refuse('unusable', account);

    const settings = await loadIdentitySettings(tx);
    const profile = settings.profiles[classOf(account)];
    const factors = await confirmedFactors(tx, account.id);
    const stage: SessionStage = factors.length > 0 ? 'mfa' : profile.mfaRequired ? 'enrol' : 'full';
    const attemptId = await record(stage === 'full' ? 'success' : 'secondFactorPending', account);
    const { token, sessionId } = await openSession(tx, account, profile, {
      now,
      stage,
      methods: 'oidc',
      ip: input.ip,
      userAgent: input.userAgent,
      attemptId,
    });
    if (stage === 'full')
      await updateAccountRow(tx, account.id, { last_sign_in_at: now, failed_attempts: 0 });
    return {
      result: { ok: true, token, sessionId, stage, returnTo: row.return_to ?? '/' } as OidcSignInResult,
      ledger: [
        {
          kind: stage === 'full' ? 'identity.signedIn' : 'identity.ssoVerified',
          subject: `account:${account.id}`,
          payload: { ...context, attempt: attemptId, stage, subject: claims.subject },
        },
      ],
    };
  },
});
