import type { Db, Role, RoleGrant } from '../../kernel/index.js';
import { listActiveAssignmentsOfStaff, listActiveDelegationsTo } from './roles.repository.js';

/**
 * The roles a person holds on a date: their own terms, plus what is delegated to them (3-2(7)) or what they hold
 * as acting holder. Each grant names its source so a decision can say on whose behalf it was made.
 */
export const resolveGrants = async (db: Db, staffId: string, asOf: string): Promise<RoleGrant[]> => {
  const own = await listActiveAssignmentsOfStaff(db, staffId, asOf);
  const delegated = await listActiveDelegationsTo(db, staffId, asOf);
  return [
    ...own.map((a): RoleGrant => ({
      role: a.role as Role,
      unitId: a.unit_id,
      via: 'assignment',
      sourceId: a.id,
    })),
    ...delegated.map((d): RoleGrant => ({
      role: d.role as Role,
      unitId: d.unit_id,
      via: d.kind === 'delegation' ? 'delegation' : 'acting',
      sourceId: d.id,
    })),
  ];
};
