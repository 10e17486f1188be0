import { z } from 'zod';
import { actorRef, AppError, defineUseCase, requirePermission, text } from '../../../kernel/index.js';
import { findScimToken, revokeScimTokenRow } from './scim-tokens.repository.js';

/** Revokes an HR system's SCIM token at once, with the reason. */
export const revokeScimToken = defineUseCase({
  name: 'identity.revokeScimToken',
  input: z.object({ tokenId: z.string().min(1).max(64), reason: text(500) }).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.manageScim'),
  execute: async (ctx, input, tx) => {
    const token = await findScimToken(tx, input.tokenId);
    if (token === undefined)
      throw new AppError('notFound', { ja: 'トークンが見つかりません。', en: 'No such token.' });
    if (token.revoked_at !== null)
      throw new AppError('conflict', {
        ja: 'このトークンは失効済みです。',
        en: 'The token is revoked already.',
      });
    await revokeScimTokenRow(tx, token.id, ctx.clock.now().toISOString(), actorRef(ctx.actor));
    return {
      result: { id: token.id },
      ledger: [
        {
          kind: 'identity.scimTokenRevoked',
          subject: `scimToken:${token.id}`,
          payload: { name: token.name, reason: input.reason },
        },
      ],
    };
  },
});
