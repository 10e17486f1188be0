import type { Actor } from './actor.js';
import { actorRef } from './actor.js';
import { roleCodes, type Role } from './roles.js';
import { seatKey, type Condition, type Resource, type ResourceType, type Rule } from './rules.js';

/**
 * The same rules written as Cedar policies, and a request written as Cedar entities. Nothing here runs Cedar:
 * the differential test and the benchmark hand these to `@cedar-policy/cedar-wasm` and compare its answers with
 * the engine's. It also lets a reviewer read the hospital's rules in a standard policy language.
 */

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
interface Uid {
  readonly type: string;
  readonly id: string;
}
export interface CedarEntity {
  readonly uid: Uid;
  readonly attrs: Record<string, Json>;
  readonly parents: Uid[];
}
export interface CedarRequest {
  readonly principal: Uid;
  readonly action: Uid;
  readonly resource: Uid;
  readonly context: Record<string, Json>;
  readonly entities: CedarEntity[];
}

export const cedarTypeOf = (type: ResourceType): string => type.charAt(0).toUpperCase() + type.slice(1);
const str = (s: string): string => JSON.stringify(s);
const or = (parts: readonly string[]): string =>
  parts.length === 0 ? 'false' : parts.length === 1 ? (parts[0] ?? 'false') : `(${parts.join(' || ')})`;
const names = (attr: string): string =>
  `(resource has ${attr} && principal.personIds.contains(resource.${attr}))`;

const conditionText = (c: Condition): string => {
  switch (c.kind) {
    case 'signedIn':
      return 'principal.signedIn';
    case 'administrator':
      return 'principal.administrator';
    case 'contractor':
      return 'principal.contractor';
    case 'role':
      switch (c.scope) {
        case 'anywhere':
          return `principal.roles.containsAny([${c.roles.map(str).join(', ')}])`;
        case 'unit':
          return `(resource has unit && ${or(c.roles.map((r) => `principal.scopes.${r}.contains(resource.unit)`))})`;
        case 'subtree':
          return `(resource has unit && ${or(c.roles.map((r) => `resource.unit in principal.scopes.${r}`))})`;
      }
      break;
    case 'memberOfUnit':
      return '(principal has unit && resource has unit && principal.unit == resource.unit)';
    case 'owner':
      return names('owner');
    case 'inCompartment':
      return 'resource has compartment';
    case 'compartmentMember':
      return '(resource has compartment && principal.compartments.contains(resource.compartment))';
    case 'classificationAtLeast':
      return `(resource has classification && resource.classification >= ${String(c.level)})`;
    case 'classificationAtMost':
      return `(resource has classification && resource.classification <= ${String(c.level)})`;
    case 'conflictOfDuty':
      switch (c.duty) {
        case 'approve':
          return or([names('applicant'), names('preparer')]);
        case 'audit':
          return (
            '(resource has auditedUnits && ((principal has unit && resource.auditedUnits.contains(principal.unit))' +
            ' || resource.auditedUnits.containsAny(principal.heldUnits)))'
          );
        case 'verify':
          return names('changer');
      }
      break;
    case 'party':
      return or([names('applicant'), names('preparer')]);
    case 'seated':
      return '(resource has seats && resource.seats.containsAny(principal.seats))';
    case 'decider':
      return '(resource has deciders && resource.deciders.containsAny(principal.personIds))';
    case 'anyOf':
      return or(c.conditions.map(conditionText));
  }
};

/** One rule as one Cedar policy. */
export const cedarPolicyText = (rule: Rule): string => {
  const actions =
    rule.actions === '*'
      ? 'action'
      : `action in [${rule.actions.map((a) => `Action::${str(a)}`).join(', ')}]`;
  const types = rule.resourceTypes ?? [];
  const [onlyType] = types;
  const resource =
    types.length === 1 && onlyType !== undefined ? `resource is ${cedarTypeOf(onlyType)}` : 'resource';
  const clauses: string[] = [];
  if (types.length > 1) clauses.push(`when { ${or(types.map((t) => `resource is ${cedarTypeOf(t)}`))} }`);
  if (rule.when.length > 0) clauses.push(`when { ${rule.when.map(conditionText).join(' && ')} }`);
  for (const u of rule.unless ?? []) clauses.push(`unless { ${conditionText(u)} }`);
  return [`${rule.effect} (principal, ${actions}, ${resource})`, ...clauses].join('\n  ') + ';';
};

