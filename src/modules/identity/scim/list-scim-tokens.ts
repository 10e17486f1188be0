import { z } from 'zod';
import { defineQuery, requirePermission } from '../../../kernel/index.js';
import type { ScimTokenView } from '../../../shared/identity-admin-types.js';
import { listScimTokenRows } from './scim-tokens.repository.js';

export const listScimTokens = defineQuery({
  name: 'identity.listScimTokens',
  input: z.object({}).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.manageScim'),
  execute: async (ctx): Promise<ScimTokenView[]> =>
    (await listScimTokenRows(ctx.database.db)).map((t) => ({
      id: t.id,
      name: t.name,
      createdAt: t.created_at,
      createdBy: t.created_by,
      lastUsedAt: t.last_used_at,
      revokedAt: t.revoked_at,
    })),
});
