import { timingSafeEqual } from 'node:crypto';
import type { UseCaseContext } from '../../../kernel/index.js';
import { revealSecret, type SecretBox } from '../secret-box.js';
import { finishOidcSignIn, loginIdOfState, type OidcSignInResult } from './finish-oidc-sign-in.js';
import {
  authorizationRequest,
  exchangeCode,
  OidcFailure,
  providerConfiguration,
  randomNonce,
  randomState,
} from './oidc-client.js';
import { findOidcLogin, loadOidcSettings } from './oidc.repository.js';
import type { OidcSettings } from './oidc.schema.js';
import { startOidcSignIn } from './start-oidc-sign-in.js';

export const CLIENT_SECRET_PURPOSE = 'oidc.clientSecret';

export interface SsoDeps {
  readonly secrets: SecretBox;
}

const secretOf = (deps: SsoDeps, settings: OidcSettings): string | null =>
  revealSecret(deps.secrets, settings.clientSecret, CLIENT_SECRET_PURPOSE, 'clientSecret');

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export type BeginResult =
  | { readonly ok: true; readonly url: string; readonly state: string }
  | { readonly ok: false; readonly reason: 'off' | 'unreachable' };

/**
 * The sign-in button: discovers the provider (network, outside any transaction), records the sign-in in progress
 * and returns where to send the browser, with the state for the browser's cookie.
 */
export const beginOidcSignIn =
  (deps: SsoDeps) =>
  async (
    ctx: UseCaseContext,
    input: { redirectUri: string; returnTo: string | null; ip: string | null; userAgent: string | null },
  ): Promise<BeginResult> => {
    const { settings, saved } = await loadOidcSettings(ctx.database.db);
    if (!saved || !settings.enabled) return { ok: false, reason: 'off' };
    let config: Awaited<ReturnType<typeof providerConfiguration>>;
    try {
      config = await providerConfiguration(settings, secretOf(deps, settings));
    } catch {
      return { ok: false, reason: 'unreachable' };
    }
    const state = randomState();
    const nonce = randomNonce();
    const request = await authorizationRequest(config, {
      redirectUri: input.redirectUri,
      scopes: settings.scopes,
      state,
      nonce,
    });
    await startOidcSignIn(ctx, {
      state,
      nonce,
      codeVerifier: request.codeVerifier,
      returnTo: input.returnTo,
      issuer: settings.issuer,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    return { ok: true, url: request.url.href, state };
  };

/**
 * The provider's redirect back: the state must be the one this browser's cookie holds (no login CSRF), the sign-in
 * in progress must exist and be unused, and the code is exchanged for an ID token whose signature, issuer,
 * audience, expiry and nonce hold; then finishOidcSignIn opens the session or records the refusal.
 */
export const completeOidcSignIn =
  (deps: SsoDeps) =>
  async (
    ctx: UseCaseContext,
    input: { callbackUrl: URL; cookieState: string | null; ip: string | null; userAgent: string | null },
  ): Promise<OidcSignInResult> => {
    const { settings } = await loadOidcSettings(ctx.database.db);
    const state = input.callbackUrl.searchParams.get('state') ?? '';
    const base = {
      state: state === '' ? '-' : state.slice(0, 200),
      issuer: settings.issuer,
      ip: input.ip,
      userAgent: input.userAgent,
    };
    const refused = (reason: 'stateMismatch' | 'expired' | OidcFailure['reason'], detail: string) =>
      finishOidcSignIn(ctx, { ...base, outcome: { kind: 'refused', reason, detail } });
    if (input.cookieState === null || state === '' || !sameText(input.cookieState, state))
      return refused('stateMismatch', 'the state does not match this browser');
    // Turned off while the person was at the provider: the sign-in cannot finish.
    if (!settings.enabled) return refused('expired', 'single sign-on was turned off');
    const row = await findOidcLogin(ctx.database.db, loginIdOfState(state));
    if (row === undefined || row.used_at !== null)
      return refused('expired', 'no such sign-in in progress, or used');
    let named: Awaited<ReturnType<typeof exchangeCode>>;
    try {
      const config = await providerConfiguration(settings, secretOf(deps, settings));
      named = await exchangeCode(
        config,
        input.callbackUrl,
        { state, nonce: row.nonce, codeVerifier: row.code_verifier },
        settings.claim,
      );
    } catch (e) {
      return refused(
        e instanceof OidcFailure ? e.reason : 'tokenRejected',
        e instanceof Error ? e.message : String(e),
      );
    }
    return finishOidcSignIn(ctx, {
      ...base,
      outcome: { kind: 'claims', subject: named.subject, value: named.value, matchBy: settings.matchBy },
    });
  };
