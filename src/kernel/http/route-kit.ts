import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type {} from '@fastify/cookie';
import type {} from '@fastify/rate-limit';
import type { Action } from '../access/index.js';
import type { UseCaseContext } from '../usecase/index.js';

/** What the server knows about a request once its session has been read. */
export interface RequestState {
  readonly ctx: UseCaseContext;
  readonly sessionId: string | null;
  readonly csrfToken: string | null;
  readonly mustChangePassword: boolean;
  readonly expiresAt: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    mamori: RequestState;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (health, docs, sign-in). */
    public?: boolean;
    /** Reachable while a temporary password is still unchanged (7-2(3)イ). */
    allowDuringPasswordChange?: boolean;
    /**
     * The action the route performs (第7 1(1)): required on every API route that is not public, checked at start-up
     * and walked by the access matrix test. The use case still decides; this names what it decides.
     */
    action?: Action;
  }
}

/** The Fastify instance modules register their routes on: zod schemas validate and document every route. */
export type MamoriApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export const contextOf = (request: FastifyRequest): UseCaseContext => request.mamori.ctx;

export const SESSION_COOKIE = 'mamori_session';
