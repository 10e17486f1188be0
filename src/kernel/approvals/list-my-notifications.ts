import { z } from 'zod';
import type { NotificationView } from '../../shared/api-types.js';
import { requirePermission } from '../access/index.js';
import { defineQuery } from '../usecase/index.js';
import { requireStaff } from './helpers.js';

/** "My notifications": newest first, optionally only the unread ones, with how many are unread. */
export const listMyNotifications = defineQuery({
  name: 'approvals.listMyNotifications',
  input: z.strictObject({
    unreadOnly: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
  authorize: (ctx) => {
    requireStaff(ctx.actor);
    requirePermission(ctx.actor, 'request.readNotifications');
  },
  execute: async (ctx, input): Promise<{ unread: number; items: NotificationView[] }> => {
    const db = ctx.database.db;
    const me = requireStaff(ctx.actor);
    let query = db.selectFrom('notifications').selectAll().where('recipient_staff_id', '=', me);
    if (input.unreadOnly) query = query.where('read_at', 'is', null);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(input.limit).execute();
    const unread = await db
      .selectFrom('notifications')
      .select(db.fn.countAll<number>().as('n'))
      .where('recipient_staff_id', '=', me)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return {
      unread: unread.n,
      items: rows.map((n) => ({
        id: n.id,
        kind: n.kind,
        title: { ja: n.title_ja, en: n.title_en },
        body: { ja: n.body_ja, en: n.body_en },
        link: n.link,
        createdAt: n.created_at,
        readAt: n.read_at,
        email: n.email_status,
      })),
    };
  },
});
