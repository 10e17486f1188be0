import { z } from 'zod';
import type { LedgerDraft } from '../ledger/index.js';
import { defineUseCase } from '../usecase/index.js';
import { partiesOf, queueContext, requestLabel, subjectOf } from './advance.js';
import { updateRequest } from './approvals.repository.js';
import { envOf, requireSystem } from './helpers.js';
import { queueNotifications, type NotificationDraft } from './notify.js';
import { requestTypes } from './registry.js';

export const expireRequestsInput = z.strictObject({
  /** A request undecided this many days after submission expires, whatever its dates. */
  expiryDays: z.number().int().min(1),
  limit: z.number().int().min(1).max(1000).default(200),
});

/**
 * The scheduler's expiry run: a submitted request still undecided when its day has passed (the carry-out date,
 * the transport date…) or `expiryDays` after submission becomes expired; its open steps are cancelled and the
 * applicant is told to apply again if still needed. A run with nothing to expire writes nothing.
 */
export const expireRequests = defineUseCase({
  name: 'approvals.expireRequests',
  input: expireRequestsInput,
  authorize: (ctx) => {
    requireSystem(ctx.actor);
  },
  execute: async (ctx, input, tx) => {
    const env = envOf(ctx, tx);
    const staleBefore = new Date(new Date(env.now).getTime() - input.expiryDays * 86_400_000).toISOString();
    const due = await tx
      .selectFrom('approval_requests')
      .selectAll()
      .where('status', '=', 'submitted')
      .where((eb) => eb.or([eb('expires_at', '<=', env.now), eb('submitted_at', '<=', staleBefore)]))
      .orderBy('submitted_at')
      .limit(input.limit)
      .execute();
    const ledger: LedgerDraft[] = [];
    const notifications: NotificationDraft[] = [];
    for (const request of due) {
      await tx
        .updateTable('approval_steps')
        .set({ status: 'cancelled' })
        .where('request_id', '=', request.id)
        .where('status', 'in', ['pending', 'waiting'])
        .execute();
      const reason =
        request.expires_at !== null && request.expires_at <= env.now ? 'datePassed' : 'undecided';
      await updateRequest(tx, request.id, {
        status: 'expired',
        current_step: null,
        closed_reason: reason,
        updated_at: env.now,
      });
      const label = requestLabel(request, requestTypes.get(request.type_id)?.name ?? { ja: '', en: '' });
      notifications.push({
        kind: 'expired',
        recipients: partiesOf(request),
        requestId: request.id,
        title: { ja: `期限切れになりました ${label.ja}`, en: `Expired ${label.en}` },
        body: {
          ja: `申請 ${label.ja} は決裁されないまま期限を過ぎました。必要であれば改めて申請してください。`,
          en: `Request ${label.en} was not decided in time and has expired. Apply again if it is still needed.`,
        },
      });
      ledger.push({
        kind: 'approvals.request.expired',
        subject: subjectOf(request.id),
        payload: {
          refNo: request.ref_no,
          reason,
          expiresAt: request.expires_at,
          submittedAt: request.submitted_at,
        },
      });
    }
    const notified = await queueNotifications(queueContext(env), notifications);
    const [first, ...rest] = ledger;
    if (first === undefined) {
      return {
        result: { expired: 0, notified },
        ledger: [{ kind: 'approvals.expiry.none', subject: 'job:approvals.expire', payload: {} }],
        commit: false,
      };
    }
    return { result: { expired: ledger.length, notified }, ledger: [first, ...rest] };
  },
});
