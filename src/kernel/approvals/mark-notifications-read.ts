import { z } from 'zod';
import { requirePermission } from '../access/index.js';
import { defineUseCase } from '../usecase/index.js';
import { badInput, requireStaff } from './helpers.js';

export const markNotificationsReadInput = z.union([
  z.strictObject({ ids: z.array(z.string().min(1).max(64)).min(1).max(200) }),
  z.strictObject({ all: z.literal(true) }),
]);

/** Marks the reader's own notifications as read (some, or all); others' notifications are never touched. */
export const markNotificationsRead = defineUseCase({
  name: 'approvals.markNotificationsRead',
  input: markNotificationsReadInput,
  authorize: (ctx) => {
    requireStaff(ctx.actor);
    requirePermission(ctx.actor, 'request.readNotifications');
  },
  execute: async (ctx, input, tx) => {
    const me = requireStaff(ctx.actor);
    const now = ctx.clock.now().toISOString();
    let query = tx
      .updateTable('notifications')
      .set({ read_at: now })
      .where('recipient_staff_id', '=', me)
      .where('read_at', 'is', null);
    if ('ids' in input) {
      const mine = await tx
        .selectFrom('notifications')
        .select('id')
        .where('recipient_staff_id', '=', me)
        .where('id', 'in', input.ids)
        .execute();
      if (mine.length !== new Set(input.ids).size) {
        throw badInput('ids', {
          ja: '自分宛てでない通知が含まれています。',
          en: 'Some of these notifications are not yours.',
        });
      }
      query = query.where('id', 'in', input.ids);
    }
    const result = await query.executeTakeFirst();
    const count = Number(result.numUpdatedRows);
    return {
      result: { read: count },
      ledger: [
        {
          kind: 'approvals.notifications.read',
          subject: `staff:${me}`,
          payload: { count, all: 'all' in input },
        },
      ],
    };
  },
});
