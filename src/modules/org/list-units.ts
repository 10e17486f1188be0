import { z } from 'zod';
import { defineQuery } from '../../kernel/index.js';
import type { UnitSummary } from '../../shared/api-types.js';
import { allow, today } from './org-access.js';
import { presentUnit } from './org.presenters.js';
import { activeStaffCountsByUnit, listActiveUnits } from './units.repository.js';

/** The units in force today, flat (the client builds the tree from parentId), with their staff counts. */
export const listUnits = defineQuery({
  name: 'org.listUnits',
  input: z.object({}).strict(),
  authorize: allow('org.read'),
  execute: async (ctx): Promise<UnitSummary[]> => {
    const asOf = today(ctx);
    const [units, counts] = [
      await listActiveUnits(ctx.database.db, asOf),
      await activeStaffCountsByUnit(ctx.database.db, asOf),
    ];
    return units.map((u) => presentUnit(u, counts.get(u.id) ?? 0));
  },
});
