import { z } from 'zod';
import { contextOf, type MamoriApp } from '../../../kernel/index.js';
import { issueScimToken } from './issue-scim-token.js';
import { listScimTokens } from './list-scim-tokens.js';
import { revokeScimToken } from './revoke-scim-token.js';

const tags = ['identity'];

/** The Security Director's tokens for HR systems (the token itself is in the answer once, never again). */
export const registerScimTokenRoutes = (app: MamoriApp): void => {
  app.get(
    '/api/identity/scim-tokens',
    { config: { action: 'identity.manageScim' }, schema: { tags, summary: 'SCIM tokens of HR systems' } },
    (req) => listScimTokens(contextOf(req), {}),
  );
  app.post(
    '/api/identity/scim-tokens',
    {
      config: { action: 'identity.manageScim' },
      schema: {
        tags,
        summary: 'Issue a SCIM bearer token for an HR system (shown once, stored hashed)',
        body: z.object({ name: z.string().max(100) }).strict(),
      },
    },
    async (req, reply) => reply.code(201).send(await issueScimToken(contextOf(req), req.body)),
  );
  app.post(
    '/api/identity/scim-tokens/:id/revoke',
    {
      config: { action: 'identity.manageScim' },
      schema: {
        tags,
        summary: 'Revoke a SCIM token',
        params: z.object({ id: z.string().min(1).max(64) }),
        body: z.object({ reason: z.string().max(500) }).strict(),
      },
    },
    (req) => revokeScimToken(contextOf(req), { tokenId: req.params.id, reason: req.body.reason }),
  );
};
