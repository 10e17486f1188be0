import {
  actionResourceTypes,
  seatKey,
  type Action,
  type Actor,
  type Classification,
  type Resource,
  type RoleGrant,
} from '../src/kernel/index.js';
import { generateDemoHospital } from '../src/modules/demo/index.js';

/**
 * The demo hospital as the access engine sees it: every staff member as an actor (with their role assignments,
 * delegations and acting holders on the demo's date), compartments in some sections, and records of every
 * resource type spread over the units. Ids are the demo's codes and employee numbers.
 */
export interface AccessRequest {
  readonly actor: Actor;
  readonly action: Action;
  readonly resource: Resource;
}

/** A small deterministic generator (mulberry32), so every run measures the same requests. */
const random = (seed: number) => {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  };
  return { next, pick, chance: (p: number): boolean => next() < p };
};

export const buildAccessWorld = (count: number, seed = 11): AccessRequest[] => {
  const asOf = '2026-04-01';
  const hospital = generateDemoHospital({ seed: 1, asOf });
  const { units, staff, assignments, delegations } = hospital.data;
  const rnd = random(seed);
  const parentOf = new Map(units.map((u) => [u.code, u.parentCode]));
  const pathOf = (code: string): string[] => {
    const path: string[] = [];
    for (let u: string | null | undefined = code; u !== null && u !== undefined; u = parentOf.get(u))
      path.push(u);
    return path;
  };
  const active = staff.filter((s) => s.startDate <= asOf && (s.endDate === null || s.endDate >= asOf));
  const grants = new Map<string, RoleGrant[]>();
  const grant = (employeeNumber: string, g: RoleGrant): void => {
    grants.set(employeeNumber, [...(grants.get(employeeNumber) ?? []), g]);
  };
  assignments.forEach((a, i) => {
    if (a.startDate <= asOf && (a.endDate === null || a.endDate >= asOf)) {
      grant(a.employeeNumber, {
        role: a.role,
        unitId: a.unitCode,
        via: 'assignment',
        sourceId: `a${String(i)}`,
      });
    }
  });
  delegations.forEach((d, i) => {
    if (d.startDate <= asOf && d.endDate >= asOf) {
      grant(d.toEmployeeNumber, { role: d.role, unitId: d.unitCode, via: d.kind, sourceId: `d${String(i)}` });
    }
  });

  // Compartments (7-1(1)イ): a quarter of the sections keep one, for a few of their members.
  const sections = units.filter((u) => u.kind === 'section').map((u) => u.code);
  const compartmentOf = new Map<string, string>();
  const members = new Map<string, string[]>();
  for (const code of sections) if (rnd.chance(0.25)) compartmentOf.set(code, `CMP-${code}`);
  for (const s of active) {
    const c = compartmentOf.get(s.unitCode);
    if (c !== undefined && rnd.chance(0.3)) members.set(s.employeeNumber, [c]);
  }

  const actors: Actor[] = active.map((s) => ({
    kind: 'account',
    accountId: `acc-${s.employeeNumber}`,
    staffId: s.employeeNumber,
    unitId: s.unitCode,
    loginId: s.employeeNumber,
    systemRole: null,
    category: s.category,
    grants: grants.get(s.employeeNumber) ?? [],
    compartments: members.get(s.employeeNumber) ?? [],
  }));
  // Role holders act far more often than their share of the staff: half of the requests come from them.
  const holders = actors.filter((a) => a.grants.length > 0);
  const staffOf = new Map<string, string[]>();
  for (const s of active) staffOf.set(s.unitCode, [...(staffOf.get(s.unitCode) ?? []), s.employeeNumber]);
  const someoneIn = (unit: string): string => rnd.pick(staffOf.get(unit) ?? ['nobody']);

  const resourceFor = (type: Resource['type'], id: number, near: Actor): Resource => {
    if (type === 'hospital') return { type, id: 'hospital', unitPath: [] };
    // Half of the records belong to the actor's own unit, the others anywhere.
    const unit = near.unitId !== null && rnd.chance(0.5) ? near.unitId : rnd.pick(sections);
    const path = pathOf(unit);
    const base = { id: `${type}-${String(id)}`, unitPath: path };
    switch (type) {
      case 'informationAsset':
        return {
          type,
          ...base,
          classification: rnd.pick<Classification>([1, 2, 2, 2, 3, 4]),
          compartment: rnd.chance(0.5) ? (compartmentOf.get(unit) ?? null) : null,
          ownerId: rnd.chance(0.1) ? (near.staffId ?? null) : someoneIn(unit),
        };
      case 'request': {
        // The route's seats: the unit's Manager, then (sent up) its Officer; sometimes the CISO's fixed step.
        const seats = [seatKey('securityManager', unit), seatKey('securityOfficer', path[1] ?? unit)];
        if (rnd.chance(0.2)) seats.push(seatKey('ciso', null));
        return {
          type,
          ...base,
          applicantId: rnd.chance(0.1) ? (near.staffId ?? null) : someoneIn(unit),
          preparerId: rnd.chance(0.05) ? (near.staffId ?? null) : null,
          seats,
          deciderIds: rnd.chance(0.2) ? [someoneIn(unit)] : [],
        };
      }
      case 'compartment':
        return { type, ...base };
      case 'change':
        return { type, ...base, changerId: rnd.chance(0.1) ? (near.staffId ?? null) : someoneIn(unit) };
      case 'audit': {
        const audited = rnd.chance(0.3) && near.unitId !== null ? near.unitId : rnd.pick(sections);
        return { type, id: base.id, unitPath: [], auditedUnitIds: [audited] };
      }
    }
  };

  const actions = Object.keys(actionResourceTypes) as Action[];
  return Array.from({ length: count }, (_, i) => {
    const actor = rnd.chance(0.5) ? rnd.pick(holders) : rnd.pick(actors);
    const action = rnd.pick(actions);
    return { actor, action, resource: resourceFor(rnd.pick(actionResourceTypes[action]), i, actor) };
  });
};
