import { z } from 'zod';
import { defineUseCase, recordingDenials } from '../usecase/index.js';
import { activateNext, queueContext } from './advance.js';
import { envOf, loadRequest, requireStaff, requireStatus } from './helpers.js';
import { queueNotifications } from './notify.js';
import { recordDecision } from './record-decision.js';
import { requestTypes } from './registry.js';

export const acknowledgeReportInput = z.strictObject({
  requestId: z.string().min(1).max(64),
  comment: z.string().trim().max(1000).nullish(),
  overrideReason: z.string().max(1000).nullish(),
});

/** 第8 5(2), 5(3): the CISO acknowledges an emergency exception reported afterwards (reported → acknowledged). */
export const acknowledgeReport = recordingDenials(
  defineUseCase({
    name: 'approvals.acknowledgeReport',
    input: acknowledgeReportInput,
    authorize: (ctx) => {
      requireStaff(ctx.actor);
    },
    execute: async (ctx, input, tx) => {
      const env = envOf(ctx, tx);
      const request = await loadRequest(ctx, tx, input.requestId);
      requireStatus(request, ['reported']);
      const def = requestTypes.require(request.type_id);
      const recorded = await recordDecision(env, ctx.actor, request, def, 'acknowledged', {
        comment: input.comment ?? null,
        overrideReason: input.overrideReason,
      });
      const advanced = await activateNext(env, request, recorded.steps, recorded.step.idx, def.name);
      const notified = await queueNotifications(queueContext(env), [
        ...recorded.notifications,
        ...advanced.notifications,
      ]);
      const [first, ...rest] = [...recorded.ledger, ...advanced.ledger];
      if (first === undefined) throw new Error('no ledger entry');
      return { result: { id: request.id, status: advanced.status, notified }, ledger: [first, ...rest] };
    },
  }),
);
