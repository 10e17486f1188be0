import { describe, it, expect } from 'vitest';
import {
  assignmentRowSchema,
  delegationRowSchema,
  positionRowSchema,
  staffRowSchema,
  unitRowSchema,
} from '../org/index.js';
import type { AssignmentRow, OrgData } from '../org/index.js';
import { demoPersonaKeys, generateDemoHospital } from './generate-demo-hospital.js';
import type { DemoPersonaKey } from './generate-demo-hospital.js';

const asOf = '2026-04-01';
const demo = generateDemoHospital();
const { units, positions, staff, assignments, delegations } = demo.data;

const activeOn = (a: { startDate: string; endDate: string | null }, date: string): boolean =>
  a.startDate <= date && (a.endDate === null || a.endDate >= date);
const holdersOf = (role: AssignmentRow['role'], unitCode: string | null = null): string[] =>
  assignments
    .filter((a) => a.role === role && a.unitCode === unitCode && activeOn(a, asOf))
    .map((a) => a.employeeNumber);
const rolesOf = (employeeNumber: string): AssignmentRow[] =>
  assignments.filter((a) => a.employeeNumber === employeeNumber);

function schemaFailures(data: OrgData): string[] {
  const failures: string[] = [];
  const check = (
    sheet: string,
    schema: { safeParse: (v: unknown) => { success: boolean } },
    rows: unknown[],
  ) =>
    rows.forEach((row, i) => {
      if (!schema.safeParse(row).success) failures.push(`${sheet}[${i}]: ${JSON.stringify(row)}`);
    });
  check('units', unitRowSchema, data.units);
  check('positions', positionRowSchema, data.positions);
  check('staff', staffRowSchema, data.staff);
  check('assignments', assignmentRowSchema, data.assignments);
  check('delegations', delegationRowSchema, data.delegations);
  return failures;
}

const duplicates = (values: string[]): string[] => values.filter((v, i) => values.indexOf(v) !== i);

