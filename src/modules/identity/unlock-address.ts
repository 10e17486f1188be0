import { z } from 'zod';
import { actorRef, defineUseCase, requirePermission, text } from '../../kernel/index.js';
import { releaseLockouts } from './attempts.repository.js';

/** An administrator lifts the block on an address (a ward's shared terminal, say), with the reason recorded. */
export const unlockAddress = defineUseCase({
  name: 'identity.unlockAddress',
  input: z.object({ ip: z.string().min(1).max(64), reason: text(500) }).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.unlock'),
  execute: async (ctx, input, tx) => {
    const released = await releaseLockouts(tx, 'address', input.ip, {
      at: ctx.clock.now().toISOString(),
      by: actorRef(ctx.actor),
      reason: input.reason,
    });
    return {
      result: { released },
      ledger: [
        {
          kind: 'identity.addressUnlocked',
          subject: `address:${input.ip}`,
          payload: { reason: input.reason, released },
        },
      ],
    };
  },
});
