import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/db-harness.js';
import { rejection } from '../../../../test/factories/identity.js';
import {
  accountOf,
  hireRow,
  lifecycleHospital,
  personnelRow,
  staffActor,
  staffOf,
} from '../../../../test/factories/lifecycle.js';
import { auditEntries, auditSize } from '../../../../test/ledger-helpers.js';
import { systemActor } from '../../../kernel/index.js';
import { updateStaff } from '../../org/index.js';
import { followStaffRecords, importPersonnel, signIn } from '../index.js';

/** Accounts follow staff records (第7 2(1)イ(ア)): hire, transfer, leave, return, retirement, on their day. */
describeEachDialect('account lifecycle from personnel events (第7 2(1)イ(ア))', (db) => {
  const at = (iso: string) => db().clock.set(iso);
  const kinds = async (from: number) => (await auditEntries(db().handle, from)).map((e) => e.kind);
  const clerk = () => staffActor(db(), 'P001');
  const follow = () => followStaffRecords(db().ctx(systemActor('lifecycle')));
  const roleEnd = async (employeeNumber: string, role: string) =>
    (
      await db()
        .handle.db.selectFrom('role_assignments')
        .innerJoin('staff', 'staff.id', 'role_assignments.staff_id')
        .select('role_assignments.end_date')
        .where('staff.employee_number', '=', employeeNumber)
        .where('role_assignments.role', '=', role)
        .executeTakeFirstOrThrow()
    ).end_date;

  it('prepares the hospital with a personnel clerk and accounts', async () => {
    at('2026-04-01T01:00:00.000Z');
    await lifecycleHospital(db(), { staff7: 'S007', nurse6: 'S006', clerk: 'P001', contractor: 'C001' });
  });

  it('creates the account of a hire effective today with a temporary password to hand over (第7 2(1)イ(ア), 7-2(3)イ)', async () => {
    const before = await auditSize(db().handle);
    const result = await importPersonnel(db().ctx(await clerk()), {
      rows: [hireRow('N101', { loginId: 'hanako.n' })],
    });
    expect(result.counts.hire).toEqual({ applied: 1, scheduled: 0, unchanged: 0 });
    const [account] = result.accounts;
    expect(account).toMatchObject({ loginId: 'hanako.n', employeeNumber: 'N101', usableFrom: '2026-04-01' });
    expect(account?.temporaryPassword).toMatch(/^[A-Za-z2-9]{16}$/);
    const signedIn = await signIn(db().ctx(), {
      loginId: 'hanako.n',
      password: account?.temporaryPassword ?? '',
      ip: '192.0.2.1',
      userAgent: 'vitest',
    });
    expect(signedIn.ok).toBe(true);
    const staff = await staffOf(db(), 'N101');
    expect(staff.start_date).toBe('2026-04-01');
    expect((await accountOf(db(), 'hanako.n')).must_change_password).toBe(1);
    expect(await kinds(before)).toEqual([
      'identity.personnelImported',
      'org.staff.registered',
      'identity.accountCreated',
      'identity.personnelEventRecorded',
      'identity.personnelEventApplied',
      'identity.signedIn',
    ]);
    const [summary] = await auditEntries(db().handle, before);
    expect(summary?.actor).toMatch(/^account:/);
    expect(JSON.stringify(await auditEntries(db().handle, before))).not.toContain(account?.temporaryPassword);
  });

  it('keeps a future hire pending until the first day, then opens it (第7 2(1)イ(ア))', async () => {
    const result = await importPersonnel(db().ctx(await clerk()), {
      rows: [hireRow('N102', { effectiveDate: '2026-04-10' })],
    });
    expect(result.counts.hire).toEqual({ applied: 0, scheduled: 1, unchanged: 0 });
    const password = result.accounts[0]?.temporaryPassword ?? '';
    const pending = await accountOf(db(), 'n102');
    expect(pending.disabled_reason).toBe('notStarted');
    const attempt = () =>
      signIn(db().ctx(), { loginId: 'n102', password, ip: '192.0.2.2', userAgent: 'vitest' });
    expect(await attempt()).toEqual({ ok: false, reason: 'invalid' });
    at('2026-04-09T14:59:00.000Z'); // 23:59 on the 9th in Japan: not yet
    expect(await follow()).toBeNull();
    at('2026-04-09T15:00:00.000Z'); // 00:00 on the 10th
    const before = await auditSize(db().handle);
    expect(await follow()).toMatchObject({ events: 1 });
    expect(await kinds(before)).toEqual([
      'identity.lifecycleApplied',
      'identity.personnelEventApplied',
      'identity.accountActivated',
    ]);
    expect((await accountOf(db(), 'n102')).disabled_at).toBeNull();
    expect((await attempt()).ok).toBe(true);
  });

  it('moves a transfer on its day: the old unit’s roles end the day before, the account is re-scoped (第7 2(1)イ(ア))', async () => {
    at('2026-04-10T01:00:00.000Z');
    const result = await importPersonnel(db().ctx(await clerk()), {
      rows: [
        personnelRow({
          kind: 'transfer',
          employeeNumber: 'S007',
          unitCode: 'JIMU-SOMU',
          effectiveDate: '2026-04-15',
        }),
      ],
    });
    expect(result.counts.transfer).toEqual({ applied: 0, scheduled: 1, unchanged: 0 });
    expect(await roleEnd('S007', 'securityStaff')).toBeNull();
    at('2026-04-14T15:30:00.000Z');
    const before = await auditSize(db().handle);
    await follow();
    const somu = await db()
      .handle.db.selectFrom('units')
      .select('id')
      .where('code', '=', 'JIMU-SOMU')
      .executeTakeFirstOrThrow();
    expect((await staffOf(db(), 'S007')).unit_id).toBe(somu.id);
    expect((await accountOf(db(), 'staff7')).scoped_unit_id).toBe(somu.id);
    expect(await roleEnd('S007', 'securityStaff')).toBe('2026-04-14');
    expect(await kinds(before)).toEqual([
      'identity.lifecycleApplied',
      'identity.personnelEventApplied',
      'org.staff.transferred',
      'org.role.ended',
      'identity.accountRescoped',
    ]);
  });

  it('disables the account on the first day of leave and enables it on return (第7 2(1)イ(ア))', async () => {
    at('2026-04-15T01:00:00.000Z');
    await importPersonnel(db().ctx(await clerk()), {
      rows: [
        personnelRow({
          kind: '休職' as 'leave',
          employeeNumber: 'S006',
          effectiveDate: '2026-05-01',
          returnDate: '2026-08-01',
        }),
      ],
    });
    const events = await db()
      .handle.db.selectFrom('personnel_events')
      .select(['kind', 'effective_date', 'status'])
      .where('employee_number', '=', 'S006')
      .orderBy('effective_date')
      .execute();
    expect(events).toEqual([
      { kind: 'leave', effective_date: '2026-05-01', status: 'scheduled' },
      { kind: 'return', effective_date: '2026-08-01', status: 'scheduled' },
    ]);
    at('2026-04-30T15:00:00.000Z');
    let before = await auditSize(db().handle);
    await follow();
    const away = await accountOf(db(), 'nurse6');
    expect([away.disabled_reason, away.disabled_at]).toEqual(['leave', '2026-04-30T15:00:00.000Z']);
    expect(await kinds(before)).toEqual([
      'identity.lifecycleApplied',
      'identity.personnelEventApplied',
      'identity.accountDisabled',
    ]);
    at('2026-07-31T15:00:00.000Z');
    before = await auditSize(db().handle);
    await follow();
    expect((await accountOf(db(), 'nurse6')).disabled_at).toBeNull();
    expect(await kinds(before)).toEqual([
      'identity.lifecycleApplied',
      'identity.personnelEventApplied',
      'identity.accountEnabled',
    ]);
  });

  it('disables the account of a retirement on its day and ends the record and every role the day before (第7 2(1)イ(ア))', async () => {
    at('2026-08-01T01:00:00.000Z');
    await importPersonnel(db().ctx(await clerk()), {
      rows: [personnelRow({ kind: 'retirement', employeeNumber: 'S006', effectiveDate: '2026-09-01' })],
    });
    at('2026-08-31T14:00:00.000Z'); // the last working day, 23:00 in Japan: still enabled
    expect(await follow()).toBeNull();
    expect((await accountOf(db(), 'nurse6')).disabled_at).toBeNull();
    at('2026-08-31T15:00:00.000Z');
    const before = await auditSize(db().handle);
    await follow();
    expect((await accountOf(db(), 'nurse6')).disabled_reason).toBe('retired');
    expect((await staffOf(db(), 'S006')).end_date).toBe('2026-08-31');
    expect(await roleEnd('S006', 'securityManager')).toBe('2026-08-31');
    expect(await kinds(before)).toEqual([
      'identity.lifecycleApplied',
      'identity.personnelEventApplied',
      'org.staff.ended',
      'org.role.ended',
      'identity.accountDisabled',
    ]);
  });

  it('rejects a file with any wrong row, naming each row and field, and writes nothing', async () => {
    at('2026-09-01T01:00:00.000Z');
    const before = await auditSize(db().handle);
    const staffBefore = (await db().handle.db.selectFrom('staff').select('id').execute()).length;
    const error = await rejection(
      importPersonnel(db().ctx(await clerk()), {
        rows: [
          hireRow('N201'),
          hireRow('N202', { unitCode: 'NOWHERE' }),
          personnelRow({ kind: 'transfer', employeeNumber: 'Z999', unitCode: 'JIMU' }),
          personnelRow({ kind: 'return', employeeNumber: 'S007', effectiveDate: '2026-09-02' }),
          hireRow('N203', { loginId: 'staff7' }),
          personnelRow({ kind: 'leave', employeeNumber: 'S006', effectiveDate: '2026-09-10' }),
        ],
        rowNumbers: [2, 3, 4, 5, 6, 7],
      }),
      'validation',
    );
    expect(error.issues.map((i) => [i.row, i.field])).toEqual([
      [3, 'personnel.unitCode'],
      [4, 'personnel.employeeNumber'],
      [5, 'personnel.kind'],
      [6, 'personnel.loginId'],
      [7, 'personnel.effectiveDate'],
    ]);
    expect(error.issues[0]?.message).toEqual({
      ja: '部署 NOWHERE が見つかりません。',
      en: 'Unit NOWHERE does not exist.',
    });
    expect(error.issues[4]?.message.ja).toBe('この職員は 2026-08-31 に退職しています。');
    expect(await auditSize(db().handle)).toBe(before);
    expect((await db().handle.db.selectFrom('staff').select('id').execute()).length).toBe(staffBefore);
  });

  it('checks a file in a dry run without keeping anything or showing passwords, and applies it unchanged twice', async () => {
    const before = await auditSize(db().handle);
    const rows = [hireRow('N301', { effectiveDate: '2026-09-15' })];
    const dry = await importPersonnel(db().ctx(await clerk()), { rows, dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.counts.hire.scheduled).toBe(1);
    expect(dry.accounts[0]?.temporaryPassword).toBeNull();
    expect(await auditSize(db().handle)).toBe(before);
    await importPersonnel(db().ctx(await clerk()), { rows });
    const again = await importPersonnel(db().ctx(await clerk()), { rows });
    expect(again.counts.hire).toEqual({ applied: 0, scheduled: 0, unchanged: 1 });
    expect(again.accounts).toEqual([]);
  });

  it('lets only the personnel office and the Security Director import (第7 2(1)イ(ウ) 人事管理部門と連携)', async () => {
    const before = await auditSize(db().handle);
    await rejection(
      importPersonnel(db().ctx(await staffActor(db(), 'S007')), { rows: [hireRow('N401')] }),
      'forbidden',
    );
    await rejection(
      importPersonnel(db().ctx(await staffActor(db(), 'C001')), { rows: [hireRow('N401')] }),
      'forbidden',
    );
    expect(await auditSize(db().handle)).toBe(before);
    const director = await importPersonnel(db().ctx(await staffActor(db(), 'S002')), {
      rows: [hireRow('N401')],
      dryRun: true,
    });
    expect(director.counts.hire.applied).toBe(1);
  });

  it('follows a staff record changed on the organisation screens: ended → disabled, moved → re-scoped (第7 2(1)イ)', async () => {
    const ctx = db().ctx(systemActor('test'));
    const s007 = await staffOf(db(), 'S007');
    const base = {
      employeeNumber: 'S007',
      nameKanji: s007.name_kanji,
      nameKana: s007.name_kana,
      employment: 'partTime' as const,
      category: 'employee' as const,
      organization: null,
      positionCode: null,
      email: null,
      phone: null,
      startDate: s007.start_date,
    };
    await updateStaff(ctx, { ...base, unitCode: 'KANGO-3E', endDate: null });
    let before = await auditSize(db().handle);
    await follow();
    expect(await kinds(before)).toEqual(['identity.lifecycleApplied', 'identity.accountRescoped']);
    await updateStaff(ctx, { ...base, unitCode: 'KANGO-3E', endDate: '2026-08-31' });
    before = await auditSize(db().handle);
    await follow();
    const [, disabled] = await auditEntries(db().handle, before);
    expect(disabled).toMatchObject({
      kind: 'identity.accountDisabled',
      payload: { reason: 'retired', why: 'staffRecordEnded' },
    });
    expect((await accountOf(db(), 'staff7')).disabled_reason).toBe('retired');
  });
});
