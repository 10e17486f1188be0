import { z } from 'zod';
import { actorRef, defineUseCase, newId, requirePermission, text } from '../../../kernel/index.js';
import { refuseContractor } from '../privileged-guard.js';
import { newScimToken, scimTokenHash } from './scim-token.js';
import { insertScimToken } from './scim-tokens.repository.js';

/**
 * A bearer token for an HR system to push personnel changes over SCIM (RFC 7644): shown once, stored hashed. A
 * token acts as the personnel office (人事管理部門) and can do nothing else.
 */
export const issueScimToken = defineUseCase({
  name: 'identity.issueScimToken',
  input: z.object({ name: text(100) }).strict(),
  authorize: (ctx) => {
    requirePermission(ctx.actor, 'identity.manageScim');
    refuseContractor(ctx.actor);
  },
  execute: async (ctx, input, tx) => {
    const token = newScimToken();
    const id = newId();
    await insertScimToken(tx, {
      id,
      name: input.name,
      token_hash: scimTokenHash(token),
      created_at: ctx.clock.now().toISOString(),
      created_by: actorRef(ctx.actor),
      last_used_at: null,
      revoked_at: null,
      revoked_by: null,
    });
    return {
      result: { id, name: input.name, token },
      // The token's digest would let anyone test a guess offline; the entry names the token by its id only.
      ledger: [
        { kind: 'identity.scimTokenIssued', subject: `scimToken:${id}`, payload: { name: input.name } },
      ],
    };
  },
});