/** The rule set as Cedar's static policy set: policy id = rule id, so Cedar's reasons name the same rules. */
export const cedarPolicies = (rules: readonly Rule[]): Record<string, string> =>
  Object.fromEntries(rules.map((rule) => [rule.id, cedarPolicyText(rule)]));

const unit = (id: string): Json => ({ __entity: { type: 'Unit', id } });

/** The principal entity of an actor: flags, roles held anywhere, units per role, compartments. */
export const cedarPrincipal = (actor: Actor): CedarEntity => {
  const scoped = new Map<Role, Set<string>>(roleCodes.map((role) => [role, new Set<string>()]));
  const roles = new Set<Role>();
  const held = new Set<string>();
  const seats = new Set<string>();
  for (const grant of actor.grants) {
    roles.add(grant.role);
    seats.add(seatKey(grant.role, grant.unitId));
    if (grant.unitId === null) continue;
    held.add(grant.unitId);
    scoped.get(grant.role)?.add(grant.unitId);
  }
  const scopes: Record<string, Json> = {};
  for (const [role, units] of scoped) scopes[role] = [...units].map(unit);
  const personIds = [actor.staffId, actor.accountId].filter((id): id is string => id !== null);
  return {
    uid: { type: 'Person', id: actor.staffId ?? actorRef(actor) },
    attrs: {
      signedIn: actor.kind !== 'anonymous',
      administrator: actor.kind !== 'anonymous' && actor.systemRole === 'administrator',
      contractor: actor.category === 'contractor',
      personIds,
      ...(actor.unitId === null ? {} : { unit: unit(actor.unitId) }),
      roles: [...roles],
      scopes,
      heldUnits: [...held].map(unit),
      compartments: [...new Set(actor.compartments ?? [])],
      seats: [...seats],
    },
    parents: [],
  };
};

/** A resource entity, with its unit path written as Unit entities whose parents follow the path. */
export const cedarResource = (resource: Resource): CedarEntity[] => {
  const attrs: Record<string, Json> = {};
  const [owning] = resource.unitPath;
  if (owning !== undefined) attrs['unit'] = unit(owning);
  const optional = (key: string, value: string | number | null | undefined): void => {
    if (value !== null && value !== undefined) attrs[key] = value;
  };
  optional('classification', resource.classification);
  optional('compartment', resource.compartment);
  optional('owner', resource.ownerId);
  optional('applicant', resource.applicantId);
  optional('preparer', resource.preparerId);
  optional('changer', resource.changerId);
  if (resource.auditedUnitIds !== undefined) attrs['auditedUnits'] = resource.auditedUnitIds.map(unit);
  if (resource.seats !== undefined) attrs['seats'] = [...resource.seats];
  if (resource.deciderIds !== undefined) attrs['deciders'] = [...resource.deciderIds];
  const units = resource.unitPath.map((id, i): CedarEntity => ({
    uid: { type: 'Unit', id },
    attrs: {},
    parents:
      resource.unitPath[i + 1] === undefined ? [] : [{ type: 'Unit', id: resource.unitPath[i + 1] ?? '' }],
  }));
  return [{ uid: { type: cedarTypeOf(resource.type), id: resource.id }, attrs, parents: [] }, ...units];
};

/** A whole request in Cedar's terms. */
export const cedarRequest = (actor: Actor, action: string, resource: Resource): CedarRequest => {
  const principal = cedarPrincipal(actor);
  const [resourceEntity, ...units] = cedarResource(resource);
  return {
    principal: principal.uid,
    action: { type: 'Action', id: action },
    resource: resourceEntity?.uid ?? { type: cedarTypeOf(resource.type), id: resource.id },
    context: {},
    entities: [principal, ...(resourceEntity === undefined ? [] : [resourceEntity]), ...units],
  };
};
