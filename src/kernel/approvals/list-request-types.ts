import { z } from 'zod';
import type { ApprovalTypeView } from '../../shared/api-types.js';
import { requirePermission } from '../access/index.js';
import { defineQuery } from '../usecase/index.js';
import { requestTypes } from './registry.js';
import { typeView } from './views.js';

/** The request types with their forms and routes, for the screens that generate the forms. */
export const listRequestTypes = defineQuery({
  name: 'approvals.listRequestTypes',
  input: z.strictObject({}),
  authorize: (ctx) => {
    requirePermission(ctx.actor, 'request.list');
  },
  execute: (): Promise<ApprovalTypeView[]> => Promise.resolve(requestTypes.list().map(typeView)),
});
