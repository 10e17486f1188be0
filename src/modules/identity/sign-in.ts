import { z } from 'zod';
import {
  calendarDate,
  defineUseCase,
  newId,
  parseOrThrow,
  type AccountTable,
  type LedgerDraft,
  type LedgerEntries,
  type UseCaseContext,
} from '../../kernel/index.js';
import { findAccountByLoginId, updateAccountRow } from './accounts.repository.js';
import { activeLockout, insertAttempt, type AttemptOutcome } from './attempts.repository.js';
import { signInInput } from './identity.schema.js';
import { recordFailure } from './lockout.js';
import { openSession, type SessionStage } from './open-session.js';
import { dueReason } from './password-expiry.js';
import { classOf } from './password-profiles.js';
import { burnVerification, verifyPassword } from './password.js';
import { confirmedFactors } from './mfa.repository.js';
import { loadIdentitySettings } from './settings.repository.js';
import { loadOidcSettings } from './sso/oidc.repository.js';

/** Limits for sessions opened before the profiles carried their own (the configuration's defaults). */
export interface SessionLimits {
  readonly idleMinutes: number;
  readonly absoluteHours: number;
}

export type SignInResult =
  | {
      readonly ok: true;
      readonly token: string;
      readonly sessionId: string;
      readonly accountId: string;
      readonly stage: SessionStage;
    }
  | { readonly ok: false; readonly reason: 'invalid' }
  | { readonly ok: false; readonly reason: 'addressLocked'; readonly until: string | null }
  | { readonly ok: false; readonly reason: 'ssoRequired'; readonly provider: { ja: string; en: string } };

/** Whether an account may sign in today: not disabled, not past its end date (development IDs, leavers). */
const usable = (account: AccountTable, today: string): boolean =>
  account.disabled_at === null && (account.end_date === null || account.end_date >= today);

/** What the transaction is told: the hash the password verified against, never the password. */
const signInRecordInput = signInInput
  .omit({ password: true })
  .extend({ verifiedHash: z.string().max(512).nullable() })
  .strict();

/**
 * Records the attempt and opens the session, in one transaction, given the outcome of the password check made
 * before it (see signIn).
 */
