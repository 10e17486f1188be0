import { beforeAll, expect, it } from 'vitest';
import { decideStep, getRequest, listMyTasks, submitRequest } from '../../src/kernel/index.js';
import { delegateRole } from '../../src/modules/org/index.js';
import { describeEachDialect } from '../db-harness.js';
import { delegationRow } from '../factories/org.js';
import { auditEntries, auditSize } from '../ledger-helpers.js';
import { actorOf, carryOutForm, rejectionOf, seedSmallHospital, staffIdOf, unitIdOf } from './fixtures.js';

describeEachDialect('approvals: separation of duties (第3 7) and 代決', (db) => {
  beforeAll(async () => {
    await seedSmallHospital(db());
  });

  const step0 = (requestId: string) =>
    db()
      .handle.db.selectFrom('approval_steps')
      .selectAll()
      .where('request_id', '=', requestId)
      .where('idx', '=', 0)
      .executeTakeFirstOrThrow();
  const status = async (id: string) =>
    (
      await db()
        .handle.db.selectFrom('approval_requests')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;

  it('sends a Manager’s own request up to the Officer, refuses the Manager, and records the refusal', async () => {
    const manager = await actorOf(db(), 'S006');
    const { id } = await submitRequest(db().ctx(manager), {
      draft: { typeId: 'people.carryOut', form: carryOutForm() },
    });
    const step = await step0(id);
    expect(step).toMatchObject({
      role: 'securityManager',
      unit_id: await unitIdOf(db(), 'KANGO-3E'),
      escalated_role: 'securityOfficer',
      escalated_unit_id: await unitIdOf(db(), 'KANGO'),
      escalation_reason: 'conflict',
    });
    // Not in the Manager's own tasks; in the Officer's.
    expect((await listMyTasks(db().ctx(manager), {})).map((t) => t.requestId)).not.toContain(id);
    const officer = await actorOf(db(), 'S005');
    const officerTasks = await listMyTasks(db().ctx(officer), {});
    expect(officerTasks.find((t) => t.requestId === id)).toMatchObject({ escalated: true });
    const view = await getRequest(db().ctx(manager), { id });
    expect(view.can).toMatchObject({ decide: false, separationConflict: true, withdraw: true });

    const before = await auditSize(db().handle);
    const refused = await rejectionOf(
      decideStep(db().ctx(manager), { requestId: id, decision: 'approve' }),
      'forbidden',
    );
    expect(refused.userMessage.ja).toContain('第3 7(1)');
    expect(refused.userMessage.en).toContain('No one approves a request they made or prepared');
    expect(await status(id)).toBe('submitted');
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => e.kind)).toEqual(['access.denied']);
    expect(entries[0]).toMatchObject({
      subject: `request:${id}`,
      payload: { action: 'request.approve', ruleIds: ['sod.approveOwnRequest'] },
    });

    const decided = await decideStep(db().ctx(officer), { requestId: id, decision: 'approve' });
    expect(decided.status).toBe('approved');
    expect(await step0(id)).toMatchObject({
      decided_by_staff_id: await staffIdOf(db(), 'S005'),
      decided_as_role: 'securityOfficer',
      decided_via: 'assignment',
    });
  });

  it('lets the applicant decide only with a written reason (やむを得ない場合), reported to the CISO', async () => {
    const manager = await actorOf(db(), 'S006');
    const { id } = await submitRequest(db().ctx(manager), {
      draft: { typeId: 'people.carryOut', form: carryOutForm({ item: '緊急の持ち出し' }) },
    });
    const tooShort = await rejectionOf(
      decideStep(db().ctx(manager), { requestId: id, decision: 'approve', overrideReason: '急ぎ' }),
      'validation',
    );
    expect(tooShort.issues[0]?.field).toBe('overrideReason');
    expect(await status(id)).toBe('submitted');

    const before = await auditSize(db().handle);
    const reason = '夜間の災害対応で上位者と連絡が取れないため、自ら許可する。';
    const decided = await decideStep(db().ctx(manager), {
      requestId: id,
      decision: 'approve',
      overrideReason: reason,
    });
    expect(decided).toMatchObject({ status: 'approved', separationOverridden: true });
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => e.kind)).toEqual([
      'approvals.step.decided',
      'access.separationOverridden',
      'approvals.request.approved',
    ]);
    expect(entries[1]?.payload).toMatchObject({ reason, notify: 'ciso', clauses: ['3.7.1'] });
    expect(await step0(id)).toMatchObject({ override_reason: reason });
    const ciso = await staffIdOf(db(), 'S001');
    const told = await db()
      .handle.db.selectFrom('notifications')
      .select(['kind', 'body_ja'])
      .where('recipient_staff_id', '=', ciso)
      .where('subject', '=', `approvalRequest:${id}`)
      .execute();
    expect(told).toEqual([
      { kind: 'separationOverridden', body_ja: expect.stringContaining(reason) as string },
    ]);
  });

  it('keeps whoever prepared a request for someone else from approving it (第3 7(1))', async () => {
    const manager = await actorOf(db(), 'S006');
    const before = await auditSize(db().handle);
    const { id } = await submitRequest(db().ctx(manager), {
      draft: {
        typeId: 'people.carryOut',
        form: carryOutForm(),
        applicantStaffId: await staffIdOf(db(), 'S007'),
      },
    });
    const [submitted] = await auditEntries(db().handle, before);
    expect(submitted?.payload).toMatchObject({
      applicant: await staffIdOf(db(), 'S007'),
      preparer: await staffIdOf(db(), 'S006'),
    });
    expect(await step0(id)).toMatchObject({
      escalated_role: 'securityOfficer',
      escalation_reason: 'conflict',
    });
    const refused = await rejectionOf(
      decideStep(db().ctx(manager), { requestId: id, decision: 'approve' }),
      'forbidden',
    );
    expect(refused.userMessage.en).toContain('No one approves a request they made or prepared');
    const staff = await actorOf(db(), 'S007');
    expect((await getRequest(db().ctx(staff), { id })).preparer).toMatchObject({ name: '病棟 六子' });
    const outsider = await actorOf(db(), 'S004');
    const notSameUnit = await rejectionOf(
      submitRequest(db().ctx(outsider), {
        draft: {
          typeId: 'people.carryOut',
          form: carryOutForm(),
          applicantStaffId: await staffIdOf(db(), 'S007'),
        },
      }),
      'validation',
    );
    expect(notSameUnit.issues[0]?.field).toBe('applicantStaffId');
  });

  it('records a decision by an acting holder as 代決 on behalf of the Manager who is away', async () => {
    await delegateRole(
      db().ctx(),
      delegationRow({
        kind: 'acting',
        role: 'securityManager',
        unitCode: 'KANGO-3E',
        fromEmployeeNumber: 'S006',
        toEmployeeNumber: 'S004',
        startDate: '2026-03-30',
        endDate: '2026-04-10',
        reason: '病棟師長の休暇中の代理',
      }),
    );
    const staff = await actorOf(db(), 'S007');
    const acting = await actorOf(db(), 'S004');
    const { id } = await submitRequest(db().ctx(staff), {
      draft: { typeId: 'people.carryOut', form: carryOutForm() },
    });
    expect((await listMyTasks(db().ctx(acting), {})).map((t) => t.requestId)).toContain(id);
    const before = await auditSize(db().handle);
    const decided = await decideStep(db().ctx(acting), { requestId: id, decision: 'approve' });
    expect(decided).toMatchObject({ via: 'acting', onBehalfOf: await staffIdOf(db(), 'S006') });
    expect(await step0(id)).toMatchObject({
      decided_by_name: '総務 四郎',
      decided_via: 'acting',
      on_behalf_of_name: '病棟 六子',
    });
    const [entry] = await auditEntries(db().handle, before);
    expect(entry?.payload).toMatchObject({
      via: 'acting',
      onBehalfOfName: '病棟 六子',
      decidedByName: '総務 四郎',
    });
  });

  it('routes a bring-in to the Director, decided by the Director’s delegate (第3 2(7))', async () => {
    const staff = await actorOf(db(), 'S007');
    const { id } = await submitRequest(db().ctx(staff), {
      draft: {
        typeId: 'people.bringIn',
        form: {
          itemKind: 'medium',
          item: '私物USBメモリ（8GB）',
          startDate: '2026-04-02',
          endDate: '2026-04-02',
          malwareChecked: true,
          purpose: '学会資料の持ち込み',
        },
      },
    });
    expect(await step0(id)).toMatchObject({ role: 'securityDirector', unit_id: null, escalated_role: null });
    const delegate = await actorOf(db(), 'S003');
    const decided = await decideStep(db().ctx(delegate), { requestId: id, decision: 'approve' });
    expect(decided).toMatchObject({
      status: 'approved',
      via: 'delegation',
      onBehalfOf: await staffIdOf(db(), 'S002'),
    });
  });

  it('refuses a bring-in whose declaration is not ticked, naming the field', async () => {
    const staff = await actorOf(db(), 'S007');
    const error = await rejectionOf(
      submitRequest(db().ctx(staff), {
        draft: {
          typeId: 'people.bringIn',
          form: {
            itemKind: 'pc',
            item: '私物PC',
            startDate: '2026-04-02',
            endDate: '2026-04-03',
            malwareChecked: false,
            purpose: '研修',
          },
        },
      }),
      'validation',
    );
    expect(error.issues.map((i) => i.field)).toEqual(['form.malwareChecked']);
    expect(error.issues[0]?.message.ja).toContain('不正プログラム対策ソフトウェアで検査しました');
  });

  it('walks a two-step route (7-1(14)イ): the Director, then the Manager of the system’s section', async () => {
    const staff = await actorOf(db(), 'S007');
    const owner = await unitIdOf(db(), 'JIMU-IRYOJOHO');
    const { id } = await submitRequest(db().ctx(staff), {
      draft: {
        typeId: 'changes.softwareInstall',
        form: {
          software: '画像ビューア 2.1',
          system: '電子カルテ端末',
          licence: 'purchased',
          installDate: '2026-04-20',
          purpose: '検査画像の閲覧',
        },
        resourceUnitId: owner,
      },
    });
    const director = await actorOf(db(), 'S002');
    const first = await decideStep(db().ctx(director), { requestId: id, decision: 'approve' });
    expect(first.status).toBe('submitted');
    const steps = await db()
      .handle.db.selectFrom('approval_steps')
      .select(['idx', 'role', 'unit_id', 'status'])
      .where('request_id', '=', id)
      .orderBy('idx')
      .execute();
    expect(steps).toEqual([
      { idx: 0, role: 'securityDirector', unit_id: null, status: 'approved' },
      { idx: 1, role: 'securityManager', unit_id: owner, status: 'pending' },
    ]);
    const second = await decideStep(db().ctx(await actorOf(db(), 'S003')), {
      requestId: id,
      decision: 'approve',
    });
    expect(second.status).toBe('approved');
  });
});
