import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/index.js';
import { anonymousActor, systemActor, type Actor } from './actor.js';
import { AccessDenied, can, decide, requirePermission } from './authorize.js';
import { compileAccessRules } from './engine.js';
import { principalOf } from './principal.js';
import type { Role, RoleGrant } from './roles.js';
import type { Resource, Rule } from './rules.js';

// 看護部 (KANGO) > 4階東病棟 (4E), 4階西病棟 (4W); 事務局 (JIMU) > 医療情報課 (IRYO).
const path = { '4E': ['4E', 'KANGO'], '4W': ['4W', 'KANGO'], IRYO: ['IRYO', 'JIMU'], KANGO: ['KANGO'] };

const person = (
  staffId: string,
  unitId: string,
  grants: readonly [Role, string | null][] = [],
  more: Partial<Actor> = {},
): Actor => ({
  kind: 'account',
  accountId: `acc-${staffId}`,
  staffId,
  unitId,
  loginId: staffId,
  systemRole: null,
  category: 'employee',
  grants: grants.map(([role, unit]): RoleGrant => ({ role, unitId: unit, via: 'assignment', sourceId: 'x' })),
  ...more,
});

const nurse = person('nurse', '4E');
const otherNurse = person('other-nurse', '4W');
const manager4E = person('manager', '4E', [['securityManager', '4E']]);
const officerKango = person('officer', 'KANGO', [['securityOfficer', 'KANGO']]);
const director = person('director', 'JIMU', [['securityDirector', null]]);
const auditor = person('auditor', 'KANSA', [['auditor', null]]);
const contractor = person('vendor', '4E', [], { category: 'contractor' });

const asset = (unit: keyof typeof path, more: Partial<Resource> = {}): Resource => ({
  type: 'informationAsset',
  id: 'asset-1',
  unitPath: path[unit],
  classification: 2,
  ...more,
});

describe('information assets (第4, 第7 1(1))', () => {
  it("lets staff read their own section's information, not another section's (7-1(1)ア)", () => {
    expect(decide(nurse, 'information.read', asset('4E'))).toEqual({
      allowed: true,
      ruleIds: ['information.read.ownUnit'],
      report: false,
      overridable: false,
    });
    expect(decide(otherNurse, 'information.read', asset('4E'))).toEqual({
      allowed: false,
      ruleIds: [],
      report: false,
      overridable: false,
    });
  });

  it('scopes a Manager to their section and an Officer to the subtree of their division', () => {
    expect(can(manager4E, 'information.update', asset('4E'))).toBe(true);
    expect(can(manager4E, 'information.update', asset('4W'))).toBe(false);
    expect(decide(officerKango, 'information.update', asset('4W')).ruleIds).toEqual(['information.officer']);
    expect(can(officerKango, 'information.update', asset('KANGO'))).toBe(true);
    expect(can(officerKango, 'information.update', asset('IRYO'))).toBe(false);
    // Reading everything is the executives' and the auditors'; changing it is not.
    expect(can(director, 'information.read', asset('4W'))).toBe(true);
    expect(can(director, 'information.update', asset('4W'))).toBe(false);
    expect(can(auditor, 'information.read', asset('IRYO'))).toBe(true);
    expect(can(auditor, 'information.update', asset('IRYO'))).toBe(false);
  });

  it('opens classification III and IV to anyone signed in, never to no one', () => {
    expect(can(otherNurse, 'information.read', asset('4E', { classification: 3 }))).toBe(true);
    expect(can(anonymousActor, 'information.read', asset('4E', { classification: 4 }))).toBe(false);
    expect(can(otherNurse, 'information.update', asset('4E', { classification: 4 }))).toBe(false);
  });

  it('keeps a compartment to its members even inside the section, and reports the denial (7-1(1)イ)', () => {
    const inCompartment = asset('4E', { compartment: 'psychiatry-notes' });
    const member = person('member', '4E', [], { compartments: ['psychiatry-notes'] });
    expect(can(member, 'information.read', inCompartment)).toBe(true);
    // A forbid wins over every permit: the section member, the Manager and the Director all are refused.
    for (const who of [nurse, manager4E, director]) {
      expect(decide(who, 'information.read', inCompartment)).toEqual({
        allowed: false,
        ruleIds: ['information.compartment'],
        report: true,
        overridable: false,
      });
    }
    expect(
      can(nurse, 'information.read', asset('4E', { compartment: 'psychiatry-notes', ownerId: 'nurse' })),
    ).toBe(true);
  });

  it('keeps contractors from classification I information, even in their own unit', () => {
    expect(can(contractor, 'information.read', asset('4E'))).toBe(true);
    expect(decide(contractor, 'information.read', asset('4E', { classification: 1 }))).toMatchObject({
      allowed: false,
      ruleIds: ['information.contractorClassI'],
      report: true,
    });
  });

  it('names every permit that held, and every forbid when denied', () => {
    const own = decide(manager4E, 'information.read', asset('4E', { ownerId: 'manager', classification: 3 }));
    expect([...own.ruleIds].sort()).toEqual([
      'information.manager',
      'information.owner',
      'information.read.ownUnit',
      'information.read.public',
    ]);
    const both = decide(contractor, 'information.read', asset('4E', { classification: 1, compartment: 'c' }));
    expect([...both.ruleIds].sort()).toEqual(['information.compartment', 'information.contractorClassI']);
  });
});

