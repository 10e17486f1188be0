import type { Actor } from './actor.js';
import { roleCodes, type Role } from './roles.js';
import { seatKey } from './rules.js';

/**
 * An actor prepared for fast decisions: roles as bit masks, unit-scoped grants indexed by unit. Built once per
 * actor (a request's actor is cached), so a decision is a handful of mask tests and map lookups.
 */
export interface Principal {
  readonly signedIn: boolean;
  readonly administrator: boolean;
  readonly contractor: boolean;
  /** The ids a record may name this person by: the staff id and the account id. */
  readonly personIds: readonly string[];
  /** The person's own unit. */
  readonly unitId: string | null;
  /** Every role held, anywhere (hospital-wide or for some unit), by assignment, delegation or acting. */
  readonly roleMask: number;
  /** Roles held for a unit, by unit id. */
  readonly unitRoles: ReadonlyMap<string, number>;
  readonly compartments: ReadonlySet<string>;
  /** The approver seats the person holds (`seatKey`), by assignment, delegation or acting. */
  readonly seats: ReadonlySet<string>;
}

const bit = new Map<Role, number>(roleCodes.map((role, i) => [role, 1 << i]));

export const roleMaskOf = (roles: readonly Role[]): number =>
  roles.reduce((mask, role) => mask | (bit.get(role) ?? 0), 0);

export const principalOf = (actor: Actor): Principal => {
  let roleMask = 0;
  const unitRoles = new Map<string, number>();
  const seats = new Set<string>();
  for (const grant of actor.grants) {
    seats.add(seatKey(grant.role, grant.unitId));
    const b = bit.get(grant.role) ?? 0;
    roleMask |= b;
    if (grant.unitId !== null) unitRoles.set(grant.unitId, (unitRoles.get(grant.unitId) ?? 0) | b);
  }
  const personIds: string[] = [];
  if (actor.staffId !== null) personIds.push(actor.staffId);
  if (actor.accountId !== null) personIds.push(actor.accountId);
  return {
    signedIn: actor.kind !== 'anonymous',
    administrator: actor.kind !== 'anonymous' && actor.systemRole === 'administrator',
    contractor: actor.category === 'contractor',
    personIds,
    unitId: actor.unitId,
    roleMask,
    unitRoles,
    compartments: new Set(actor.compartments ?? []),
    seats,
  };
};

const cache = new WeakMap<Actor, Principal>();

/** The principal of an actor, built on first use and kept as long as the actor object lives. */
export const cachedPrincipalOf = (actor: Actor): Principal => {
  let principal = cache.get(actor);
  if (principal === undefined) {
    principal = principalOf(actor);
    cache.set(actor, principal);
  }
  return principal;
};
