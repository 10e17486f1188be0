import { z } from 'zod';
import { AppError, contextOf, SESSION_COOKIE, type MamoriApp } from '../../kernel/index.js';
import { elevateBody, elevateSession } from './elevate-session.js';
import { proofFromBody } from './mfa-inputs.js';
import { endMySessions } from './end-my-sessions.js';
import { listMySessions } from './list-my-sessions.js';
import { relyingParty } from './relying-party.js';
import { reportSignIn } from './report-sign-in.js';

const unauthenticated = (): AppError =>
  new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });

const sessionIdOf = (request: { mamori: { sessionId: string | null } }): string => {
  const id = request.mamori.sessionId;
  if (id === null) throw unauthenticated();
  return id;
};

/** One's own sessions, elevation of a privileged ID, and "this was not me". */
export const registerAccountRoutes = (
  app: MamoriApp,
  cookie: { secure: boolean; publicUrl: string | undefined },
): void => {
  const cookieOptions = { httpOnly: true, sameSite: 'strict', secure: cookie.secure, path: '/' } as const;

  app.get(
    '/api/account/sessions',
    {
      config: { action: 'identity.session' },
      schema: { tags: ['identity'], summary: 'My open sessions' },
    },
    (request) => listMySessions(contextOf(request), { currentSessionId: sessionIdOf(request) }),
  );

  app.post(
    '/api/account/sessions/end',
    {
      config: { action: 'identity.session' },
      schema: {
        tags: ['identity'],
        summary: 'End one of my other sessions, or all of them',
        body: z
          .object({ ref: z.string().max(64).nullable().optional(), others: z.boolean().optional() })
          .strict(),
      },
    },
    (request) =>
      endMySessions(contextOf(request), {
        currentSessionId: sessionIdOf(request),
        ref: request.body.ref ?? null,
        others: request.body.others ?? false,
      }),
  );

  app.post(
    '/api/session/elevate',
    {
      config: { action: 'identity.session', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: 'Elevate a privileged ID for a limited time (7-2(4)); replaces the session cookie',
        body: elevateBody,
      },
    },
    async (request, reply) => {
      const result = await elevateSession(contextOf(request), {
        password: request.body.password,
        ...proofFromBody(request.body),
        sessionId: sessionIdOf(request),
        ip: request.ip,
        rp: relyingParty(request, cookie.publicUrl),
      });
      if (!result.ok)
        throw new AppError(
          'validation',
          {
            ja: 'パスワードまたは確認コードが正しくありません。',
            en: 'The password or the code is incorrect.',
          },
          {
            issues: [
              {
                field: 'password',
                message: {
                  ja: 'パスワードまたは確認コードが正しくありません。',
                  en: 'The password or the code is incorrect.',
                },
              },
            ],
          },
        );
      void reply.setCookie(SESSION_COOKIE, result.token, cookieOptions);
      return { elevatedUntil: result.until };
    },
  );

  app.post(
    '/api/account/sign-in-reports',
    {
      config: { action: 'identity.session' },
      schema: {
        tags: ['identity'],
        summary: '"This was not me": report a sign-in or attempt (7-2(2)); other sessions end',
        body: z
          .object({ attemptId: z.string().max(64), note: z.string().max(1000).nullable().optional() })
          .strict(),
      },
    },
    (request) =>
      reportSignIn(contextOf(request), {
        attemptId: request.body.attemptId,
        note: request.body.note ?? null,
        currentSessionId: sessionIdOf(request),
      }),
  );
};