const recordSignIn = defineUseCase({
  name: 'identity.signIn',
  input: signInRecordInput,
  authorize: () => undefined, // anyone may try to sign in
  execute: async (ctx: UseCaseContext, input, tx) => {
    const nowDate = ctx.clock.now();
    const now = nowDate.toISOString();
    const settings = await loadIdentitySettings(tx);
    const context = { ip: input.ip, userAgent: input.userAgent };
    const record = (outcome: AttemptOutcome, accountId: string | null): Promise<string> => {
      const id = newId();
      return insertAttempt(tx, {
        id,
        at: now,
        login_id: input.loginId,
        account_id: accountId,
        ip: input.ip,
        user_agent: input.userAgent,
        outcome,
        method: 'password',
      }).then(() => id);
    };

    const addressLock = input.ip === null ? undefined : await activeLockout(tx, 'address', input.ip, now);
    if (addressLock) {
      await record('addressLocked', null);
      return {
        result: { ok: false, reason: 'addressLocked', until: addressLock.until } as SignInResult,
        ledger: [
          {
            kind: 'identity.signInRefused',
            subject: `address:${input.ip ?? ''}`,
            payload: { ...context, loginId: input.loginId, reason: 'addressLocked' },
          },
        ],
      };
    }

    const account = await findAccountByLoginId(tx, input.loginId);
    const today = calendarDate(nowDate, ctx.timeZone);
    const profile = settings.profiles[account ? classOf(account) : 'standard'];
    const lock = account ? await activeLockout(tx, 'account', account.id, now) : undefined;
    const open = account !== undefined && usable(account, today) && lock === undefined;
    // Valid only if the password verified against the hash stored now (a change in between invalidates it).
    const valid = open && input.verifiedHash !== null && account.password_hash === input.verifiedHash;

    if (!account || !valid) {
      const outcome: AttemptOutcome = !account
        ? 'unknownId'
        : lock
          ? 'locked'
          : !usable(account, today)
            ? 'disabled'
            : 'badPassword';
      await record(outcome, account?.id ?? null);
      const failed: LedgerDraft = {
        kind: 'identity.signInFailed',
        subject: account ? `account:${account.id}` : `login:${input.loginId}`,
        payload: { ...context, reason: outcome },
      };
      const more = await recordFailure(tx, {
        account: outcome === 'badPassword' ? account : undefined,
        profile,
        address: settings.address,
        ip: input.ip,
        now,
      });
      return { result: { ok: false, reason: 'invalid' } as SignInResult, ledger: [failed, ...more] };
    }

    // With single sign-on on and passwords kept for privileged IDs only, a staff ID's right password opens nothing:
    // the person is told to use the provider (the password was right, so this tells an attacker nothing new).
    const sso = await loadOidcSettings(tx);
    if (sso.saved && sso.settings.enabled && sso.settings.passwordSignIn === 'privilegedOnly') {
      if (classOf(account) === 'standard') {
        await record('ssoRequired', account.id);
        return {
          result: {
            ok: false,
            reason: 'ssoRequired',
            provider: { ja: sso.settings.nameJa, en: sso.settings.nameEn },
          } as SignInResult,
          ledger: [
            {
              kind: 'identity.signInRefused',
              subject: `account:${account.id}`,
              payload: { ...context, loginId: input.loginId, reason: 'ssoRequired' },
            },
          ],
        };
      }
    }

    // A confirmed factor is asked for at every sign-in; a profile that requires MFA makes the person enrol one
    // before anything else (privileged IDs, 7-2(1)ウ(エ)).
    const factors = await confirmedFactors(tx, account.id);
    const stage: SessionStage = factors.length > 0 ? 'mfa' : profile.mfaRequired ? 'enrol' : 'full';
    const attemptId = await record(stage === 'full' ? 'success' : 'secondFactorPending', account.id);
    const { token, sessionId } = await openSession(tx, account, profile, {
      now,
      stage,
      methods: 'password',
      ip: input.ip,
      userAgent: input.userAgent,
      attemptId,
    });
    const signIns = account.sign_ins_since_change + 1;
    const due =
      account.must_change_password === 0 && account.source === 'local'
        ? dueReason(profile, account, signIns, nowDate)
        : null;
    await updateAccountRow(tx, account.id, {
      sign_ins_since_change: signIns,
      ...(stage === 'full' ? { last_sign_in_at: now, failed_attempts: 0 } : {}),
      ...(due === null ? {} : { must_change_password: 1, password_reason: due }),
    });
    const ledger: LedgerEntries = [
      // The session is named by the attempt's id, never by its token hash.
      {
        kind: stage === 'full' ? 'identity.signedIn' : 'identity.passwordVerified',
        subject: `account:${account.id}`,
        payload: { ...context, attempt: attemptId, stage },
      },
    ];
    return {
      result: { ok: true, token, sessionId, accountId: account.id, stage } as SignInResult,
      ledger:
        due === null
          ? ledger
          : [
              ...ledger,
              {
                kind: 'identity.passwordDue',
                subject: `account:${account.id}`,
                payload: {
                  reason: due,
                  signIns,
                  maxSignIns: profile.maxSignIns,
                  maxAgeDays: profile.maxAgeDays,
                },
              },
            ],
    };
  },
});

/**
 * Checks the password and opens a server-side session with the limits of the account's profile. Every attempt is
 * recorded (the entry commits, even for a refusal) and answers the same whether the ID exists, the password is
 * wrong, the account is locked or disabled; an unknown ID costs the same argon2 verification. Failures lock the
 * account after the profile's number (fewer for privileged IDs, 7-2(1)ウ(エ)) and the address after the per-address
 * number. A password past its age or number of sign-ins must be changed first (第6 4(2)(オ)).
 */
export const signIn = Object.assign(
  async (ctx: UseCaseContext, raw: z.input<typeof signInInput>): Promise<SignInResult> => {
    const input = parseOrThrow(signInInput, raw);
    // The argon2 work (tens of milliseconds) happens before the transaction: on SQLite one connection serves
    // every request, and a transaction waiting on a hash would hold all of them. The transaction then re-reads
    // the account and its locks and accepts the result only for the hash it was checked against.
    const db = ctx.database.db;
    const nowDate = ctx.clock.now();
    const now = nowDate.toISOString();
    const addressLock = input.ip === null ? undefined : await activeLockout(db, 'address', input.ip, now);
    const account = addressLock ? undefined : await findAccountByLoginId(db, input.loginId);
    const lock = account ? await activeLockout(db, 'account', account.id, now) : undefined;
    let verifiedHash: string | null = null;
    if (account !== undefined && usable(account, calendarDate(nowDate, ctx.timeZone)) && lock === undefined) {
      if (await verifyPassword(account.password_hash, input.password)) verifiedHash = account.password_hash;
    } else await burnVerification(input.password);
    return recordSignIn(ctx, {
      loginId: input.loginId,
      ip: input.ip,
      userAgent: input.userAgent,
      verifiedHash,
    });
  },
  { useCaseName: 'identity.signIn' },
);
