import { z } from 'zod';
import { defineQuery, requirePermission } from '../../../kernel/index.js';
import type { PersonnelEventView, PersonnelKindCode } from '../../../shared/identity-admin-types.js';

/** The personnel events recorded lately, newest first: what was scheduled and what has been applied. */
export const listPersonnelEvents = defineQuery({
  name: 'identity.listPersonnelEvents',
  input: z.object({ limit: z.number().int().min(1).max(1000).default(200) }).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.importPersonnel'),
  execute: async (ctx, input): Promise<PersonnelEventView[]> => {
    const rows = await ctx.database.db
      .selectFrom('personnel_events as e')
      .leftJoin('staff as s', 's.id', 'e.staff_id')
      .selectAll('e')
      .select('s.name_kanji')
      .orderBy('e.recorded_at', 'desc')
      .orderBy('e.row')
      .limit(input.limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as PersonnelKindCode,
      employeeNumber: r.employee_number,
      name: r.name_kanji,
      effectiveDate: r.effective_date,
      status: r.status,
      source: r.source,
      recordedAt: r.recorded_at,
      appliedAt: r.applied_at,
    }));
  },
});
