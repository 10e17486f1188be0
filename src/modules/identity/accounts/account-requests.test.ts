import { beforeAll, expect, it } from 'vitest';
import { decideStep, submitRequest, systemActor, type Actor } from '../../../kernel/index.js';
import { actorOf, countRows, rejectionOf, unitIdOf } from '../../../../test/approvals/fixtures.js';
import { describeEachDialect } from '../../../../test/db-harness.js';
import { accountOf, lifecycleHospital } from '../../../../test/factories/lifecycle.js';
import { auditEntries, auditSize } from '../../../../test/ledger-helpers.js';
import { followStaffRecords, setAccountPrivilege } from '../index.js';
import { testComplianceService } from '../../../../test/factories/compliance.js';

const compliance = testComplianceService();

/**
 * Requests about IDs through the approvals engine: a registration no longer needed is reported to the Security
 * Manager and the ID disabled on approval (第7 2(1)イ(イ)); a privileged ID is used only by people the Manager
 * allowed (第7 2(1)ウ(イ)), never a contractor (第7 2(1)ウ(ウ)). The small hospital with accounts (login ID =
 * employee number in lower case): S002 Director, S003 Manager of 医療情報課, S004 Manager of 総務課, S006 Manager
 * of 3階東病棟, S007 staff there, C001 a contractor at 医療情報課.
 */
