import { z } from 'zod';
import { AppError, contextOf, SESSION_COOKIE, type MamoriApp } from '../../kernel/index.js';
import { completeSecondFactor } from './complete-second-factor.js';
import { confirmTotp } from './confirm-totp.js';
import { enrolTotp } from './enrol-totp.js';
import { issueRecoveryCodes } from './issue-recovery-codes.js';
import { listMyFactors } from './list-my-factors.js';
import { credentialJsonSchema, proofBody, proofFromBody } from './mfa-inputs.js';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { registerWebauthn } from './register-webauthn.js';
import { relyingParty } from './relying-party.js';
import { removeMfaFactor } from './remove-mfa-factor.js';
import { webauthnAuthenticationOptions, webauthnRegistrationOptions } from './webauthn-options.js';

export interface MfaRouteOptions {
  readonly secureCookies: boolean;
  readonly publicUrl: string | undefined;
}

const tags = ['identity'];

const current = (request: {
  mamori: { sessionId: string | null; ctx: { actor: { accountId: string | null } } };
}) => {
  const { sessionId } = request.mamori;
  const accountId = request.mamori.ctx.actor.accountId;
  if (sessionId === null || accountId === null)
    throw new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });
  return { sessionId, accountId };
};

/** Second factors: TOTP apps, security keys and passkeys (WebAuthn), recovery codes; the sign-in's second step. */
export const registerMfaRoutes = (app: MamoriApp, options: MfaRouteOptions): void => {
  const cookie = { httpOnly: true, sameSite: 'strict', secure: options.secureCookies, path: '/' } as const;
  const enrolment = { action: 'identity.session', beforeSecondFactor: 'enrolment' } as const;
  const challenge = { action: 'identity.session', beforeSecondFactor: 'challenge' } as const;

  app.get(
    '/api/account/mfa',
    {
      config: { action: 'identity.session' },
      schema: { tags, summary: 'My second factors and recovery codes left' },
    },
    (request) => listMyFactors(contextOf(request), {}),
  );

  app.post(
    '/api/account/mfa/totp',
    {
      config: enrolment,
      schema: {
        tags,
        summary: 'Start enrolling an authenticator app (secret shown once)',
        body: z.object({ label: z.string().max(60) }).strict(),
      },
    },
    (request) =>
      enrolTotp(contextOf(request), { sessionId: current(request).sessionId, label: request.body.label }),
  );

  app.post(
    '/api/account/mfa/totp/confirm',
    {
      config: enrolment,
      schema: {
        tags,
        summary: 'Confirm an authenticator app with a code from it',
        body: z.object({ factorId: z.string().max(64), code: z.string().max(16) }).strict(),
      },
    },
    async (request, reply) => {
      const result = await confirmTotp(contextOf(request), {
        ...request.body,
        sessionId: current(request).sessionId,
        ip: request.ip,
      });
      if (result.token !== null) void reply.setCookie(SESSION_COOKIE, result.token, cookie);
      return {
        factorId: result.factorId,
        recoveryCodes: result.recoveryCodes,
        signedIn: result.token !== null,
      };
    },
  );

  app.post(
    '/api/account/mfa/webauthn/options',
    { config: enrolment, schema: { tags, summary: 'Options to register a security key or passkey' } },
    (request) => {
      const { sessionId, accountId } = current(request);
      return webauthnRegistrationOptions(
        contextOf(request),
        sessionId,
        accountId,
        relyingParty(request, options.publicUrl),
      );
    },
  );

  app.post(
    '/api/account/mfa/webauthn',
    {
      config: enrolment,
      schema: {
        tags,
        summary: 'Register a security key or passkey',
        body: z.object({ label: z.string().max(60), response: credentialJsonSchema }).strict(),
      },
    },
    async (request, reply) => {
      const result = await registerWebauthn(contextOf(request), {
        label: request.body.label,
        response: request.body.response as unknown as RegistrationResponseJSON,
        sessionId: current(request).sessionId,
        rp: relyingParty(request, options.publicUrl),
        ip: request.ip,
      });
      if (result.token !== null) void reply.setCookie(SESSION_COOKIE, result.token, cookie);
      return {
        factorId: result.factorId,
        recoveryCodes: result.recoveryCodes,
        signedIn: result.token !== null,
      };
    },
  );

  app.post(
    '/api/account/mfa/:id/remove',
    {
      config: { action: 'identity.session' },
      schema: {
        tags,
        summary: 'Remove one of my second factors',
        params: z.object({ id: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      await removeMfaFactor(contextOf(request), { factorId: request.params.id });
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/account/recovery-codes',
    {
      config: { action: 'identity.session' },
      schema: { tags, summary: 'New recovery codes (the old ones stop working)' },
    },
    (request) => issueRecoveryCodes(contextOf(request), {}),
  );

  app.post(
    '/api/session/mfa/webauthn/options',
    {
      config: challenge,
      schema: { tags, summary: 'Options to prove a security key (sign-in or elevation)' },
    },
    (request) => {
      const { sessionId, accountId } = current(request);
      return webauthnAuthenticationOptions(
        contextOf(request),
        sessionId,
        accountId,
        relyingParty(request, options.publicUrl),
      );
    },
  );

  app.post(
    '/api/session/mfa',
    {
      config: { ...challenge, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'The second step of the sign-in: a code, a recovery code or a security key',
        body: proofBody,
      },
    },
    async (request, reply) => {
      const result = await completeSecondFactor(contextOf(request), {
        ...proofFromBody(request.body),
        sessionId: current(request).sessionId,
        ip: request.ip,
        rp: relyingParty(request, options.publicUrl),
      });
      if (!result.ok) {
        const message = {
          ja: '確認コードが正しくありません。続けて失敗するとIDはロックされます。',
          en: 'The code is not right. Repeated failures lock the ID.',
        };
        throw new AppError('validation', message, { issues: [{ field: 'code', message }] });
      }
      void reply.setCookie(SESSION_COOKIE, result.token, cookie);
      return reply.code(204).send();
    },
  );
};
