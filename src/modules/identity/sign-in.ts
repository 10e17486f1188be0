import { defineUseCase, newId, type LedgerEntries } from '../../kernel/index.js';
import { profileOf } from './account-row.js';
import { findAccountByLoginId, updateAccountRow } from './accounts.repository.js';
import { signInInput } from './identity.schema.js';
import { openSession } from './open-session.js';
import { dueReason } from './password-expiry.js';
import { burnVerification, verifyPassword } from './password.js';

/** Limits for sessions opened before the profiles carried their own (the configuration's defaults). */
export interface SessionLimits {
  readonly idleMinutes: number;
  readonly absoluteHours: number;
}

export type SignInResult =
  | { readonly ok: true; readonly token: string; readonly sessionId: string; readonly accountId: string }
  | { readonly ok: false };

/**
 * Checks the password and opens a server-side session with the limits of the account's profile. A failure is
 * recorded too (the entry commits) and answers the same whether the ID exists or not. A password past its age or
 * its number of sign-ins must be changed before anything else (第6 4(2)(オ)).
 */
export const signIn = defineUseCase({
  name: 'identity.signIn',
  input: signInInput,
  authorize: () => undefined, // anyone may try to sign in
  execute: async (ctx, input, tx) => {
    const now = ctx.clock.now().toISOString();
    const account = await findAccountByLoginId(tx, input.loginId);
    const valid =
      account && account.disabled_at === null
        ? await verifyPassword(account.password_hash, input.password)
        : (await burnVerification(input.password), false);
    const context = { ip: input.ip, userAgent: input.userAgent };
    if (!account || !valid) {
      return {
        result: { ok: false } as SignInResult,
        ledger: [
          {
            kind: 'identity.signInFailed',
            subject: account ? `account:${account.id}` : `login:${input.loginId}`,
            payload: context,
          },
        ],
      };
    }
    const profile = await profileOf(tx, account);
    const { token, sessionId } = await openSession(tx, account, profile, {
      now,
      stage: 'full',
      methods: 'password',
      ip: input.ip,
      userAgent: input.userAgent,
      attemptId: null,
    });
    const signIns = account.sign_ins_since_change + 1;
    const due =
      account.must_change_password === 0 && account.source === 'local'
        ? dueReason(profile, account, signIns, ctx.clock.now())
        : null;
    await updateAccountRow(tx, account.id, {
      last_sign_in_at: now,
      sign_ins_since_change: signIns,
      ...(due === null ? {} : { must_change_password: 1, password_reason: due }),
    });
    const ledger: LedgerEntries = [
      // The session is named by a fresh id, never by its token hash.
      {
        kind: 'identity.signedIn',
        subject: `account:${account.id}`,
        payload: { ...context, session: newId() },
      },
    ];
    return {
      result: { ok: true, token, sessionId, accountId: account.id } as SignInResult,
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
