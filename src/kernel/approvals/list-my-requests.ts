import { z } from 'zod';
import type { ApprovalRequestSummary } from '../../shared/api-types.js';
import { requirePermission } from '../access/index.js';
import { defineQuery } from '../usecase/index.js';
import { requestsOf } from './approvals.repository.js';
import { requireStaff } from './helpers.js';
import { summaryView } from './views.js';

/** The requests the reader made, or prepared for someone else, newest first. */
export const listMyRequests = defineQuery({
  name: 'approvals.listMyRequests',
  input: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
  authorize: (ctx) => {
    requireStaff(ctx.actor);
    requirePermission(ctx.actor, 'request.list');
  },
  execute: async (ctx, input): Promise<ApprovalRequestSummary[]> =>
    (await requestsOf(ctx.database.db, requireStaff(ctx.actor), input.limit)).map(summaryView),
});
