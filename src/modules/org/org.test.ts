import { expect, it } from 'vitest';
import { AppError, systemActor, type Actor } from '../../kernel/index.js';
import { describeEachDialect } from '../../../test/db-harness.js';
import {
  assignmentRow,
  delegationRow,
  smallHospital,
  staffRow,
  unitRow,
} from '../../../test/factories/org.js';
import { auditEntries, auditSize } from '../../../test/ledger-helpers.js';
import {
  assignRole,
  buildContactChart,
  buildGapReport,
  createUnit,
  delegateRole,
  endRoleAssignment,
  exportOrg,
  getUnit,
  importOrg,
  listUnits,
  registerStaff,
  resolveGrants,
  searchStaff,
  updateStaff,
} from './index.js';

const expectAppError = async (p: Promise<unknown>, code: AppError['code']): Promise<AppError> => {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
};

const staffActor = (staffId: string): Actor => ({
  kind: 'account',
  accountId: 'acc-1',
  staffId,
  unitId: null,
  loginId: 'someone',
  systemRole: null,
  category: 'employee',
  grants: [],
});

describeEachDialect('org (第3)', (db) => {
  it('imports a hospital in one transaction with an entry per record and a summary (第3)', async () => {
    const before = await auditSize(db().handle);
    const result = await importOrg(db().ctx(), { data: smallHospital(), source: 'test' });
    expect(result.counts.units.created).toBe(5);
    expect(result.counts.staff.created).toBe(8);
    expect(result.counts.assignments.created).toBe(7);
    expect(result.counts.delegations.created).toBe(1);
    const entries = await auditEntries(db().handle, before);
    expect(entries[0]?.kind).toBe('org.import.applied');
    expect(entries.filter((e) => e.kind === 'org.unit.created')).toHaveLength(5);
    expect(entries.filter((e) => e.kind === 'org.staff.registered')).toHaveLength(8);
    expect(entries.every((e) => e.actor === 'system:test')).toBe(true);
    const units = await listUnits(db().ctx(), {});
    const ward = units.find((u) => u.code === 'KANGO-3E');
    expect(ward?.staffCount).toBe(2);
    expect(units.find((u) => u.id === ward?.parentId)?.nameJa).toBe('看護部');
  });

  it('re-importing the same data changes nothing but records the import', async () => {
    const before = await auditSize(db().handle);
    const result = await importOrg(db().ctx(), { data: smallHospital() });
    expect(result.counts.units).toEqual({ created: 0, updated: 0, unchanged: 5 });
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => e.kind)).toEqual(['org.import.applied']);
  });

  it('rejects a whole file with an error per row, and writes nothing', async () => {
    const before = await auditSize(db().handle);
    const data = {
      ...smallHospital(),
      units: [unitRow({ code: 'NEW-1', parentCode: 'NOPE' })],
      staff: [
        staffRow({ employeeNumber: 'N001', unitCode: 'JIMU' }),
        staffRow({ employeeNumber: 'N002', unitCode: 'MISSING' }),
      ],
      assignments: [],
      delegations: [],
    };
    const error = await expectAppError(
      importOrg(db().ctx(), { data, rowNumbers: { staff: [5, 9] } }),
      'validation',
    );
    expect(error.issues).toContainEqual(expect.objectContaining({ row: 2, field: 'units.parentCode' }));
    expect(error.issues).toContainEqual(expect.objectContaining({ row: 9, field: 'staff.unitCode' }));
    expect(error.issues.find((i) => i.field === 'staff.unitCode')?.message.ja).toContain('MISSING');
    expect(await auditSize(db().handle)).toBe(before);
    const found = await searchStaff(db().ctx(), { q: 'N001' });
    expect(found.total).toBe(0);
  });

  it('a dry run reports the counts and writes nothing', async () => {
    const before = await auditSize(db().handle);
    const result = await importOrg(db().ctx(), {
      data: { ...smallHospital(), units: [unitRow({ code: 'DRY-1', parentCode: 'JIMU' })] },
      dryRun: true,
    });
    expect(result).toMatchObject({ dryRun: true, counts: { units: { created: 1 } } });
    expect((await listUnits(db().ctx(), {})).some((u) => u.code === 'DRY-1')).toBe(false);
    expect(await auditSize(db().handle)).toBe(before);
  });

  it('creates a unit under a parent, and refuses a duplicate code naming the field', async () => {
    const { id } = await createUnit(
      db().ctx(),
      unitRow({ code: 'JIMU-KEIRI', nameJa: '経理課', parentCode: 'JIMU' }),
    );
    const detail = await getUnit(db().ctx(), { id });
    expect(detail.path.map((u) => u.code)).toEqual(['JIMU']);
    const [entry] = await auditEntries(db().handle, (await auditSize(db().handle)) - 1);
    expect(entry).toMatchObject({ kind: 'org.unit.created', subject: `unit:${id}` });
    const dup = await expectAppError(createUnit(db().ctx(), unitRow({ code: 'JIMU-KEIRI' })), 'validation');
    expect(dup.issues[0]).toMatchObject({ field: 'units.code' });
    expect(dup.issues[0]?.row).toBeUndefined();
  });

  it('bad input names the field in both languages', async () => {
    const error = await expectAppError(
      registerStaff(db().ctx(), { ...staffRow(), nameKana: 'yamada', startDate: '2025-02-30' }),
      'validation',
    );
    const fields = error.issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['nameKana', 'startDate']));
    expect(error.issues.find((i) => i.field === 'nameKana')?.message).toEqual({
      ja: 'ひらがなまたはカタカナで入力してください。',
      en: 'Must be written in hiragana or katakana.',
    });
  });

  it('transfers a staff member and records it as a transfer', async () => {
    const { id } = await registerStaff(
      db().ctx(),
      staffRow({ employeeNumber: 'M001', unitCode: 'JIMU-SOMU' }),
    );
    await updateStaff(db().ctx(), staffRow({ employeeNumber: 'M001', unitCode: 'JIMU-IRYOJOHO' }));
    const [entry] = await auditEntries(db().handle, (await auditSize(db().handle)) - 1);
    expect(entry).toMatchObject({ kind: 'org.staff.transferred', subject: `staff:${id}` });
  });

  it('keeps contractors out of the roles of 第3 and hospital-wide roles without a unit', async () => {
    const contractor = await expectAppError(
      assignRole(
        db().ctx(),
        assignmentRow({ role: 'securityStaff', employeeNumber: 'C001', unitCode: 'JIMU-IRYOJOHO' }),
      ),
      'validation',
    );
    expect(contractor.issues[0]?.field).toBe('assignments.employeeNumber');
    const scoped = await expectAppError(
      assignRole(db().ctx(), assignmentRow({ role: 'securityManager', employeeNumber: 'S004' })),
      'validation',
    );
    expect(scoped.issues[0]?.field).toBe('assignments.unitCode');
    const second = await expectAppError(
      assignRole(db().ctx(), assignmentRow({ role: 'ciso', employeeNumber: 'S004' })),
      'validation',
    );
    expect(second.issues[0]?.message.en).toContain('Only one person');
  });

  it('delegation of 3-2(7) gives the head of 医療情報課 the Director role, and ends with its term', async () => {
    const s003 = (await searchStaff(db().ctx(), { q: 'S003' })).items[0];
    const grants = await resolveGrants(db().handle.db, s003?.id ?? '', '2026-04-01');
    expect(grants).toContainEqual(expect.objectContaining({ role: 'securityDirector', via: 'delegation' }));
    expect(await resolveGrants(db().handle.db, s003?.id ?? '', '2027-04-01')).not.toContainEqual(
      expect.objectContaining({ role: 'securityDirector' }),
    );
    const bad = await expectAppError(
      delegateRole(
        db().ctx(),
        delegationRow({
          role: 'securityManager',
          fromEmployeeNumber: 'S004',
          toEmployeeNumber: 'S003',
          unitCode: 'JIMU-SOMU',
        }),
      ),
      'validation',
    );
    expect(bad.issues[0]?.field).toBe('delegations.role');
    const acting = await delegateRole(
      db().ctx(),
      delegationRow({
        kind: 'acting',
        role: 'securityManager',
        unitCode: 'KANGO-3E',
        fromEmployeeNumber: 'S006',
        toEmployeeNumber: 'S005',
        reason: '育児休業中の代理',
      }),
    );
    const [entry] = await auditEntries(db().handle, (await auditSize(db().handle)) - 1);
    expect(entry).toMatchObject({
      kind: 'org.delegation.actingAppointed',
      subject: `delegation:${acting.id}`,
    });
  });

  it('reports units without an officer or manager and roles kept apart by 第3 7', async () => {
    await createUnit(
      db().ctx(),
      unitRow({ code: 'SHINRYO', nameJa: '診療局', nameEn: 'Clinical Bureau', kind: 'bureau' }),
    );
    await assignRole(db().ctx(), assignmentRow({ role: 'auditor', employeeNumber: 'S004' }));
    const report = await buildGapReport(db().ctx(), {});
    expect(report.missingOfficer.map((u) => u.code)).toContain('SHINRYO');
    expect(report.missingManager.map((u) => u.code)).toContain('JIMU-KEIRI');
    expect(report.missingOfficer.map((u) => u.code)).not.toContain('JIMU');
    expect(report.conflicts).toContainEqual(
      expect.objectContaining({ staffName: '総務 四郎', roles: ['auditor', 'securityManager'] }),
    );
  });

  it('draws the contact chart of 3-2(6) from the assignments, with delegate and vacancies', async () => {
    const chart = await buildContactChart(db().ctx(), {});
    const [ciso] = chart.roots;
    expect(ciso?.holders.map((h) => h.nameKanji)).toEqual(['管理 一郎']);
    const director = ciso?.children[0];
    expect(director?.holders.map((h) => [h.nameKanji, h.via])).toEqual([
      ['事務 二郎', 'assignment'],
      ['情報 三子', 'delegation'],
    ]);
    const nursing = director?.children.find((n) => n.unit?.code === 'KANGO');
    expect(nursing?.children.map((n) => n.unit?.code)).toEqual(['KANGO-3E']);
    expect(nursing?.children[0]?.holders.map((h) => h.via)).toEqual(['assignment', 'acting']);
    expect(chart.vacancies).toContainEqual({
      role: 'securityOfficer',
      unitNameJa: '診療局',
      unitNameEn: 'Clinical Bureau',
    });
  });

  it('ends a term without deleting it', async () => {
    const { id } = await assignRole(
      db().ctx(),
      assignmentRow({ role: 'securityStaff', employeeNumber: 'S007', unitCode: 'KANGO-3E' }),
    );
    await endRoleAssignment(db().ctx(), { assignmentId: id, endDate: '2026-03-31' });
    const exported = await exportOrg(db().ctx(), {});
    expect(exported.assignments.find((a) => a.employeeNumber === 'S007')).toMatchObject({
      role: 'securityStaff',
      endDate: '2026-03-31',
    });
    const [entry] = await auditEntries(db().handle, (await auditSize(db().handle)) - 1);
    expect(entry).toMatchObject({ kind: 'org.role.ended', subject: `roleAssignment:${id}` });
  });

  it('export re-imports unchanged', async () => {
    const exported = await exportOrg(db().ctx(), {});
    const result = await importOrg(db().ctx(), { data: exported });
    for (const counts of Object.values(result.counts)) expect(counts.created + counts.updated).toBe(0);
  });

  it('refuses changes by staff without a role, and reads for any account', async () => {
    const somebody = staffActor('x');
    await expectAppError(createUnit(db().ctx(somebody), unitRow()), 'forbidden');
    await expectAppError(importOrg(db().ctx(somebody), { data: smallHospital() }), 'forbidden');
    expect((await listUnits(db().ctx(somebody), {})).length).toBeGreaterThan(0);
    await expectAppError(buildGapReport(db().ctx(somebody), {}), 'forbidden');
    await expectAppError(
      listUnits(db().ctx({ ...systemActor('x'), kind: 'anonymous' }), {}),
      'unauthenticated',
    );
  });
});
