import { z } from 'zod';
import { AppError, contextOf, SESSION_COOKIE, type MamoriApp } from '../../kernel/index.js';
import { registerAccountRoutes } from './account.routes.js';
import { authenticateSession } from './authenticate-session.js';
import { changePassword } from './change-password.js';
import { getSessionView } from './get-session-view.js';
import { registerIdentityAdminRoutes } from './identity-admin.routes.js';
import { changePasswordInput } from './identity.schema.js';
import { registerMfaRoutes } from './mfa.routes.js';
import { signIn, type SessionLimits } from './sign-in.js';
import { signOut } from './sign-out.js';

export interface IdentityRouteOptions {
  readonly limits: SessionLimits;
  readonly secureCookies: boolean;
  /** The address staff open Mamori at (the WebAuthn relying party); the request's own when unset. */
  readonly publicUrl?: string | undefined;
}

const invalidCredentials = (): AppError =>
  new AppError('invalidCredentials', {
    ja: 'ログインIDまたはパスワードが正しくありません。',
    en: 'The login ID or password is incorrect.',
  });

const addressLocked = (): AppError =>
  new AppError('rateLimited', {
    ja: 'この端末からのサインインの失敗が続いたため、しばらくサインインできません。時間をおいて試すか、医療情報課に連絡してください。',
    en: 'Too many failed sign-ins from this terminal. Try again later, or contact the Medical Information Section.',
  });

const ssoRequired = (provider: { ja: string; en: string }): AppError =>
  new AppError('forbidden', {
    ja: `このIDは「${provider.ja}」でサインインしてください。パスワードでのサインインは特権ID（緊急用）に限られています。`,
    en: `Sign in to this ID with ${provider.en}. Password sign-in is kept for privileged (break-glass) IDs only.`,
  });

/** The shortest time a refused sign-in answers in. */
export const SIGN_IN_REFUSAL_FLOOR_MS = 300;

const floor = async (started: number): Promise<void> => {
  const left = SIGN_IN_REFUSAL_FLOOR_MS - (performance.now() - started);
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
};

const unauthenticated = (): AppError =>
  new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });

/** Sign-in, sign-out, the current session and one's own password. */
export const registerIdentityRoutes = (app: MamoriApp, options: IdentityRouteOptions): void => {
  registerIdentityAdminRoutes(app);
  registerAccountRoutes(app, { secure: options.secureCookies, publicUrl: options.publicUrl });
  registerMfaRoutes(app, { secureCookies: options.secureCookies, publicUrl: options.publicUrl });
  const cookie = { httpOnly: true, sameSite: 'strict', secure: options.secureCookies, path: '/' } as const;

  app.get(
    '/api/session',
    {
      config: { allowDuringPasswordChange: true, action: 'identity.session', beforeSecondFactor: 'both' },
      schema: { tags: ['identity'], summary: 'The signed-in person' },
    },
    async (request) => {
      const { ctx, sessionId, expiresAt } = request.mamori;
      if (sessionId === null || expiresAt === null) throw unauthenticated();
      return getSessionView(ctx, { sessionId, expiresAt, actor: ctx.actor });
    },
  );

  app.post(
    '/api/session',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: 'Sign in',
        body: z.object({ loginId: z.string(), password: z.string() }).strict(),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const started = performance.now();
      const result = await signIn(ctx, {
        loginId: request.body.loginId,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent']?.slice(0, 512) ?? null,
      });
      if (!result.ok) {
        // Every refusal takes at least the same time, whatever the ID and the work done for it (no enumeration by
        // timing); outside the transaction, so no lock is held while waiting.
        await floor(started);
        if (result.reason === 'addressLocked') throw addressLocked();
        if (result.reason === 'ssoRequired') throw ssoRequired(result.provider);
        throw invalidCredentials();
      }
      const session = await authenticateSession(ctx, result.token, options.limits.idleMinutes);
      if (!session) throw invalidCredentials();
      void reply.setCookie(SESSION_COOKIE, result.token, cookie);
      return getSessionView(ctx, session);
    },
  );

  app.delete(
    '/api/session',
    {
      config: { allowDuringPasswordChange: true, action: 'identity.session', beforeSecondFactor: 'both' },
      schema: { tags: ['identity'], summary: 'Sign out' },
    },
    async (request, reply) => {
      const { sessionId } = request.mamori;
      if (sessionId !== null) await signOut(contextOf(request), { sessionId });
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/account/password',
    {
      config: {
        allowDuringPasswordChange: true,
        action: 'identity.changeOwnPassword',
        beforeSecondFactor: 'enrolment',
        rateLimit: { max: 20, timeWindow: '1 minute' },
      },
      schema: { tags: ['identity'], summary: 'Change my password', body: changePasswordInput },
    },
    async (request, reply) => {
      await changePassword(contextOf(request), {
        ...request.body,
        sessionId: request.mamori.sessionId ?? '',
        ip: request.ip,
      });
      return reply.code(204).send();
    },
  );
};
