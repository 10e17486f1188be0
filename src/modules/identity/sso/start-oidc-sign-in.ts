import { z } from 'zod';
import { defineUseCase } from '../../../kernel/index.js';
import { loginIdOfState } from './finish-oidc-sign-in.js';
import { insertOidcLogin } from './oidc.repository.js';

/** Only paths of the app itself are returned to after sign-in (no open redirect), never the sign-in page. */
export const safeReturnTo = (from: string | null | undefined): string => {
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/\\'))
    return '/';
  if (from.startsWith('/signin') || from.startsWith('/api/') || from === '/password') return '/';
  return from.slice(0, 500);
};

export const startOidcSignInInput = z
  .object({
    state: z.string().min(20).max(200),
    nonce: z.string().min(20).max(200),
    codeVerifier: z.string().min(43).max(128),
    returnTo: z.string().max(2000).nullable(),
    issuer: z.string().max(300),
    ip: z.string().max(64).nullable(),
    userAgent: z.string().max(512).nullable(),
  })
  .strict();

/**
 * Records a sign-in in progress: the PKCE verifier and the nonce, under the SHA-256 of the state (the state itself
 * lives only in the browser's cookie and the provider's redirect), where to return, and who started it.
 */
export const startOidcSignIn = defineUseCase({
  name: 'identity.startOidcSignIn',
  input: startOidcSignInInput,
  authorize: () => undefined, // anyone may start signing in
  execute: async (ctx, input, tx) => {
    const now = ctx.clock.now().toISOString();
    await insertOidcLogin(tx, {
      id: loginIdOfState(input.state),
      code_verifier: input.codeVerifier,
      nonce: input.nonce,
      created_at: now,
      used_at: null,
      return_to: safeReturnTo(input.returnTo),
      ip: input.ip,
      user_agent: input.userAgent,
    });
    return {
      result: { started: true },
      ledger: [
        {
          kind: 'identity.ssoStarted',
          subject: `oidc:${input.issuer}`,
          payload: { ip: input.ip, userAgent: input.userAgent },
        },
      ],
    };
  },
});