describeEachDialect('requests about IDs (第7 2(1)イ(イ), 第7 2(1)ウ(イ)・(ウ))', (db) => {
  let director: Actor;
  let wardManager: Actor;
  let nurse: Actor;
  let contractor: Actor;
  let ward = '';
  let informatics = '';

  beforeAll(async () => {
    db().clock.set('2026-04-01T01:00:00.000Z');
    await lifecycleHospital(db(), {
      s002: 'S002',
      s003: 'S003',
      s004: 'S004',
      s006: 'S006',
      s007: 'S007',
      c001: 'C001',
    });
    director = { ...(await actorOf(db(), 'S002')), accountId: (await accountOf(db(), 's002')).id };
    wardManager = await actorOf(db(), 'S006');
    nurse = await actorOf(db(), 'S007');
    contractor = await actorOf(db(), 'C001');
    ward = await unitIdOf(db(), 'KANGO-3E');
    informatics = await unitIdOf(db(), 'JIMU-IRYOJOHO');
  });

  const file = (actor: Actor, typeId: string, form: Record<string, unknown>, resourceUnitId?: string) =>
    submitRequest(db().ctx(actor), {
      draft: { typeId, form, ...(resourceUnitId === undefined ? {} : { resourceUnitId }) },
    });
  const clause = (id: string) => compliance.getClause(db().ctx(systemActor('test')), { clauseId: id });
  const stepOf = (requestId: string) =>
    db()
      .handle.db.selectFrom('approval_steps')
      .selectAll()
      .where('request_id', '=', requestId)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
  const nothingWritten = async (run: () => Promise<void>) => {
    const requests = await countRows(db(), 'approval_requests');
    const entries = await auditSize(db().handle);
    await run();
    expect(await countRows(db(), 'approval_requests')).toBe(requests);
    expect(await auditSize(db().handle)).toBe(entries);
  };

  it('refuses a removal report about an ID the applicant may not report, or one already gone, naming the field (第7 2(1)イ(イ))', async () => {
    await nothingWritten(async () => {
      for (const loginId of ['s004', 'nobody', 'admin']) {
        const refused = await rejectionOf(
          file(nurse, 'identity.deregistration', { loginId, reason: '異動のため' }),
          'validation',
        );
        expect(refused.issues[0]?.field).toBe('form.loginId');
        expect(refused.issues[0]?.message).toEqual({
          ja: `ID「${loginId}」について申請できません。ご自身のID、または所属部署の職員等のIDを指定してください。`,
          en: `You cannot file this about "${loginId}": name your own ID or one of your unit.`,
        });
      }
      const blank = await rejectionOf(
        file(nurse, 'identity.deregistration', { loginId: 's007' }),
        'validation',
      );
      expect(blank.issues.map((i) => i.field)).toEqual(['form.reason']);
    });
  });

  it('goes to the Manager of the ID’s unit, and disables the ID when approved (第7 2(1)イ(イ))', async () => {
    // Reported by the Director about the contractor's ID: the Manager of 医療情報課 decides, whatever unit was chosen.
    const submitted = await file(
      director,
      'identity.deregistration',
      { loginId: ' C001 ', reason: '保守契約の終了により不要', systemName: '' },
      ward,
    );
    const request = await db()
      .handle.db.selectFrom('approval_requests')
      .selectAll()
      .where('id', '=', submitted.id)
      .executeTakeFirstOrThrow();
    expect(request).toMatchObject({ resource_unit_id: informatics, title: 'c001' });
    expect(await stepOf(submitted.id)).toMatchObject({ role: 'securityManager', unit_id: informatics });
    await nothingWritten(async () => {
      const twice = await rejectionOf(
        file(director, 'identity.deregistration', { loginId: 'c001', reason: '重複' }),
        'conflict',
      );
      expect(twice.userMessage.ja).toContain(submitted.refNo);
    });
    // Not the Manager of another unit.
    await rejectionOf(
      decideStep(db().ctx(wardManager), { requestId: submitted.id, decision: 'approve' }),
      'forbidden',
    );
    const before = await auditSize(db().handle);
    await decideStep(db().ctx(await actorOf(db(), 'S003')), { requestId: submitted.id, decision: 'approve' });
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => e.kind)).toEqual([
      'approvals.step.decided',
      'approvals.request.approved',
      'identity.accountDisabled',
    ]);
    const account = await accountOf(db(), 'c001');
    expect(entries[2]).toMatchObject({
      subject: `account:${account.id}`,
      payload: {
        loginId: 'c001',
        reason: 'deregistered',
        note: '保守契約の終了により不要',
        request: submitted.refNo,
        clauseId: '7.2.1.b.b',
      },
    });
    expect(account).toMatchObject({
      disabled_reason: 'deregistered',
      disabled_at: '2026-04-01T01:00:00.000Z',
    });
    // Reported again once disabled: nothing to report.
    await nothingWritten(async () => {
      await rejectionOf(
        file(director, 'identity.deregistration', { loginId: 'c001', reason: '念のため' }),
        'conflict',
      );
    });
  });

  it('never makes a contractor’s ID privileged, nor takes a contractor’s request, and checks the end date (第7 2(1)ウ(ウ))', async () => {
    const form = {
      loginId: 's007',
      systemName: '看護支援システム',
      purpose: '病棟マスタの保守',
      until: '2026-09-30',
    };
    await nothingWritten(async () => {
      const ofContractor = await rejectionOf(
        file(
          await actorOf(db(), 'S003'),
          'identity.privilegedGrant',
          { ...form, loginId: 'c001' },
          informatics,
        ),
        'validation',
      );
      expect(ofContractor.issues[0]?.field).toBe('form.loginId');
      expect(ofContractor.issues[0]?.message).toEqual({
        ja: 'ID「c001」は委託事業者のIDのため、特権IDにできません（第7 2(1)ウ(ウ)）。',
        en: '"c001" belongs to a contractor and can never be made privileged (7-2(1)ウ(ウ)).',
      });
      const byContractor = await rejectionOf(
        file(contractor, 'identity.privilegedGrant', { ...form, loginId: 'c001' }),
        'forbidden',
      );
      expect(byContractor.userMessage.ja).toContain('第7 2(1)ウ(ウ)');
      const past = await rejectionOf(
        file(nurse, 'identity.privilegedGrant', { ...form, until: '2026-03-31' }, ward),
        'validation',
      );
      expect(past.issues[0]?.field).toBe('form.until');
      const noReason = await rejectionOf(
        file(nurse, 'identity.privilegedGrant', { ...form, purpose: '' }, ward),
        'validation',
      );
      expect(noReason.issues.map((i) => i.field)).toEqual(['form.purpose']);
    });
  });

  it('keeps a system within the limit of privileged users in force (第7 2(1)ウ(ア))', async () => {
    for (const loginId of ['s002', 's003', 's004']) {
      const account = await accountOf(db(), loginId);
      await setAccountPrivilege(db().ctx(director), {
        accountId: account.id,
        privileged: true,
        systemName: '病院情報システム',
        reason: '運用担当',
      });
    }
    await nothingWritten(async () => {
      const full = await rejectionOf(
        file(
          nurse,
          'identity.privilegedGrant',
          { loginId: 's007', systemName: '病院情報システム', purpose: '運用補助', until: '2026-06-30' },
          ward,
        ),
        'validation',
      );
      expect(full.issues[0]?.field).toBe('form.systemName');
      expect(full.issues[0]?.message.ja).toBe(
        '「病院情報システム」の特権IDの利用者は既に上限の3人です（第7 2(1)ウ(ア)）。',
      );
    });
  });

  it('makes the ID privileged when the Manager approves, recording who allowed it until when, and ends it after that day (第7 2(1)ウ(イ))', async () => {
    const submitted = await file(
      nurse,
      'identity.privilegedGrant',
      { loginId: 's007', systemName: '看護支援システム', purpose: '病棟マスタの保守', until: '2026-09-30' },
      ward,
    );
    expect(await stepOf(submitted.id)).toMatchObject({ role: 'securityManager', unit_id: ward });
    const before = await auditSize(db().handle);
    await decideStep(db().ctx(wardManager), { requestId: submitted.id, decision: 'approve' });
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => e.kind)).toEqual([
      'approvals.step.decided',
      'approvals.request.approved',
      'identity.privilegeGranted',
    ]);
    expect(entries[2]?.payload).toMatchObject({
      loginId: 's007',
      systemName: '看護支援システム',
      reason: '病棟マスタの保守',
      until: '2026-09-30',
      request: submitted.refNo,
    });
    expect(await accountOf(db(), 's007')).toMatchObject({
      privileged: 1,
      system_name: '看護支援システム',
      privileged_granted_by: `account:${wardManager.accountId ?? ''}`,
      privileged_until: '2026-09-30',
      privileged_request_id: submitted.id,
    });
    // Every privileged ID has who allowed it (the Director on the ID screens, the Manager by this request).
    const allowed = await clause('7.2.1.c.b');
    expect(allowed.status).toBe('met');
    expect(allowed.reason.ja).toBe('有効な特権ID 4件はいずれも許可の記録があります。');
    expect(allowed.evidence.map((e) => e.label.ja)).toContain(
      `職員 七海（s007）: 看護支援システムの特権ID、許可済み、2026-09-30まで（${submitted.refNo}）`,
    );
    // The day after: past its end, until the lifecycle job takes the privilege away.
    db().clock.set('2026-09-30T14:59:00.000Z');
    expect(await followStaffRecords(db().ctx(systemActor('lifecycle')))).toBeNull();
    db().clock.set('2026-09-30T15:00:00.000Z');
    const past = await clause('7.2.1.c.b');
    expect(past.status).toBe('notMet');
    expect(past.evidence.filter((e) => !e.ok).map((e) => e.label.en)).toEqual([
      '職員 七海 (s007): privileged for 看護支援システム, allowed until 2026-09-30 (passed)',
    ]);
    const later = await auditSize(db().handle);
    expect(await followStaffRecords(db().ctx(systemActor('lifecycle')))).toMatchObject({ privilegeEnded: 1 });
    const revoked = (await auditEntries(db().handle, later)).find(
      (e) => e.kind === 'identity.privilegeRevoked',
    );
    expect(revoked?.payload).toMatchObject({ loginId: 's007', why: 'untilPassed' });
    expect(await accountOf(db(), 's007')).toMatchObject({ privileged: 0, privileged_until: null });
    expect((await clause('7.2.1.c.b')).status).toBe('met');
    // A privileged ID nobody allowed (e.g. carried over from an old system) breaks the clause.
    await db()
      .handle.db.updateTable('accounts')
      .set({ privileged: 1 })
      .where('login_id', '=', 's006')
      .execute();
    const unallowed = await clause('7.2.1.c.b');
    expect(unallowed.status).toBe('notMet');
    expect(unallowed.reason.ja).toBe('許可の記録がないか期限を過ぎた特権IDが1件あります。');
    await db()
      .handle.db.updateTable('accounts')
      .set({ privileged: 0 })
      .where('login_id', '=', 's006')
      .execute();
    db().clock.set('2026-04-01T01:00:00.000Z');
  });
});
