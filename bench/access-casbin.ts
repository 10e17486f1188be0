import { newEnforcer, newModelFromString, type Enforcer } from 'casbin';
import {
  actionResourceTypes,
  resourceTypes,
  roleCodes,
  seatKey,
  type Action,
  type Actor,
  type Condition,
  type Resource,
  type Rule,
} from '../src/kernel/index.js';

/**
 * The same model in casbin: one ABAC policy line per rule (its actions and resource types listed, its conditions
 * as a casbin expression over request attributes), deny-overrides as the effect. Set membership uses three
 * generic helpers (`listed`, `has`, `overlaps`); everything about the hospital is in the policy lines, as with
 * our engine. (One line per action and type instead makes casbin about five times slower here.)
 */
const model = `
[request_definition]
r = sub, obj, act

[policy_definition]
p = rule, acts, types, cond, eft

[policy_effect]
e = some(where (p.eft == allow)) && !some(where (p.eft == deny))

[matchers]
m = listed(p.acts, r.act) && listed(p.types, r.obj.type) && eval(p.cond)
`;

const list = (items: readonly string[]): string => `[${items.map((i) => JSON.stringify(i)).join(', ')}]`;
const or = (parts: readonly string[]): string => (parts.length === 0 ? 'false' : `(${parts.join(' || ')})`);

const expression = (c: Condition): string => {
  switch (c.kind) {
    case 'signedIn':
      return 'r.sub.signedIn';
    case 'administrator':
      return 'r.sub.administrator';
    case 'contractor':
      return 'r.sub.contractor';
    case 'role':
      switch (c.scope) {
        case 'anywhere':
          return `overlaps(r.sub.roles, ${list(c.roles)})`;
        case 'unit':
          return or(c.roles.map((role) => `has(r.sub.scopes.${role}, r.obj.unit)`));
        case 'subtree':
          return or(c.roles.map((role) => `overlaps(r.sub.scopes.${role}, r.obj.unitPath)`));
      }
      break;
    case 'memberOfUnit':
      return '(r.sub.unit != "" && r.sub.unit == r.obj.unit)';
    case 'owner':
      return 'has(r.sub.personIds, r.obj.owner)';
    case 'inCompartment':
      return 'r.obj.compartment != ""';
    case 'compartmentMember':
      return '(r.obj.compartment != "" && has(r.sub.compartments, r.obj.compartment))';
    case 'classificationAtLeast':
      return `r.obj.classification >= ${String(c.level)}`;
    case 'classificationAtMost':
      return `(r.obj.classification > 0 && r.obj.classification <= ${String(c.level)})`;
    case 'conflictOfDuty':
      switch (c.duty) {
        case 'approve':
          return '(has(r.sub.personIds, r.obj.applicant) || has(r.sub.personIds, r.obj.preparer))';
        case 'audit':
          return '(has(r.obj.auditedUnits, r.sub.unit) || overlaps(r.obj.auditedUnits, r.sub.heldUnits))';
        case 'verify':
          return 'has(r.sub.personIds, r.obj.changer)';
      }
      break;
    case 'party':
      return '(has(r.sub.personIds, r.obj.applicant) || has(r.sub.personIds, r.obj.preparer))';
    case 'seated':
      return 'overlaps(r.sub.seats, r.obj.seats)';
    case 'decider':
      return 'overlaps(r.sub.personIds, r.obj.deciders)';
    case 'anyOf':
      return or(c.conditions.map(expression));
  }
};

const condition = (rule: Rule): string =>
  [...rule.when.map(expression), ...(rule.unless ?? []).map((u) => `!${expression(u)}`)].join(' && ') ||
  'true';

export const casbinEnforcer = async (rules: readonly Rule<Action>[]): Promise<Enforcer> => {
  const enforcer = await newEnforcer(newModelFromString(model));
  await enforcer.addFunction(
    'has',
    (items: readonly string[], item: string) => item !== '' && items.includes(item),
  );
  await enforcer.addFunction('overlaps', (a: readonly string[], b: readonly string[]) =>
    a.some((x) => b.includes(x)),
  );
  await enforcer.addFunction('listed', (items: string, item: string) => ` ${items} `.includes(` ${item} `));
  const actions = Object.keys(actionResourceTypes) as Action[];
  const lines = rules.map((rule) => [
    rule.id,
    (rule.actions === '*' ? actions : rule.actions).join(' '),
    (rule.resourceTypes ?? resourceTypes).join(' '),
    condition(rule),
    rule.effect === 'permit' ? 'allow' : 'deny',
  ]);
  await enforcer.addPolicies(lines);
  return enforcer;
};

export interface CasbinRequest {
  readonly sub: Record<string, unknown>;
  readonly obj: Record<string, unknown>;
  readonly act: string;
}

/** The request attributes casbin's expressions read: flat lists and strings, "" and 0 for absent values. */
export const casbinRequest = (actor: Actor, action: Action, resource: Resource): CasbinRequest => {
  const scopes: Record<string, string[]> = Object.fromEntries(roleCodes.map((role) => [role, []]));
  for (const g of actor.grants) if (g.unitId !== null) scopes[g.role]?.push(g.unitId);
  return {
    sub: {
      signedIn: actor.kind !== 'anonymous',
      administrator: actor.kind !== 'anonymous' && actor.systemRole === 'administrator',
      contractor: actor.category === 'contractor',
      personIds: [actor.staffId, actor.accountId].filter((id) => id !== null),
      unit: actor.unitId ?? '',
      roles: [...new Set(actor.grants.map((g) => g.role))],
      scopes,
      heldUnits: [...new Set(actor.grants.flatMap((g) => (g.unitId === null ? [] : [g.unitId])))],
      compartments: [...(actor.compartments ?? [])],
      seats: [...new Set(actor.grants.map((g) => seatKey(g.role, g.unitId)))],
    },
    obj: {
      type: resource.type,
      unit: resource.unitPath[0] ?? '',
      unitPath: resource.unitPath,
      classification: resource.classification ?? 0,
      compartment: resource.compartment ?? '',
      owner: resource.ownerId ?? '',
      applicant: resource.applicantId ?? '',
      preparer: resource.preparerId ?? '',
      changer: resource.changerId ?? '',
      auditedUnits: resource.auditedUnitIds ?? [],
      seats: resource.seats ?? [],
      deciders: resource.deciderIds ?? [],
    },
    act: action,
  };
};