describe('the permission table, as before', () => {
  it('keeps the old answers: any account reads, listed roles manage, contractors and no one else do not', () => {
    expect(can(nurse, 'org.read')).toBe(true);
    expect(can(contractor, 'org.read')).toBe(true);
    expect(can(anonymousActor, 'org.read')).toBe(false);
    expect(can(director, 'org.manage')).toBe(true);
    expect(decide(director, 'org.manage').ruleIds).toEqual(['org.manage#roles']);
    expect(can(manager4E, 'org.manage')).toBe(false);
    expect(can(manager4E, 'org.readReports')).toBe(true);
    expect(can(auditor, 'ledger.read')).toBe(true);
    const contractorAuditor = person('c-auditor', '4E', [['auditor', null]], { category: 'contractor' });
    expect(can(contractorAuditor, 'ledger.read')).toBe(false);
    expect(can(systemActor('test'), 'identity.manageAccounts')).toBe(true);
    expect(decide(systemActor('test'), 'org.manage').ruleIds).toEqual(['administrator']);
  });

  it('refuses with bilingual messages: sign in first, then not allowed with the reason of a forbid', () => {
    expect(() => requirePermission(anonymousActor, 'org.read')).toThrow(
      expect.objectContaining({
        code: 'unauthenticated',
        userMessage: { ja: 'サインインが必要です。', en: 'You need to sign in.' },
      }),
    );
    try {
      requirePermission(nurse, 'information.read', asset('4E', { compartment: 'c' }));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AccessDenied);
      if (!isAppError(e)) throw e;
      expect(e.code).toBe('forbidden');
      expect(e.userMessage.ja).toBe(
        'この操作を行う権限がありません。別領域の情報資産は担当職員以外は閲覧・使用できない（第7 1(1)イ）。',
      );
      expect(e.userMessage.en).toContain('compartment');
    }
    expect(() => requirePermission(nurse, 'org.manage')).toThrow(
      expect.objectContaining({
        userMessage: { ja: 'この操作を行う権限がありません。', en: 'You are not allowed to do this.' },
      }),
    );
  });
});

describe('the engine itself', () => {
  const rule = (id: string, effect: Rule['effect'], more: Partial<Rule> = {}): Rule => ({
    id,
    effect,
    actions: ['doc.read'],
    when: [],
    description: { ja: id, en: id },
    ...more,
  });

  it('denies by default, lets a forbid win, and refuses duplicate rule ids', () => {
    const engine = compileAccessRules(
      [
        rule('everyone', 'permit', { when: [{ kind: 'signedIn' }], resourceTypes: ['informationAsset'] }),
        rule('no-contractors', 'forbid', { when: [{ kind: 'contractor' }] }),
      ],
      { 'doc.read': ['informationAsset'] },
    );
    const doc = asset('4E');
    expect(engine.decide(principalOf(nurse), 'doc.read', doc).ruleIds).toEqual(['everyone']);
    expect(engine.decide(principalOf(contractor), 'doc.read', doc).ruleIds).toEqual(['no-contractors']);
    expect(engine.decide(principalOf(anonymousActor), 'doc.read', doc).allowed).toBe(false);
    // Another resource type or action: no rule is about it, so the default deny.
    expect(engine.decide(principalOf(nurse), 'doc.read', { ...doc, type: 'request' }).allowed).toBe(false);
    expect(engine.decide(principalOf(nurse), 'doc.write', doc).allowed).toBe(false);
    expect(() => compileAccessRules([rule('a', 'permit'), rule('a', 'forbid')], {})).toThrow(
      /duplicate access rule id: a/,
    );
  });

  it('treats delegated and acting roles like assigned ones (3-2(7))', () => {
    const acting: Actor = {
      ...nurse,
      grants: [{ role: 'securityManager', unitId: '4W', via: 'acting', sourceId: 'd1' }],
    };
    expect(can(acting, 'information.update', asset('4W'))).toBe(true);
  });
});
