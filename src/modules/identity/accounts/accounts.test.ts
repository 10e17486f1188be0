import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/db-harness.js';
import { rejection } from '../../../../test/factories/identity.js';
import {
  accountOf,
  lifecycleHospital,
  personnelRow,
  staffActor,
} from '../../../../test/factories/lifecycle.js';
import { auditEntries, auditSize } from '../../../../test/ledger-helpers.js';
import { decide, systemActor, type Actor } from '../../../kernel/index.js';
import {
  changeSharedUsers,
  createDevelopmentAccount,
  createSharedAccount,
  deactivateAccount,
  followStaffRecords,
  getAccount,
  importPersonnel,
  issueTemporaryPassword,
  listAccounts,
  listPrivilegedHolders,
  listSharedAccounts,
  reactivateAccount,
  setAccountPrivilege,
  signIn,
} from '../index.js';

describeEachDialect('account kinds and privileged IDs (第6 4(1), 第7 2(1)ウ, 第7 3(2)イ(ア))', (db) => {
  let director: Actor;
  const at = (iso: string) => db().clock.set(iso);
  const kinds = async (from: number) => (await auditEntries(db().handle, from)).map((e) => e.kind);
  const attempt = (loginId: string, password: string) =>
    signIn(db().ctx(), { loginId, password, ip: '192.0.2.9', userAgent: 'vitest' });

  it('prepares the hospital', async () => {
    at('2026-04-01T01:00:00.000Z');
    await lifecycleHospital(db(), { staff7: 'S007', nurse6: 'S006', contractor: 'C001', s003: 'S003' });
    director = await staffActor(db(), 'S002', 'account-director');
  });

  it('refuses a development ID without an end date, or one already past (第7 3(2)イ(ア))', async () => {
    const base = {
      loginId: 'dev.kanja',
      ownerEmployeeNumber: 'C001',
      systemName: '電子カルテ',
      purpose: '改修',
    };
    const missing = await rejection(
      createDevelopmentAccount(db().ctx(director), base as never),
      'validation',
    );
    expect(missing.issues.map((i) => i.field)).toEqual(['endDate']);
    const past = await rejection(
      createDevelopmentAccount(db().ctx(director), { ...base, endDate: '2026-03-31' }),
      'validation',
    );
    expect(past.issues[0]?.message.ja).toBe('開発の終了日は今日以降にしてください。');
  });

  it('disables a development ID at the end of development (第7 3(2)イ(ア))', async () => {
    const before = await auditSize(db().handle);
    const dev = await createDevelopmentAccount(db().ctx(director), {
      loginId: 'dev.kanja',
      ownerEmployeeNumber: 'C001',
      systemName: '電子カルテ',
      purpose: '検査オーダ画面の改修',
      endDate: '2026-04-30',
    });
    expect(await kinds(before)).toEqual(['identity.developmentAccountCreated']);
    expect((await attempt('dev.kanja', dev.temporaryPassword)).ok).toBe(true);
    at('2026-04-30T14:59:00.000Z');
    expect(await followStaffRecords(db().ctx(systemActor('lifecycle')))).toBeNull();
    at('2026-04-30T15:00:00.000Z');
    expect(await attempt('dev.kanja', dev.temporaryPassword)).toEqual({ ok: false, reason: 'invalid' });
    const mid = await auditSize(db().handle);
    expect(await followStaffRecords(db().ctx(systemActor('lifecycle')))).toMatchObject({
      developmentEnded: 1,
    });
    const [, disabled] = await auditEntries(db().handle, mid);
    expect(disabled).toMatchObject({
      kind: 'identity.accountDisabled',
      payload: { reason: 'developmentEnded', endDate: '2026-04-30' },
    });
    expect((await getAccount(db().ctx(director), { accountId: dev.id })).status).toBe('disabled');
  });

  it('never lets a contractor create or change a privileged ID, even as an administrator (第7 2(1)ウ(ウ))', async () => {
    at('2026-05-01T01:00:00.000Z');
    const contractorAdmin: Actor = {
      ...(await staffActor(db(), 'C001', 'account-contractor')),
      systemRole: 'administrator',
    };
    const decision = decide(contractorAdmin, 'identity.managePrivileged');
    expect(decision).toMatchObject({
      allowed: false,
      ruleIds: ['identity.privileged.noContractors'],
      report: true,
    });
    const target = await accountOf(db(), 's003');
    const before = await auditSize(db().handle);
    const refused = await rejection(
      setAccountPrivilege(db().ctx(contractorAdmin), {
        accountId: target.id,
        privileged: true,
        systemName: '電子カルテ',
        reason: '保守のため',
      }),
      'forbidden',
    );
    expect(refused.userMessage.ja).toContain('委託事業者は特権IDの作成・変更を行えない（第7 2(1)ウ(ウ)）');
    await rejection(
      createDevelopmentAccount(db().ctx(contractorAdmin), {
        loginId: 'dev.vendor',
        ownerEmployeeNumber: 'C001',
        systemName: '電子カルテ',
        purpose: '保守',
        endDate: '2026-06-30',
        privileged: true,
      }),
      'forbidden',
    );
    expect((await accountOf(db(), 's003')).privileged).toBe(0);
    const denied = await auditEntries(db().handle, before);
    expect(denied.map((e) => [e.kind, e.actor, e.payload['ruleIds']])).toEqual([
      ['access.denied', 'account:account-contractor', ['identity.privileged.noContractors']],
    ]);
    // The same administrator may still disable a staff ID that is not privileged.
    await deactivateAccount(db().ctx(contractorAdmin), { accountId: target.id, reason: '試験' });
    await reactivateAccount(db().ctx(director), { accountId: target.id, reason: '試験の終了' });
  });

  it('grants a privileged ID for a system, recording who allowed it; the report counts holders per system against the limit (第7 2(1)ウ(ア)(イ))', async () => {
    const before = await auditSize(db().handle);
    for (const login of ['s003', 'staff7', 'nurse6'])
      await setAccountPrivilege(db().ctx(director), {
        accountId: (await accountOf(db(), login)).id,
        privileged: true,
        systemName: '電子カルテ',
        reason: '電子カルテの運用管理',
      });
    const [granted] = await auditEntries(db().handle, before);
    expect(granted).toMatchObject({
      kind: 'identity.privilegeGranted',
      payload: { loginId: 's003', systemName: '電子カルテ', reason: '電子カルテの運用管理' },
    });
    expect((await accountOf(db(), 's003')).privileged_granted_by).toBe('account:account-director');
    let report = await listPrivilegedHolders(db().ctx(director), {});
    const karte = () => report.find((s) => s.systemName === '電子カルテ');
    expect(karte()).toMatchObject({ limit: 3, over: false });
    expect(
      karte()
        ?.holders.map((h) => h.loginId)
        .sort(),
    ).toEqual(['nurse6', 's003', 'staff7']);
    await createDevelopmentAccount(db().ctx(director), {
      loginId: 'dev.karte',
      ownerEmployeeNumber: 'S003',
      systemName: '電子カルテ',
      purpose: '移行作業',
      endDate: '2026-06-30',
      privileged: true,
    });
    report = await listPrivilegedHolders(db().ctx(director), {});
    expect(karte()).toMatchObject({ over: true });
    expect(karte()?.holders).toHaveLength(4);
    const revoked = await auditSize(db().handle);
    await setAccountPrivilege(db().ctx(director), {
      accountId: (await accountOf(db(), 'staff7')).id,
      privileged: false,
      systemName: null,
      reason: '担当の交代',
    });
    const [revocation] = await auditEntries(db().handle, revoked);
    expect(revocation).toMatchObject({
      kind: 'identity.privilegeRevoked',
      payload: { reason: '担当の交代' },
    });
    expect((await accountOf(db(), 'staff7')).privileged_granted_by).toBeNull();
    report = await listPrivilegedHolders(db().ctx(director), {});
    expect(karte()?.holders).toHaveLength(3);
    const staffOnly = await staffActor(db(), 'S007');
    await rejection(listPrivilegedHolders(db().ctx(staffOnly), {}), 'forbidden');
  });

  it('keeps shared IDs an explicit kind with named users, at least one, dropped on transfer (第6 4(1))', async () => {
    const refused = await rejection(
      createSharedAccount(db().ctx(director), {
        loginId: 'ward3e.shared',
        displayName: '3階東 ナースステーション',
        purpose: '病棟端末の共用',
        unitCode: 'KANGO-3E',
        users: [],
      }),
      'validation',
    );
    expect(refused.issues.map((i) => i.field)).toEqual(['users']);
    const before = await auditSize(db().handle);
    const shared = await createSharedAccount(db().ctx(director), {
      loginId: 'ward3e.shared',
      displayName: '3階東 ナースステーション',
      purpose: '病棟端末の共用',
      unitCode: 'KANGO-3E',
      users: ['S006', 'S007'],
    });
    expect(await kinds(before)).toEqual(['identity.sharedAccountCreated']);
    let report = await listSharedAccounts(db().ctx(director), {});
    expect(report.map((s) => [s.loginId, s.users.map((u) => u.employeeNumber), s.problems])).toEqual([
      ['ward3e.shared', ['S006', 'S007'], []],
    ]);
    const last = await rejection(
      changeSharedUsers(db().ctx(director), {
        accountId: shared.id,
        remove: ['S006', 'S007'],
        reason: '試験',
      }),
      'validation',
    );
    expect(last.issues[0]?.message.ja).toContain('少なくとも1人');
    const added = await auditSize(db().handle);
    await changeSharedUsers(db().ctx(director), {
      accountId: shared.id,
      add: ['S003'],
      reason: '夜勤の応援',
    });
    await changeSharedUsers(db().ctx(director), {
      accountId: shared.id,
      remove: ['S003'],
      reason: '応援の終了',
    });
    const changes = await auditEntries(db().handle, added);
    expect(changes.map((e) => [e.kind, e.payload['reason'], e.payload['users']])).toEqual([
      ['identity.sharedUsersChanged', '夜勤の応援', 3],
      ['identity.sharedUsersChanged', '応援の終了', 2],
    ]);
    // S007 moves to 総務課: no longer a user of the ward's shared ID.
    await importPersonnel(db().ctx(await staffActor(db(), 'S002')), {
      rows: [
        personnelRow({
          kind: 'transfer',
          employeeNumber: 'S007',
          unitCode: 'JIMU-SOMU',
          effectiveDate: '2026-05-01',
        }),
      ],
    });
    report = await listSharedAccounts(db().ctx(director), {});
    expect(report[0]?.users.map((u) => u.employeeNumber)).toEqual(['S006']);
    const detail = await getAccount(db().ctx(director), { accountId: shared.id });
    expect(detail).toMatchObject({ kind: 'shared', name: '3階東 ナースステーション', employeeNumber: null });
  });

  it('lists and filters accounts; an administrator disables, re-enables and issues a temporary password, each recorded', async () => {
    const page = await listAccounts(db().ctx(director), { kind: 'development' });
    expect(page.items.map((a) => [a.loginId, a.status])).toEqual([
      ['dev.kanja', 'disabled'],
      ['dev.karte', 'active'],
    ]);
    const privileged = await listAccounts(db().ctx(director), { privileged: true, status: 'active' });
    expect(privileged.items.every((a) => a.profileClass === 'privileged')).toBe(true);
    const nurse = await accountOf(db(), 'nurse6');
    const before = await auditSize(db().handle);
    await deactivateAccount(db().ctx(director), { accountId: nurse.id, reason: '長期不在の確認待ち' });
    await reactivateAccount(db().ctx(director), { accountId: nurse.id, reason: '本人確認済み' });
    const issued = await issueTemporaryPassword(db().ctx(director), { accountId: nurse.id, reason: '失念' });
    expect(await kinds(before)).toEqual([
      'identity.accountDisabled',
      'identity.accountEnabled',
      'identity.temporaryPasswordIssued',
    ]);
    expect((await attempt('nurse6', issued.temporaryPassword)).ok).toBe(true);
    expect((await accountOf(db(), 'nurse6')).password_reason).toBe('temporary');
    const staffOnly = await staffActor(db(), 'S007');
    await rejection(listAccounts(db().ctx(staffOnly), {}), 'forbidden');
    await rejection(
      deactivateAccount(db().ctx(staffOnly), { accountId: nurse.id, reason: 'x' }),
      'forbidden',
    );
  });
});
