import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  actionResourceTypes,
  AppError,
  anonymousActor,
  defaultMessage,
  requirePermission,
  SESSION_COOKIE,
  type AppContext,
} from '../kernel/index.js';
import {
  authenticateSession,
  passwordChangeMessage,
  secondFactorRefusal,
} from '../modules/identity/index.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Reads the session of every request and refuses what needs one: every API route except those marked public.
 * State-changing requests must carry the session's CSRF token; a temporary password must be changed first.
 */
/** Compares the CSRF token in constant time (the time a comparison takes tells nothing about the token). */
const sameToken = (given: string | string[] | undefined, expected: string): boolean => {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export const authHook =
  (app: AppContext, idleMinutes: number) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await authenticateSession(app, token, idleMinutes) : null;
    request.mamori = {
      ctx: { ...app, actor: session?.actor ?? anonymousActor, requestId: request.id },
      sessionId: session?.sessionId ?? null,
      csrfToken: session?.csrfToken ?? null,
      mustChangePassword: session?.mustChangePassword ?? false,
      expiresAt: session?.expiresAt ?? null,
    };
    if (token && !session) void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    const config = request.routeOptions.config;
    const isApi = request.url.startsWith('/api/');
    // The API docs are public (the issue asks for health, docs and sign-in to be reachable without a session).
    if (!isApi || config.public === true || request.url.startsWith('/api/docs')) return;
    if (!session) throw new AppError('unauthenticated', defaultMessage('unauthenticated'));
    if (!safeMethods.has(request.method) && !sameToken(request.headers['x-csrf-token'], session.csrfToken)) {
      throw new AppError(
        'forbidden',
        {
          ja: '画面を再読み込みしてから操作してください（CSRFトークン不一致）。',
          en: 'Reload the page and try again (CSRF token mismatch).',
        },
        { internal: 'csrf token mismatch' },
      );
    }
    const secondFactor = secondFactorRefusal(session.stage, config.beforeSecondFactor);
    if (secondFactor !== null) throw secondFactor;
    if (session.mustChangePassword && config.allowDuringPasswordChange !== true) {
      throw new AppError('passwordChangeRequired', passwordChangeMessage(session.passwordReason));
    }
  };

/**
 * The route's declared action (第7 1(1)), once the input is valid (so bad input is answered as before, naming its
 * fields): an action on the hospital as a whole is decided here, before the handler runs; an action on one record
 * (a request, an asset) by the use case, once it has read the record.
 */
export const actionHook = (
  request: FastifyRequest,
  _reply: FastifyReply,
  done: (error?: Error) => void,
): void => {
  const { config, url } = request.routeOptions;
  const action = config.action;
  // Only the session API: public routes have no session, SCIM authorizes its bearer token in its handlers.
  const sessionRoute = url?.startsWith('/api/') === true && config.public !== true;
  try {
    if (sessionRoute && action !== undefined && actionResourceTypes[action].includes('hospital'))
      requirePermission(request.mamori.ctx.actor, action);
  } catch (e) {
    done(e instanceof Error ? e : new Error(String(e)));
    return;
  }
  done();
};
