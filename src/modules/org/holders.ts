import type { Db, Role, UnitTable } from '../../kernel/index.js';
import { listActiveAssignments, listActiveDelegations } from './roles.repository.js';
import { listActiveUnits } from './units.repository.js';

export interface Holding {
  readonly role: Role;
  readonly unitId: string | null;
  readonly staffId: string;
  readonly via: 'assignment' | 'delegation' | 'acting';
}

export interface OrgSnapshot {
  readonly asOf: string;
  readonly units: UnitTable[];
  readonly holdings: Holding[];
}

/** Who holds which role where on a date, counting delegations and acting holders: the base of reports. */
export const loadOrgSnapshot = async (db: Db, asOf: string): Promise<OrgSnapshot> => {
  const units = await listActiveUnits(db, asOf);
  const assignments = await listActiveAssignments(db, asOf);
  const delegations = await listActiveDelegations(db, asOf);
  return {
    asOf,
    units,
    holdings: [
      ...assignments.map((a): Holding => ({
        role: a.role as Role,
        unitId: a.unit_id,
        staffId: a.staff_id,
        via: 'assignment',
      })),
      ...delegations.map((d): Holding => ({
        role: d.role as Role,
        unitId: d.unit_id,
        staffId: d.to_staff_id,
        via: d.kind === 'delegation' ? 'delegation' : 'acting',
      })),
    ],
  };
};

/** Units that must have a Security Officer (3-3(1)) and a Security Manager (3-4(1)). */
export const officerUnitKinds: readonly string[] = ['bureau', 'division', 'clinic'];
export const managerUnitKinds: readonly string[] = ['section', 'centre'];

export const holdersOf = (snapshot: OrgSnapshot, role: Role, unitId: string | null): Holding[] =>
  snapshot.holdings.filter((h) => h.role === role && h.unitId === unitId);
