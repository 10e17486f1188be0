import { defineUseCase, newId } from '../../kernel/index.js';
import { findAccountByLoginId, insertSession, updateAccountRow } from './accounts.repository.js';
import { signInInput } from './identity.schema.js';
import { burnVerification, verifyPassword } from './password.js';
import { newCsrfToken, newSessionToken } from './session-token.js';

export interface SessionLimits {
  readonly idleMinutes: number;
  readonly absoluteHours: number;
}

export type SignInResult =
  | { readonly ok: true; readonly token: string; readonly sessionId: string; readonly accountId: string }
  | { readonly ok: false };

const addMinutes = (iso: string, minutes: number): string =>
  new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();

/**
 * Checks the password and opens a server-side session. A failure is recorded too (the entry commits) and answers
 * the same whether the ID exists or not.
 */
export const signIn = (limits: SessionLimits) =>
  defineUseCase({
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
      const { token, id } = newSessionToken();
      await insertSession(tx, {
        id,
        account_id: account.id,
        csrf_token: newCsrfToken(),
        created_at: now,
        last_seen_at: now,
        idle_expires_at: addMinutes(now, limits.idleMinutes),
        absolute_expires_at: addMinutes(now, limits.absoluteHours * 60),
        revoked_at: null,
        ip: input.ip,
        user_agent: input.userAgent,
      });
      await updateAccountRow(tx, account.id, { last_sign_in_at: now });
      return {
        result: { ok: true, token, sessionId: id, accountId: account.id } as SignInResult,
        // The session is named by a fresh id, never by its token hash.
        ledger: [
          {
            kind: 'identity.signedIn',
            subject: `account:${account.id}`,
            payload: { ...context, session: newId() },
          },
        ],
      };
    },
  });

export { addMinutes };
