import { roleMaskOf, type Principal } from './principal.js';
import type { Condition, Decision, Resource, ResourceType, Rule } from './rules.js';
import { conflictOfDuty } from './separation.js';

type Test = (p: Principal, r: Resource) => boolean;

interface CompiledRule {
  readonly id: string;
  readonly test: Test;
  readonly reportDenial: boolean;
  readonly overridable: boolean;
}

/** The rules that can apply to one (action, resource type): forbids and permits, each compiled to a closure. */
interface Bucket {
  readonly forbids: readonly CompiledRule[];
  readonly permits: readonly CompiledRule[];
}

const always: Test = () => true;

const isPerson = (p: Principal, id: string | null | undefined): boolean =>
  id !== undefined && id !== null && p.personIds.includes(id);

const compileCondition = (c: Condition): Test => {
  switch (c.kind) {
    case 'signedIn':
      return (p) => p.signedIn;
    case 'administrator':
      return (p) => p.administrator;
    case 'contractor':
      return (p) => p.contractor;
    case 'role': {
      const mask = roleMaskOf(c.roles);
      switch (c.scope) {
        case 'anywhere':
          return (p) => (p.roleMask & mask) !== 0;
        case 'unit':
          return (p, r) => {
            const unit = r.unitPath[0];
            return unit !== undefined && ((p.unitRoles.get(unit) ?? 0) & mask) !== 0;
          };
        case 'subtree':
          return (p, r) => {
            if (p.unitRoles.size === 0) return false;
            for (const unit of r.unitPath) if (((p.unitRoles.get(unit) ?? 0) & mask) !== 0) return true;
            return false;
          };
      }
      break;
    }
    case 'memberOfUnit':
      return (p, r) => p.unitId !== null && p.unitId === r.unitPath[0];
    case 'owner':
      return (p, r) => r.ownerId !== undefined && r.ownerId !== null && p.personIds.includes(r.ownerId);
    case 'inCompartment':
      return (_, r) => r.compartment !== undefined && r.compartment !== null;
    case 'compartmentMember':
      return (p, r) =>
        r.compartment !== undefined && r.compartment !== null && p.compartments.has(r.compartment);
    case 'classificationAtLeast': {
      const level = c.level;
      return (_, r) =>
        r.classification !== undefined && r.classification !== null && r.classification >= level;
    }
    case 'classificationAtMost': {
      const level = c.level;
      return (_, r) =>
        r.classification !== undefined && r.classification !== null && r.classification <= level;
    }
    case 'conflictOfDuty':
      return conflictOfDuty[c.duty];
    case 'party':
      return (p, r) => isPerson(p, r.applicantId) || isPerson(p, r.preparerId);
    case 'seated':
      return (p, r) => {
        if (r.seats === undefined || p.seats.size === 0) return false;
        for (const seat of r.seats) if (p.seats.has(seat)) return true;
        return false;
      };
    case 'decider':
      return (p, r) => r.deciderIds !== undefined && r.deciderIds.some((id) => p.personIds.includes(id));
    case 'anyOf': {
      const tests = c.conditions.map(compileCondition);
      return (p, r) => tests.some((t) => t(p, r));
    }
  }
};

const allOf = (tests: readonly Test[]): Test => {
  const [a, b, ...rest] = tests;
  if (a === undefined) return always;
  if (b === undefined) return a;
  if (rest.length === 0) return (p, r) => a(p, r) && b(p, r);
  return (p, r) => tests.every((t) => t(p, r));
};

const noneOf = (tests: readonly Test[]): Test | null => {
  const [a, b] = tests;
  if (a === undefined) return null;
  if (b === undefined) return (p, r) => !a(p, r);
  return (p, r) => !tests.some((t) => t(p, r));
};

const compileRule = (rule: Rule): CompiledRule => {
  const when = allOf(rule.when.map(compileCondition));
  const unless = noneOf((rule.unless ?? []).map(compileCondition));
  return {
    id: rule.id,
    test: unless === null ? when : (p, r) => when(p, r) && unless(p, r),
    reportDenial: rule.reportDenial === true,
    overridable: rule.overridable === true,
  };
};

const applies = (rule: Rule, action: string, type: ResourceType): boolean =>
  (rule.actions === '*' || rule.actions.includes(action)) &&
  (rule.resourceTypes === undefined || rule.resourceTypes.includes(type));

const noRules: readonly string[] = Object.freeze([]);
const defaultDeny: Decision = Object.freeze({
  allowed: false,
  ruleIds: noRules,
  report: false,
  overridable: false,
});

export interface AccessEngine<A extends string> {
  readonly rules: readonly Rule<A>[];
  /** Decides one request: default deny, a forbid that holds wins, the rule ids that made the decision. */
  decide(principal: Principal, action: A, resource: Resource): Decision;
}

/**
 * Compiles a rule set. Rules are checked for unique ids, then grouped per (action, resource type): eagerly for
 * the declared pairs, on first use for any other, so a decision only looks at the rules that can apply.
 */
export const compileAccessRules = <A extends string>(
  rules: readonly Rule<A>[],
  declared: Readonly<Record<A, readonly ResourceType[]>>,
): AccessEngine<A> => {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) throw new Error(`duplicate access rule id: ${rule.id}`);
    seen.add(rule.id);
  }
  const compiled = new Map(rules.map((rule) => [rule, compileRule(rule)]));
  const table = new Map<string, Map<ResourceType, Bucket>>();
  const bucketOf = (action: string, type: ResourceType): Bucket => {
    let byType = table.get(action);
    if (byType === undefined) {
      byType = new Map();
      table.set(action, byType);
    }
    let bucket = byType.get(type);
    if (bucket === undefined) {
      const matching = rules.filter((rule) => applies(rule, action, type));
      const pick = (effect: Rule['effect']): CompiledRule[] =>
        matching
          .filter((rule) => rule.effect === effect)
          .map((rule) => compiled.get(rule) ?? compileRule(rule));
      bucket = { forbids: pick('forbid'), permits: pick('permit') };
      byType.set(type, bucket);
    }
    return bucket;
  };
  for (const action of Object.keys(declared) as A[])
    for (const type of declared[action]) bucketOf(action, type);

  const decide = (principal: Principal, action: A, resource: Resource): Decision => {
    const bucket = table.get(action)?.get(resource.type) ?? bucketOf(action, resource.type);
    let forbidden: string[] | null = null;
    let report = false;
    let overridable = true;
    for (const rule of bucket.forbids) {
      if (rule.test(principal, resource)) {
        (forbidden ??= []).push(rule.id);
        report ||= rule.reportDenial;
        overridable &&= rule.overridable;
      }
    }
    let permitted: string[] | null = null;
    for (const rule of bucket.permits) {
      if (rule.test(principal, resource)) (permitted ??= []).push(rule.id);
    }
    if (forbidden !== null) {
      return { allowed: false, ruleIds: forbidden, report, overridable: overridable && permitted !== null };
    }
    if (permitted !== null) return { allowed: true, ruleIds: permitted, report: false, overridable: false };
    return defaultDeny;
  };
  return { rules, decide };
};