describe('generateDemoHospital', () => {
  it('produces rows that all pass the org row schemas', () => {
    expect(schemaFailures(demo.data)).toEqual([]);
    expect(
      schemaFailures(generateDemoHospital({ seed: 7, staffCount: 600, asOf: '2025-10-15' }).data),
    ).toEqual([]);
  });

  it('parses to the same rows (no schema defaults or trimming change anything)', () => {
    expect(staff.map((s) => staffRowSchema.parse(s))).toEqual(staff);
    expect(units.map((u) => unitRowSchema.parse(u))).toEqual(units);
  });

  it('keeps codes and employee numbers unique', () => {
    expect(duplicates(units.map((u) => u.code))).toEqual([]);
    expect(duplicates(positions.map((p) => p.code))).toEqual([]);
    expect(duplicates(staff.map((s) => s.employeeNumber))).toEqual([]);
    expect(duplicates(staff.map((s) => s.email ?? ''))).toEqual([]);
  });

  it('resolves every reference', () => {
    const unitCodes = new Set(units.map((u) => u.code));
    const positionCodes = new Set(positions.map((p) => p.code));
    const numbers = new Set(staff.map((s) => s.employeeNumber));
    const missing = [
      ...units.filter((u) => u.parentCode !== null && !unitCodes.has(u.parentCode)).map((u) => u.code),
      ...staff.filter((s) => !unitCodes.has(s.unitCode)).map((s) => s.employeeNumber),
      ...staff
        .filter((s) => s.positionCode !== null && !positionCodes.has(s.positionCode))
        .map((s) => s.employeeNumber),
      ...assignments.filter((a) => !numbers.has(a.employeeNumber)).map((a) => a.employeeNumber),
      ...assignments.filter((a) => a.unitCode !== null && !unitCodes.has(a.unitCode)).map((a) => a.role),
      ...delegations.flatMap((d) =>
        [d.fromEmployeeNumber, d.toEmployeeNumber].filter((n) => !numbers.has(n)),
      ),
      ...delegations.filter((d) => d.unitCode !== null && !unitCodes.has(d.unitCode)).map((d) => d.role),
    ];
    expect(missing).toEqual([]);
  });

  it('shapes the organisation like 第3 3(1) and 4(1)', () => {
    const kinds = (kind: string) => units.filter((u) => u.kind === kind).map((u) => u.nameJa);
    expect(kinds('bureau')).toEqual(['事務局', '診療局', '特殊診療局']);
    expect(kinds('division')).toEqual(['薬剤部', '看護部']);
    expect(kinds('clinic').length).toBeGreaterThanOrEqual(2);
    expect(kinds('centre')).toContain('救命救急センター');
    expect(units.find((u) => u.code === 'JIMU-IRYOJOHO')?.nameJa).toBe('医療情報課');
    const byCode = new Map(units.map((u) => [u.code, u]));
    for (const u of units) {
      const parent = u.parentCode === null ? undefined : byCode.get(u.parentCode);
      if (u.kind === 'section') expect(parent?.kind, u.code).toMatch(/^(bureau|division|clinic)$/);
      if (u.kind === 'centre') expect(parent?.nameJa).toBe('特殊診療局');
      if (u.kind !== 'section' && u.kind !== 'centre') expect(parent).toBeUndefined();
    }
  });

  it('gives each bureau, division and clinic a Security Officer and each section and centre a Manager', () => {
    const gaps = units.flatMap((u) => {
      const role = u.kind === 'section' || u.kind === 'centre' ? 'securityManager' : 'securityOfficer';
      return holdersOf(role, u.code).length === 1 ? [] : [`${role} ${u.code}`];
    });
    expect(gaps).toEqual([]);
  });

  it('has exactly one CISO and one Security Director, held by the right positions', () => {
    const positionOf = (n: string | undefined) => staff.find((s) => s.employeeNumber === n)?.positionCode;
    expect(holdersOf('ciso')).toHaveLength(1);
    expect(holdersOf('securityDirector')).toHaveLength(1);
    expect(assignments.filter((a) => a.role === 'ciso' || a.role === 'securityDirector')).toHaveLength(2);
    expect(positionOf(holdersOf('ciso')[0])).toBe('HOSP-ADMIN');
    expect(positionOf(holdersOf('securityDirector')[0])).toBe('ADMIN-DIR');
  });

  it('fills every role of 第3, with role holders active and separation of duties kept', () => {
    const roles = new Set(assignments.map((a) => a.role));
    expect([...roles].sort()).toEqual(
      [
        'auditLead',
        'auditor',
        'ciso',
        'committee',
        'facilitiesOffice',
        'personnelOffice',
        'securityDirector',
        'securityManager',
        'securityOfficer',
        'securityStaff',
      ].sort(),
    );
    expect(assignments.every((a) => a.startDate < asOf && a.endDate === null)).toBe(true);
    const byNumber = new Map(staff.map((s) => [s.employeeNumber, s]));
    const inactive = assignments.filter((a) => {
      const s = byNumber.get(a.employeeNumber);
      return s === undefined || s.endDate !== null || s.startDate > a.startDate || s.category !== 'employee';
    });
    expect(inactive).toEqual([]);
    expect(holdersOf('auditLead')).toHaveLength(1);
    expect(holdersOf('auditor').length).toBeGreaterThanOrEqual(2);
    const director = holdersOf('securityDirector')[0] ?? '';
    expect(rolesOf(director).map((a) => a.role)).not.toContain('auditLead');
    expect(rolesOf(director).map((a) => a.role)).not.toContain('auditor');
    for (const n of [...holdersOf('auditLead'), ...holdersOf('auditor')]) {
      expect(byNumber.get(n)?.unitCode).toBe('JIMU-KANSA');
    }
    const staffUnits = new Set(assignments.filter((a) => a.role === 'securityStaff').map((a) => a.unitCode));
    expect(staffUnits.size).toBeGreaterThanOrEqual(15);
    expect(byNumber.get(holdersOf('personnelOffice')[0] ?? '')?.unitCode).toBe('JIMU-JINJI');
    expect(byNumber.get(holdersOf('facilitiesOffice')[0] ?? '')?.unitCode).toBe('JIMU-SHISETSU');
  });

  it('delegates the Director’s duties to the head of 医療情報課 (3-2(7)) and has an acting example', () => {
    const head = holdersOf('securityManager', 'JIMU-IRYOJOHO')[0];
    const delegation = delegations.find((d) => d.kind === 'delegation' && d.role === 'securityDirector');
    expect(delegation).toMatchObject({
      unitCode: null,
      fromEmployeeNumber: holdersOf('securityDirector')[0],
      toEmployeeNumber: head,
      endDate: '2027-03-31',
    });
    expect((delegation?.startDate ?? '9999-12-31') < asOf).toBe(true);
    const acting = delegations.find((d) => d.kind === 'acting');
    expect(acting && activeOn(acting, asOf)).toBe(true);
    expect(acting?.fromEmployeeNumber).toBe(holdersOf('securityManager', acting?.unitCode ?? null)[0]);
  });

  it('is deterministic: same seed equal, different seed different names', () => {
    expect(generateDemoHospital({ seed: 1 })).toEqual(demo);
    expect(generateDemoHospital({ seed: 42, staffCount: 800 })).toEqual(
      generateDemoHospital({ seed: 42, staffCount: 800 }),
    );
    const other = generateDemoHospital({ seed: 2 });
    expect(other.data.staff.map((s) => s.nameKanji)).not.toEqual(staff.map((s) => s.nameKanji));
    expect(other.data.units).toEqual(units);
  });

  it('has about the requested number of staff, with a realistic mix', () => {
    for (const requested of [1500, 600, 3000]) {
      const n =
        requested === 1500 ? staff.length : generateDemoHospital({ staffCount: requested }).data.staff.length;
      expect(Math.abs(n - requested)).toBeLessThanOrEqual(requested * 0.05);
    }
    const share = (pred: (s: (typeof staff)[number]) => boolean) => staff.filter(pred).length / staff.length;
    expect(share((s) => s.employment === 'regular')).toBeGreaterThan(0.65);
    expect(share((s) => s.employment === 'partTime')).toBeGreaterThan(0.12);
    expect(share((s) => s.unitCode.startsWith('KANGO-') || s.unitCode.startsWith('SHIN-'))).toBeGreaterThan(
      0.6,
    );
    const left = staff.filter((s) => s.endDate !== null);
    expect(left.length).toBeGreaterThanOrEqual(20);
    expect(left.every((s) => (s.endDate ?? '') < asOf)).toBe(true);
    expect(staff.every((s) => s.startDate < asOf)).toBe(true);
    expect(staff.every((s) => s.email?.endsWith('@demo-hospital.invalid'))).toBe(true);
    const contractors = staff.filter((s) => s.category === 'contractor');
    expect(contractors.length).toBeGreaterThan(0);
    expect(
      contractors.every((s) => /^C\d{4}$/.test(s.employeeNumber) && s.unitCode === 'JIMU-IRYOJOHO'),
    ).toBe(true);
  });

  it('rejects a staff count too small for the organisation', () => {
    expect(() => generateDemoHospital({ staffCount: 10 })).toThrow(RangeError);
    expect(() => generateDemoHospital({ asOf: '2026-02-30' })).toThrow(RangeError);
  });

  it('has one persona per key, each pointing at a person who holds the matching role', () => {
    expect(demo.personas.map((p) => p.key)).toEqual([...demoPersonaKeys]);
    expect(duplicates(demo.personas.map((p) => p.loginId))).toEqual([]);
    const byKey = new Map(demo.personas.map((p) => [p.key, p]));
    const who = (key: DemoPersonaKey) => {
      const p = byKey.get(key);
      return { p, s: staff.find((s) => s.employeeNumber === p?.employeeNumber) };
    };
    const roleNames = (key: DemoPersonaKey) => rolesOf(who(key).p?.employeeNumber ?? '').map((a) => a.role);
    expect(byKey.get('ciso')?.loginId).toBe('demo-ciso');
    expect(roleNames('ciso')).toContain('ciso');
    expect(roleNames('securityDirector')).toContain('securityDirector');
    expect(roleNames('securityOfficer')).toContain('securityOfficer');
    const manager = rolesOf(who('securityManager').p?.employeeNumber ?? '').find(
      (a) => a.role === 'securityManager',
    );
    expect(units.find((u) => u.code === manager?.unitCode)?.kind).toBe('section');
    expect(roleNames('auditor')).toContain('auditor');
    const plain = who('staff').s;
    expect(plain).toMatchObject({ category: 'employee', employment: 'regular', endDate: null });
    expect(roleNames('staff')).toEqual([]);
    expect(who('contractor').s?.category).toBe('contractor');
    for (const p of demo.personas) {
      expect(who(p.key).s?.endDate, p.key).toBeNull();
      expect(p.descriptionJa.length > 0 && p.descriptionEn.length > 0).toBe(true);
    }
  });
});
