import { preparsePolicySet, statefulIsAuthorized } from '@cedar-policy/cedar-wasm/nodejs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { accessEngine } from './authorize.js';
import { cedarPolicies, cedarPolicyText, cedarRequest } from './cedar.js';
import { actionResourceTypes, type Action } from './hospital-rules.js';
import { principalOf } from './principal.js';
import { roleCodes, type Role, type RoleGrant } from './roles.js';
import { resourceTypes, seatKey, type Classification, type Resource } from './rules.js';

/**
 * The same rules, two engines: ours, and Cedar (`@cedar-policy/cedar-wasm`) over the policies `cedar.ts` writes.
 * On many random principals, resources and actions both must give the same decision and name the same rules.
 */

// A small units tree, three levels deep: a bureau with sections, a division whose section has a room below it.
const parents: Readonly<Record<string, string | null>> = {
  B1: null,
  S11: 'B1',
  S12: 'B1',
  D2: null,
  S21: 'D2',
  R211: 'S21',
  C3: null,
};
const units = Object.keys(parents);
const pathOf = (id: string): string[] => {
  const path: string[] = [];
  for (let u: string | null | undefined = id; u !== null && u !== undefined; u = parents[u]) path.push(u);
  return path;
};
const people = ['p1', 'p2', 'p3'];
const accounts = ['a1', 'a2'];
const compartments = ['c1', 'c2'];
const actions = Object.keys(actionResourceTypes) as Action[];

const orNull = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: 2, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });

const grantArb: fc.Arbitrary<RoleGrant> = fc.record({
  role: fc.constantFrom(...roleCodes),
  unitId: orNull(fc.constantFrom(...units)),
  via: fc.constantFrom('assignment' as const, 'delegation' as const, 'acting' as const),
  sourceId: fc.constantFrom('g1', 'g2'),
});

const actorArb: fc.Arbitrary<Actor> = fc
  .record({
    kind: fc.constantFrom('account' as const, 'account' as const, 'anonymous' as const, 'system' as const),
    admin: fc.boolean(),
    staffId: orNull(fc.constantFrom(...people)),
    accountId: orNull(fc.constantFrom(...accounts)),
    unitId: orNull(fc.constantFrom(...units)),
    category: fc.constantFrom('employee' as const, 'contractor' as const, null),
    grants: fc.array(grantArb, { maxLength: 4 }),
    compartments: fc.subarray(compartments),
  })
  .map((a) => ({
    kind: a.kind,
    accountId: a.accountId,
    staffId: a.staffId,
    unitId: a.unitId,
    loginId: `login-${a.accountId ?? 'none'}`,
    systemRole: a.admin ? ('administrator' as const) : null,
    category: a.category,
    grants: a.grants,
    compartments: a.compartments,
  }));

const seatArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom<Role>('securityManager', 'securityOfficer', 'ciso', 'securityDirector'),
    orNull(fc.constantFrom(...units)),
  )
  .map(([role, unit]) => seatKey(role, unit));

const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> =>
  fc.oneof(arb, fc.constant(null), fc.constant(undefined));

const resourceArb = (action: Action): fc.Arbitrary<Resource> =>
  fc.record({
    // Mostly the action's own type; sometimes another, which no rule but `*` ones may match.
    type: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...actionResourceTypes[action]) },
      { weight: 1, arbitrary: fc.constantFrom(...resourceTypes) },
    ),
    id: fc.constantFrom('r1', 'r2'),
    unitPath: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...units).map(pathOf) }, fc.constant([])),
    classification: maybe(fc.constantFrom<Classification>(1, 2, 3, 4)),
    compartment: maybe(fc.constantFrom(...compartments)),
    ownerId: maybe(fc.constantFrom(...people, ...accounts)),
    applicantId: maybe(fc.constantFrom(...people)),
    preparerId: maybe(fc.constantFrom(...people, ...accounts)),
    changerId: maybe(fc.constantFrom(...people)),
    auditedUnitIds: fc.option(fc.subarray(units), { nil: undefined }),
    // Approver seats: a few roles, for a unit or hospital-wide, so some principals hold one.
    seats: fc.option(fc.array(seatArb, { maxLength: 3 }), { nil: undefined }),
    deciderIds: fc.option(fc.subarray([...people, ...accounts]), { nil: undefined }),
  });

const requestArb = fc
  .constantFrom(...actions)
  .chain((action) => fc.tuple(fc.constant(action), actorArb, resourceArb(action)));

describe('our engine and Cedar agree', () => {
  const policies = cedarPolicies(accessEngine.rules);
  const parsed = preparsePolicySet('hospital', { staticPolicies: policies });

  it('Cedar accepts every rule as a policy', () => {
    expect(parsed).toEqual({ type: 'success' });
    expect(Object.keys(policies)).toHaveLength(accessEngine.rules.length);
    expect(
      cedarPolicyText(
        accessEngine.rules.find((r) => r.id === 'information.manager') ?? accessEngine.rules[0]!,
      ),
    ).toBe(`permit (principal, action in [Action::"information.read", Action::"information.update"], resource)
  when { (resource has unit && principal.scopes.securityManager.contains(resource.unit)) };`);
  });

  it('on random principals, resources and actions: same decision, same rule ids, no Cedar errors', () => {
    const seen = { allow: 0, forbid: 0, none: 0, seated: 0, party: 0 };
    fc.assert(
      fc.property(requestArb, ([action, actor, resource]) => {
        const ours = accessEngine.decide(principalOf(actor), action, resource);
        const answer = statefulIsAuthorized({
          ...cedarRequest(actor, action, resource),
          preparsedPolicySetId: 'hospital',
        });
        if (answer.type !== 'success') throw new Error(JSON.stringify(answer.errors));
        expect(answer.response.diagnostics.errors).toEqual([]);
        expect({ allowed: ours.allowed, rules: [...ours.ruleIds].sort() }).toEqual({
          allowed: answer.response.decision === 'allow',
          rules: [...answer.response.diagnostics.reason].sort(),
        });
        if (ours.ruleIds.some((id) => id === 'request.approve.seat' || id === 'request.read.approvers'))
          seen.seated++;
        if (ours.ruleIds.includes('request.party')) seen.party++;
        if (ours.allowed) seen.allow++;
        else if (ours.ruleIds.length > 0) seen.forbid++;
        else seen.none++;
      }),
      { numRuns: 4000, seed: 20260401 },
    );
    // The run covers all three outcomes in earnest, not just default denials.
    expect(seen.allow).toBeGreaterThan(400);
    expect(seen.forbid).toBeGreaterThan(200);
    expect(seen.none).toBeGreaterThan(400);
    // The request rules' conditions (seats, deciders, the parties) are exercised too.
    expect(seen.seated).toBeGreaterThan(20);
    expect(seen.party).toBeGreaterThan(20);
  });

  it('also with a fresh random seed each run', () => {
    fc.assert(
      fc.property(requestArb, ([action, actor, resource]) => {
        const ours = accessEngine.decide(principalOf(actor), action, resource);
        const answer = statefulIsAuthorized({
          ...cedarRequest(actor, action, resource),
          preparsedPolicySetId: 'hospital',
        });
        return (
          answer.type === 'success' &&
          answer.response.diagnostics.errors.length === 0 &&
          (answer.response.decision === 'allow') === ours.allowed &&
          [...answer.response.diagnostics.reason].sort().join() === [...ours.ruleIds].sort().join()
        );
      }),
      { numRuns: 2000 },
    );
  });
});
