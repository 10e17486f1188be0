import { z } from 'zod';
import { AppError, defineQuery } from '../../kernel/index.js';
import type { UnitDetail } from '../../shared/api-types.js';
import { allow, today } from './org-access.js';
import { presentAssignment, presentDelegation, presentStaff, presentUnit } from './org.presenters.js';
import { listAssignmentsOfUnit, listDelegationsOfUnit } from './roles.repository.js';
import { listAllStaff, listStaffOfUnit } from './staff.repository.js';
import { activeStaffCountsByUnit, listAllUnits } from './units.repository.js';

export const getUnit = defineQuery({
  name: 'org.getUnit',
  input: z.object({ id: z.string().min(1).max(64) }).strict(),
  authorize: allow('org.read'),
  execute: async (ctx, input): Promise<UnitDetail> => {
    const db = ctx.database.db;
    const asOf = today(ctx);
    const units = await listAllUnits(db);
    const byId = new Map(units.map((u) => [u.id, u]));
    const unit = byId.get(input.id);
    if (!unit)
      throw new AppError('notFound', { ja: '部署が見つかりません。', en: 'The unit does not exist.' });
    const counts = await activeStaffCountsByUnit(db, asOf);
    const path = [];
    for (let cursor = unit.parent_id; cursor !== null;) {
      const parent = byId.get(cursor);
      if (!parent) break;
      path.unshift(presentUnit(parent, counts.get(parent.id) ?? 0));
      cursor = parent.parent_id;
    }
    const assignments = await listAssignmentsOfUnit(db, unit.id);
    const delegations = await listDelegationsOfUnit(db, unit.id);
    const names = new Map((await listAllStaff(db)).map((s) => [s.id, s.name_kanji]));
    return {
      unit: presentUnit(unit, counts.get(unit.id) ?? 0),
      path,
      children: units
        .filter((u) => u.parent_id === unit.id && (u.valid_to === null || u.valid_to >= asOf))
        .map((u) => presentUnit(u, counts.get(u.id) ?? 0)),
      staff: (await listStaffOfUnit(db, unit.id, asOf)).map(presentStaff),
      assignments: assignments.map((a) => presentAssignment(a, names, byId)),
      delegations: delegations.map((d) => presentDelegation(d, names)),
    };
  },
});
