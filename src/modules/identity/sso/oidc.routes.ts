import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { contextOf, SESSION_COOKIE, type MamoriApp } from '../../../kernel/index.js';
import { oidcSettingsInput } from './oidc.schema.js';
import { getOidcSettings, getSsoInfo, OIDC_CALLBACK_PATH, updateOidcSettings } from './oidc-settings.js';
import { beginOidcSignIn, completeOidcSignIn, type SsoDeps } from './oidc-sign-in.js';

const tags = ['identity'];
/** The state travels in this cookie: only to the OIDC routes, Lax so that the provider's redirect brings it back. */
const STATE_COOKIE = 'mamori_oidc';
const STATE_PATH = '/api/identity/oidc';

export interface OidcRouteOptions extends SsoDeps {
  readonly secureCookies: boolean;
  /** The address staff open Mamori at; the request's own when unset. */
  readonly publicUrl?: string | undefined;
}

/** Single sign-on with the hospital's OpenID Connect provider: the button, the callback, the settings. */
export const registerOidcRoutes = (app: MamoriApp, options: OidcRouteOptions): void => {
  const begin = beginOidcSignIn(options);
  const complete = completeOidcSignIn(options);
  const update = updateOidcSettings(options);
  const origin = (req: FastifyRequest): string =>
    options.publicUrl !== undefined
      ? new URL(options.publicUrl).origin
      : `${req.protocol}://${req.headers.host ?? 'localhost'}`;
  const redirectUri = (req: FastifyRequest): string => `${origin(req)}${OIDC_CALLBACK_PATH}`;
  const userAgent = (req: FastifyRequest): string | null => req.headers['user-agent']?.slice(0, 512) ?? null;
  const stateCookie = {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secureCookies,
    path: STATE_PATH,
  } as const;

  app.get(
    '/api/identity/sso',
    { config: { public: true }, schema: { tags, summary: 'Single sign-on offered on the sign-in page' } },
    (req) => getSsoInfo(contextOf(req), {}),
  );

  app.get(
    '/api/identity/oidc/start',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: "Sign in with the hospital's OpenID Connect provider (redirects there)",
        querystring: z.object({ returnTo: z.string().max(2000).optional() }).strict(),
      },
    },
    async (req, reply) => {
      const started = await begin(contextOf(req), {
        redirectUri: redirectUri(req),
        returnTo: req.query.returnTo ?? null,
        ip: req.ip,
        userAgent: userAgent(req),
      });
      if (!started.ok) return reply.redirect(`/signin?sso=${started.reason}`, 303);
      void reply.setCookie(STATE_COOKIE, started.state, { ...stateCookie, maxAge: 600 });
      return reply.redirect(started.url, 303);
    },
  );

  app.get(
    OIDC_CALLBACK_PATH,
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, summary: "The provider's redirect back after sign-in (authorization code)" },
    },
    async (req, reply) => {
      const callbackUrl = new URL(redirectUri(req));
      callbackUrl.search = new URL(req.url, 'http://callback.invalid').search;
      const result = await complete(contextOf(req), {
        callbackUrl,
        cookieState: req.cookies[STATE_COOKIE] ?? null,
        ip: req.ip,
        userAgent: userAgent(req),
      });
      void reply.clearCookie(STATE_COOKIE, { path: STATE_PATH });
      if (!result.ok) return reply.redirect(`/signin?sso=${result.reason}`, 303);
      void reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: options.secureCookies,
        path: '/',
      });
      // The sign-in page sends a session that still needs its second factor (or a new password) where it must go.
      return reply.redirect(result.stage === 'full' ? result.returnTo : '/signin', 303);
    },
  );

  app.get(
    '/api/identity/oidc/settings',
    {
      config: { action: 'identity.manageSettings' },
      schema: { tags, summary: 'Single sign-on settings (never the client secret) and the redirect URI' },
    },
    (req) => getOidcSettings(contextOf(req), { redirectUri: redirectUri(req) }),
  );

  app.put(
    '/api/identity/oidc/settings',
    {
      config: { action: 'identity.manageSettings' },
      schema: { tags, summary: 'Change the single sign-on settings', body: oidcSettingsInput },
    },
    async (req) => {
      await update(contextOf(req), req.body);
      return getOidcSettings(contextOf(req), { redirectUri: redirectUri(req) });
    },
  );
};
