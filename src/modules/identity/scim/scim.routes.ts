import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { contextOf, type MamoriApp, type UseCaseContext } from '../../../kernel/index.js';
import { createScimUser } from './create-scim-user.js';
import { deleteScimUser } from './delete-scim-user.js';
import { getScimUser, listScimUsers } from './get-scim-users.js';
import { patchScimUser } from './patch-scim-user.js';
import { replaceScimUser } from './replace-scim-user.js';
import { scimActorOf } from './scim-auth.js';
import { resourceTypes, schemas, serviceProviderConfig } from './scim-discovery.js';

export interface ScimRouteOptions {
  /** Turns any error into RFC 7644's error body (the server's, which maps codes to HTTP statuses). */
  readonly onError: (error: Error, request: FastifyRequest, reply: FastifyReply) => FastifyReply;
  /** The address HR systems call Mamori at; the request's own when unset. */
  readonly publicUrl?: string | undefined;
}

const id = (req: FastifyRequest): string => z.object({ id: z.string() }).parse(req.params).id;

/** The body as the client sent it: the use case's schema checks it (SCIM's errors, not Fastify's). */
type UserBody = Parameters<typeof createScimUser>[1]['user'];
type PatchBody = Parameters<typeof patchScimUser>[1]['patch'];

/**
 * SCIM 2.0 for HR systems (RFC 7643/7644), at /scim/v2: Users (create, read, list with a filter, replace, patch,
 * delete → disable) and the discovery resources. A bearer token (issued in Mamori, stored hashed) is the only
 * way in; a session cookie opens nothing here, so there is no CSRF to guard. Requests and errors are
 * `application/scim+json`. The routes stay out of the session API's OpenAPI document: SCIM describes itself.
 */
export const registerScimRoutes = async (app: MamoriApp, options: ScimRouteOptions): Promise<void> => {
  await app.register(
    (scope, _opts, done) => {
      scope.addContentTypeParser(
        'application/scim+json',
        { parseAs: 'string' },
        scope.getDefaultJsonParser('error', 'error'),
      );
      scope.setErrorHandler(options.onError);
      const baseOf = (req: FastifyRequest): string =>
        (options.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');
      const ctxOf = async (req: FastifyRequest): Promise<UseCaseContext> => {
        const app = contextOf(req);
        return { ...app, actor: await scimActorOf(app, req.headers.authorization, req.ip) };
      };
      const send = (reply: FastifyReply, status: number, body: unknown) =>
        reply.code(status).type('application/scim+json').send(body);
      const config = {
        action: 'identity.importPersonnel',
        rateLimit: { max: 600, timeWindow: '1 minute' },
      } as const;
      const schema = { hide: true };

      scope.get('/ServiceProviderConfig', { config, schema }, async (req, reply) => {
        await ctxOf(req);
        return send(reply, 200, serviceProviderConfig(baseOf(req)));
      });
      scope.get('/ResourceTypes', { config, schema }, async (req, reply) => {
        await ctxOf(req);
        return send(reply, 200, resourceTypes(baseOf(req)));
      });
      scope.get('/Schemas', { config, schema }, async (req, reply) => {
        await ctxOf(req);
        return send(reply, 200, schemas());
      });
      scope.get('/Users', { config, schema }, async (req, reply) => {
        const query = req.query as Record<string, string | undefined>;
        const list = await listScimUsers(await ctxOf(req), {
          filter: query['filter'],
          startIndex: query['startIndex'],
          count: query['count'],
          baseUrl: baseOf(req),
        });
        return send(reply, 200, list);
      });
      scope.get('/Users/:id', { config, schema }, async (req, reply) =>
        send(reply, 200, await getScimUser(await ctxOf(req), { id: id(req), baseUrl: baseOf(req) })),
      );
      scope.post('/Users', { config, schema }, async (req, reply) => {
        const ctx = await ctxOf(req);
        const created = await createScimUser(ctx, { user: req.body as UserBody });
        const user = await getScimUser(ctx, { id: created.id, baseUrl: baseOf(req) });
        return send(reply.header('location', `${baseOf(req)}/scim/v2/Users/${created.id}`), 201, user);
      });
      scope.put('/Users/:id', { config, schema }, async (req, reply) => {
        const ctx = await ctxOf(req);
        await replaceScimUser(ctx, { id: id(req), user: req.body as UserBody });
        return send(reply, 200, await getScimUser(ctx, { id: id(req), baseUrl: baseOf(req) }));
      });
      scope.patch('/Users/:id', { config, schema }, async (req, reply) => {
        const ctx = await ctxOf(req);
        await patchScimUser(ctx, { id: id(req), patch: req.body as PatchBody });
        return send(reply, 200, await getScimUser(ctx, { id: id(req), baseUrl: baseOf(req) }));
      });
      scope.delete('/Users/:id', { config, schema }, async (req, reply) => {
        await deleteScimUser(await ctxOf(req), { id: id(req) });
        return reply.code(204).send();
      });
      done();
    },
    { prefix: '/scim/v2' },
  );
};
