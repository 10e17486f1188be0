import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import type { OidcSettings } from './oidc.schema.js';

/**
 * The relying-party side of OpenID Connect (openid-client): discovery from the configured issuer (inside the
 * hospital network), the authorization code flow with PKCE (S256), state and nonce, and the ID token's signature
 * checked against the provider's JWKS (enableNonRepudiationChecks: without it openid-client trusts an ID token from
 * the token endpoint on the strength of TLS alone).
 */
export class OidcFailure extends Error {
  constructor(
    /** What the ledger records: unreachable, providerError, tokenRejected. */
    readonly reason: 'unreachable' | 'providerError' | 'tokenRejected',
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(detail, options);
    this.name = 'OidcFailure';
  }
}

const TTL_MS = 10 * 60_000;
const cache = new Map<string, { readonly at: number; readonly config: Promise<oidc.Configuration> }>();

const keyOf = (settings: OidcSettings, secret: string | null): string =>
  JSON.stringify([
    settings.issuer,
    settings.clientId,
    secret === null ? null : createHash('sha256').update(secret).digest('hex'),
  ]);

/** The provider's metadata (discovered once and kept for ten minutes) with the client's credentials. */
export const providerConfiguration = (
  settings: OidcSettings,
  clientSecret: string | null,
  now = Date.now(),
): Promise<oidc.Configuration> => {
  const key = keyOf(settings, clientSecret);
  const hit = cache.get(key);
  if (hit !== undefined && now - hit.at < TTL_MS) return hit.config;
  const issuer = new URL(settings.issuer);
  const config = oidc
    .discovery(
      issuer,
      settings.clientId,
      undefined,
      clientSecret === null ? oidc.None() : oidc.ClientSecretBasic(clientSecret),
      {
        timeout: 10,
        // http is allowed by the settings only towards this machine (see oidc.schema.ts).
        execute: [
          oidc.enableNonRepudiationChecks,
          // eslint-disable-next-line @typescript-eslint/no-deprecated -- http only towards this machine (oidc.schema.ts)
          ...(issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : []),
        ],
      },
    )
    .catch((e: unknown) => {
      cache.delete(key);
      throw new OidcFailure('unreachable', e instanceof Error ? e.message : String(e), { cause: e });
    });
  cache.set(key, { at: now, config });
  return config;
};

export interface AuthorizationRequest {
  readonly url: URL;
  readonly codeVerifier: string;
}

export const randomState = (): string => oidc.randomState();
export const randomNonce = (): string => oidc.randomNonce();

/** Where to send the browser: the provider's authorization endpoint with PKCE, state and nonce. */
export const authorizationRequest = async (
  config: oidc.Configuration,
  fields: { redirectUri: string; scopes: string; state: string; nonce: string },
): Promise<AuthorizationRequest> => {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const scope = ['openid', ...fields.scopes.split(' ').filter((s) => s !== '' && s !== 'openid')].join(' ');
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: fields.redirectUri,
    scope,
    response_type: 'code',
    state: fields.state,
    nonce: fields.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url, codeVerifier };
};

/**
 * Exchanges the code for tokens and returns the subject and the configured claim, once openid-client has checked the
 * state, the PKCE verifier, the ID token's issuer, audience, expiry, nonce and its signature against the provider's
 * keys.
 */
export const exchangeCode = async (
  config: oidc.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
  claim: string,
): Promise<{ readonly subject: string; readonly value: string | null }> => {
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
  } catch (e) {
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    if (e instanceof oidc.AuthorizationResponseError || e instanceof oidc.ResponseBodyError)
      throw new OidcFailure('providerError', detail, { cause: e });
    if (e instanceof TypeError && /fetch failed/i.test(e.message))
      throw new OidcFailure('unreachable', detail, { cause: e });
    throw new OidcFailure('tokenRejected', detail, { cause: e });
  }
  const claims = tokens.claims();
  if (claims === undefined) throw new OidcFailure('tokenRejected', 'no ID token');
  const text = (v: unknown): string | null =>
    typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
  const value = text(claims[claim]);
  if (value !== null) return { subject: claims.sub, value };
  // A provider that keeps the ID token small (OIDC Core 5.4) gives the claim at the UserInfo endpoint, for the
  // same subject (checked by openid-client).
  try {
    const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    return { subject: claims.sub, value: text(info[claim]) };
  } catch (e) {
    throw new OidcFailure('providerError', e instanceof Error ? `userinfo: ${e.message}` : 'userinfo', {
      cause: e,
    });
  }
};
