import { z } from 'zod';
import type { ApprovalTaskView } from '../../shared/api-types.js';
import { requirePermission } from '../access/index.js';
import { defineQuery } from '../usecase/index.js';
import { pendingStepsFor, type Seat } from './approvals.repository.js';
import { requireStaff } from './helpers.js';
import { taskView } from './views.js';

/**
 * "What waits for me": the pending steps whose seat the reader holds today — by assignment, delegation or acting
 * (代決) — or that were escalated to a seat they hold, oldest first; never a request they made or prepared.
 */
export const listMyTasks = defineQuery({
  name: 'approvals.listMyTasks',
  input: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
  authorize: (ctx) => {
    requireStaff(ctx.actor);
    requirePermission(ctx.actor, 'request.list');
  },
  execute: async (ctx, input): Promise<ApprovalTaskView[]> => {
    const me = requireStaff(ctx.actor);
    const unique = new Map<string, Seat>();
    for (const g of ctx.actor.grants)
      unique.set(`${g.role}@${g.unitId ?? ''}`, { role: g.role, unitId: g.unitId });
    const rows = await pendingStepsFor(ctx.database.db, [...unique.values()], me, input.limit);
    const held = new Set(unique.keys());
    return rows.map((row) => taskView(row, held));
  },
});
