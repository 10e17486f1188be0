import { z } from 'zod';
import { defineQuery } from '../../kernel/index.js';
import type { StaffView } from '../../shared/api-types.js';
import { allow, today } from './org-access.js';
import { presentStaff } from './org.presenters.js';
import { searchStaff as searchStaffRows } from './staff.repository.js';

export const searchStaff = defineQuery({
  name: 'org.searchStaff',
  input: z
    .object({
      q: z.string().trim().max(100).optional(),
      unitId: z.string().max(64).optional(),
      includeFormer: z.coerce.boolean().default(false),
      limit: z.coerce.number().int().min(1).max(500).default(50),
      offset: z.coerce.number().int().min(0).default(0),
    })
    .strict(),
  authorize: allow('org.read'),
  execute: async (ctx, input): Promise<{ items: StaffView[]; total: number }> => {
    const { items, total } = await searchStaffRows(ctx.database.db, {
      q: input.q ? input.q : null,
      unitId: input.unitId ?? null,
      includeFormer: input.includeFormer,
      asOf: today(ctx),
      limit: input.limit,
      offset: input.offset,
    });
    return { items: items.map(presentStaff), total };
  },
});
