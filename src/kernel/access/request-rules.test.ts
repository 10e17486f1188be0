import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { can, decide } from './authorize.js';
import type { Action } from './hospital-rules.js';
import type { Role } from './roles.js';
import { seatKey, type Resource } from './rules.js';

/**
 * Who may do what with a request (許可の申請): the rules the approvals engine asks before it submits, shows,
 * withdraws or decides one. A nurse of 4階東病棟 (4E, under 看護部 KANGO) carries out a laptop; its route is the
 * ward's Security Manager, sent up to the Officer of 看護部 when the Manager cannot decide.
 */
const person = (
  staffId: string,
  unitId: string,
  grants: [Role, string | null, ('assignment' | 'delegation' | 'acting')?][] = [],
  contractor = false,
): Actor => ({
  kind: 'account',
  accountId: `acc-${staffId}`,
  staffId,
  unitId,
  loginId: staffId,
  systemRole: null,
  category: contractor ? 'contractor' : 'employee',
  grants: grants.map(([role, unit, via]) => ({
    role,
    unitId: unit,
    via: via ?? 'assignment',
    sourceId: 'x',
  })),
});

const applicant = person('nurse', '4E');
const clerk = person('clerk', '4E');
const colleague = person('colleague', '4E');
const manager = person('m4e', '4E', [['securityManager', '4E']]);
const actingManager = person('deputy', '4E', [['securityManager', '4E', 'acting']]);
const otherManager = person('m4w', '4W', [['securityManager', '4W']]);
const officer = person('okango', 'KANGO', [['securityOfficer', 'KANGO']]);
const otherOfficer = person('ojimu', 'JIMU', [['securityOfficer', 'JIMU']]);
const ciso = person('ciso', 'JIMU', [['ciso', null]]);
const director = person('director', 'JIMU', [['securityDirector', null]]);
const auditor = person('auditor', 'KANSA', [['auditor', null]]);
const committee = person('member', 'SOMU', [['committee', null]]);
const vendor = person('vendor', '4E', [], true);
/** Contractors hold no role of 第3 (3-5(2)); were one ever seated, the forbid still wins. */
const seatedVendor = person('vendor2', '4E', [['securityManager', '4E']], true);

/** The request as it is read: the applicant's unit path, every seat on its route, who decided. */
const carryOut = (more: Partial<Resource> = {}): Resource => ({
  type: 'request',
  id: 'req-1',
  unitPath: ['4E', 'KANGO'],
  classification: 2,
  applicantId: 'nurse',
  preparerId: 'clerk',
  seats: [seatKey('securityManager', '4E'), seatKey('securityOfficer', 'KANGO')],
  deciderIds: [],
  ...more,
});

const allowed = (who: readonly Actor[], action: Action, resource: Resource): string[] =>
  who.filter((a) => can(a, action, resource)).map((a) => a.loginId);

const everyone = [
  applicant,
  clerk,
  colleague,
  manager,
  actingManager,
  otherManager,
  officer,
  otherOfficer,
  ciso,
  director,
  auditor,
  committee,
  vendor,
];

describe('requests (許可の申請)', () => {
  it('lets the applicant and whoever prepared it submit and withdraw it, nobody else', () => {
    for (const action of ['request.submit', 'request.withdraw'] as const) {
      expect(allowed(everyone, action, carryOut()), action).toEqual(['nurse', 'clerk']);
      expect(decide(applicant, action, carryOut()).ruleIds).toEqual(['request.party']);
    }
    // A contractor applies for what they need too (e.g. bringing equipment in).
    expect(can(vendor, 'request.submit', carryOut({ applicantId: 'vendor', preparerId: null }))).toBe(true);
  });

  it('shows it to its parties, its approvers, the Officers above the applicant, the security office and auditors (第3 3(2), 第3 1・2, 第9 1)', () => {
    expect(allowed(everyone, 'request.read', carryOut())).toEqual([
      'nurse',
      'clerk',
      'm4e',
      'deputy',
      'okango',
      'ciso',
      'director',
      'auditor',
    ]);
    expect(decide(officer, 'request.read', carryOut()).ruleIds).toEqual([
      'request.read.approvers',
      'request.read.officer',
    ]);
    expect(decide(auditor, 'request.read', carryOut()).ruleIds).toEqual(['request.read.auditors']);
    // A colleague of the same ward, another ward's Manager, another bureau's Officer: not theirs to read.
    expect(decide(colleague, 'request.read', carryOut())).toMatchObject({ allowed: false, ruleIds: [] });
  });

  it('keeps a request readable by whoever decided it, after their seat is gone', () => {
    const formerManager = person('former', '4E');
    expect(can(formerManager, 'request.read', carryOut())).toBe(false);
    expect(decide(formerManager, 'request.read', carryOut({ deciderIds: ['former'] })).ruleIds).toEqual([
      'request.read.approvers',
    ]);
  });

  it("lets only the step's seat decide it, by assignment or acting (第3 2(7)); contractors never (第3 5(2))", () => {
    // The step being decided: the ward Manager's seat, sent up to the Officer.
    const step = carryOut({ seats: [seatKey('securityManager', '4E'), seatKey('securityOfficer', 'KANGO')] });
    expect(allowed(everyone, 'request.approve', step)).toEqual(['m4e', 'deputy', 'okango']);
    expect(decide(actingManager, 'request.approve', step).ruleIds).toEqual(['request.approve.seat']);
    // The CISO decides a step seated on the CISO (off-site equipment 5-1(5), exceptions 8-5), not a ward's.
    const cisoStep = carryOut({ seats: [seatKey('ciso', null)] });
    expect(allowed(everyone, 'request.approve', cisoStep)).toEqual(['ciso']);
    expect(decide(seatedVendor, 'request.approve', step)).toMatchObject({
      allowed: false,
      ruleIds: ['contractor.noDecisions'],
      report: true,
    });
  });

  it('keeps the applicant and the preparer from deciding it (第3 7(1)), overridably', () => {
    const own = carryOut({ applicantId: 'm4e', preparerId: null });
    expect(decide(manager, 'request.approve', own)).toEqual({
      allowed: false,
      ruleIds: ['sod.approveOwnRequest'],
      report: true,
      overridable: true,
    });
    // The same person still reads and withdraws it as its applicant.
    expect(can(manager, 'request.read', own)).toBe(true);
    expect(can(manager, 'request.withdraw', own)).toBe(true);
  });

  it('lists one’s own work and notifications for anyone signed in', () => {
    for (const action of ['request.list', 'request.readNotifications'] as const)
      expect(allowed(everyone, action, { type: 'hospital', id: 'hospital', unitPath: [] })).toHaveLength(
        everyone.length,
      );
  });
});
