import { z } from 'zod';
import { defineUseCase, recordingDenials } from '../usecase/index.js';
import { activateNext, partiesOf, queueContext, requestLabel, subjectOf } from './advance.js';
import { updateRequest, updateStep } from './approvals.repository.js';
import { envOf, loadRequest, requireStaff, requireStatus } from './helpers.js';
import { queueNotifications } from './notify.js';
import { recordDecision } from './record-decision.js';
import { requestTypes } from './registry.js';

export const decideStepInput = z.strictObject({
  requestId: z.string().min(1).max(64),
  decision: z.enum(['approve', 'reject']),
  comment: z.string().trim().max(1000).nullish(),
  /** "やむを得ない場合" (第3 7(1)): the written reason to decide a request one made or prepared. */
  overrideReason: z.string().max(1000).nullish(),
});

/**
 * An approver decides the current step of a submitted request (see `recordDecision` for who may, 代決 and 第3 7).
 * Approving moves to the next step or approves the request; rejecting, with a reason, ends it. Either way the
 * people concerned are notified in the application and by e-mail.
 */
export const decideStep = recordingDenials(
  defineUseCase({
    name: 'approvals.decideStep',
    input: decideStepInput,
    authorize: (ctx) => {
      requireStaff(ctx.actor);
    },
    execute: async (ctx, input, tx) => {
      const env = envOf(ctx, tx);
      const request = await loadRequest(ctx, tx, input.requestId);
      requireStatus(request, ['submitted']);
      const comment = input.comment ?? null;
      const def = requestTypes.require(request.type_id);
      const decision = input.decision === 'approve' ? 'approved' : 'rejected';
      // Who may decide is settled first (the seat, 第3 7), then what the decision needs (a reason to reject).
      const recorded = await recordDecision(env, ctx.actor, request, def, decision, {
        comment,
        overrideReason: input.overrideReason,
        commentRequired: decision === 'rejected',
      });
      const ledger = [...recorded.ledger];
      const notifications = [...recorded.notifications];
      let status: string;
      if (decision === 'approved') {
        const advanced = await activateNext(env, request, recorded.steps, recorded.step.idx, def.name);
        ledger.push(...advanced.ledger);
        notifications.push(...advanced.notifications);
        status = advanced.status;
      } else {
        for (const s of recorded.steps)
          if (s.status === 'waiting') await updateStep(tx, s.id, { status: 'cancelled' });
        await updateRequest(tx, request.id, {
          status: 'rejected',
          current_step: null,
          decided_at: env.now,
          closed_reason: comment,
          updated_at: env.now,
        });
        const label = requestLabel(request, def.name);
        ledger.push({
          kind: 'approvals.request.rejected',
          subject: subjectOf(request.id),
          payload: { refNo: request.ref_no },
        });
        notifications.push({
          kind: 'decided',
          recipients: partiesOf(request),
          requestId: request.id,
          title: { ja: `却下されました ${label.ja}`, en: `Rejected ${label.en}` },
          body: {
            ja: `申請 ${label.ja} は却下されました。理由: ${comment ?? ''}`,
            en: `Request ${label.en} was rejected. Reason: ${comment ?? ''}`,
          },
        });
        status = 'rejected';
      }
      const notified = await queueNotifications(queueContext(env), notifications);
      const [first, ...rest] = ledger;
      if (first === undefined) throw new Error('no ledger entry');
      return {
        result: {
          id: request.id,
          status,
          decision,
          via: recorded.via,
          onBehalfOf: recorded.onBehalfOf,
          separationOverridden: recorded.overridden,
          notified,
        },
        ledger: [first, ...rest],
      };
    },
  }),
);
