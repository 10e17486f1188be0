import { z } from 'zod';
import { defineUseCase, recordingDenials } from '../usecase/index.js';
import { queueContext, requestLabel, subjectOf } from './advance.js';
import { stepsOf, updateRequest, updateStep } from './approvals.repository.js';
import { requestResource } from './decision-resource.js';
import { envOf, loadRequest, onlyParties, requireOnRequest, requireStaff, requireStatus } from './helpers.js';
import { holdersOfSeat, queueNotifications } from './notify.js';
import { requestTypes } from './registry.js';

export const withdrawRequestInput = z.strictObject({
  requestId: z.string().min(1).max(64),
  reason: z.string().trim().max(1000).nullish(),
});

/**
 * The applicant (or whoever prepared it) withdraws a draft or a request still waiting for a decision. Its open
 * steps are cancelled and the approver who was waiting on it is told.
 */
export const withdrawRequest = recordingDenials(
  defineUseCase({
    name: 'approvals.withdrawRequest',
    input: withdrawRequestInput,
    authorize: (ctx) => {
      requireStaff(ctx.actor);
    },
    execute: async (ctx, input, tx) => {
      const env = envOf(ctx, tx);
      const request = await loadRequest(ctx, tx, input.requestId);
      const steps = await stepsOf(tx, request.id);
      requireOnRequest(
        ctx.actor,
        'request.withdraw',
        await requestResource(env.directory, tx, env.asOf, request, steps),
        onlyParties,
      );
      requireStatus(request, ['draft', 'submitted']);
      const pending = steps.find((s) => s.status === 'pending');
      for (const s of steps) {
        if (s.status === 'pending' || s.status === 'waiting')
          await updateStep(tx, s.id, { status: 'cancelled' });
      }
      const reason = input.reason ?? null;
      await updateRequest(tx, request.id, {
        status: 'withdrawn',
        current_step: null,
        closed_reason: reason,
        updated_at: env.now,
      });
      let notified = 0;
      if (pending !== undefined) {
        const q = queueContext(env);
        const label = requestLabel(request, requestTypes.require(request.type_id).name);
        const recipients = [
          ...(await holdersOfSeat(q, pending.role, pending.unit_id)),
          ...(pending.escalated_role === null
            ? []
            : await holdersOfSeat(q, pending.escalated_role, pending.escalated_unit_id)),
        ].filter((id) => id !== request.applicant_staff_id && id !== request.preparer_staff_id);
        notified = await queueNotifications(q, [
          {
            kind: 'withdrawn',
            recipients,
            requestId: request.id,
            title: { ja: `取り下げられました ${label.ja}`, en: `Withdrawn ${label.en}` },
            body: {
              ja: `申請 ${label.ja} は申請者により取り下げられました。決裁は不要です。`,
              en: `Request ${label.en} was withdrawn by the applicant. No decision is needed.`,
            },
          },
        ]);
      }
      return {
        result: { id: request.id, status: 'withdrawn' as const, notified },
        ledger: [
          {
            kind: 'approvals.request.withdrawn',
            subject: subjectOf(request.id),
            payload: { refNo: request.ref_no, from: request.status, reason },
          },
        ],
      };
    },
  }),
);
