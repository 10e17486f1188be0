import { sql } from 'kysely';
import { z } from 'zod';
import { defineUseCase } from '../usecase/index.js';
import { requireSystem } from './helpers.js';

/** After this many failed attempts a notification's e-mail is given up (it stays in the application). */
export const MAX_EMAIL_ATTEMPTS = 5;

export const recordDeliveriesInput = z.strictObject({
  results: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        ok: z.boolean(),
        messageId: z.string().nullish(),
        error: z.string().max(500).nullish(),
      }),
    )
    .min(1),
});

/** Records what the mail run sent and what failed (retried later, up to MAX_EMAIL_ATTEMPTS). */
export const recordDeliveries = defineUseCase({
  name: 'approvals.recordDeliveries',
  input: recordDeliveriesInput,
  authorize: (ctx) => {
    requireSystem(ctx.actor);
  },
  execute: async (ctx, input, tx) => {
    const now = ctx.clock.now().toISOString();
    for (const r of input.results) {
      await tx
        .updateTable('notifications')
        .set(
          r.ok
            ? {
                email_status: 'sent',
                email_sent_at: now,
                email_error: null,
                email_attempts: sql<number>`email_attempts + 1`,
              }
            : {
                email_status: sql<string>`case when email_attempts + 1 >= ${MAX_EMAIL_ATTEMPTS} then 'failed' else 'pending' end`,
                email_error: r.error ?? 'unknown error',
                email_attempts: sql<number>`email_attempts + 1`,
              },
        )
        .where('id', '=', r.id)
        .execute();
    }
    const sent = input.results.filter((r) => r.ok).map((r) => r.id);
    const failed = input.results.filter((r) => !r.ok).map((r) => ({ id: r.id, error: r.error ?? null }));
    return {
      result: { sent: sent.length, failed: failed.length },
      ledger: [
        { kind: 'approvals.mail.delivered', subject: 'job:approvals.mail', payload: { sent, failed } },
      ],
    };
  },
});
