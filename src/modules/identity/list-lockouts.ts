import { z } from 'zod';
import { defineQuery, requirePermission } from '../../kernel/index.js';
import type { LockoutView } from '../../shared/api-types.js';
import { listRecentLockouts } from './attempts.repository.js';
import { addMinutes } from './open-session.js';

/** Locks in force and those of the last day: accounts by login ID and name, addresses as they are. */
export const listLockouts = defineQuery({
  name: 'identity.listLockouts',
  input: z.object({}).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.unlock'),
  execute: async (ctx): Promise<LockoutView[]> => {
    const db = ctx.database.db;
    const now = ctx.clock.now().toISOString();
    const rows = await listRecentLockouts(db, addMinutes(now, -24 * 60));
    const accountIds = rows.filter((r) => r.scope === 'account').map((r) => r.subject);
    const accounts =
      accountIds.length === 0
        ? []
        : await db
            .selectFrom('accounts')
            .leftJoin('staff', 'staff.id', 'accounts.staff_id')
            .select([
              'accounts.id',
              'accounts.login_id',
              'accounts.privileged',
              'accounts.system_role',
              'staff.name_kanji',
            ])
            .where('accounts.id', 'in', accountIds)
            .execute();
    const byId = new Map(accounts.map((a) => [a.id, a]));
    return rows.map((r) => {
      const a = byId.get(r.subject);
      return {
        id: r.id,
        scope: r.scope as LockoutView['scope'],
        subject: r.subject,
        loginId: a?.login_id ?? null,
        name: a?.name_kanji ?? null,
        privileged: a ? a.privileged === 1 || a.system_role === 'administrator' : false,
        startedAt: r.started_at,
        until: r.until,
        failures: r.failures,
        active: r.released_at === null && (r.until === null || r.until > now),
        releasedAt: r.released_at,
        releaseReason: r.release_reason,
      };
    });
  },
});
