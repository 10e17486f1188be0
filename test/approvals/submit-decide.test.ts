import { beforeAll, expect, it } from 'vitest';
import { createRequest, decideStep, submitRequest } from '../../src/kernel/index.js';
import { describeEachDialect } from '../db-harness.js';
import { auditEntries, auditSize } from '../ledger-helpers.js';
import {
  actorOf,
  carryOutForm,
  countRows,
  rejectionOf,
  seedSmallHospital,
  staffIdOf,
  unitIdOf,
} from './fixtures.js';

describeEachDialect('approvals: submit and decide (第6 1(1)ウ(ア), 第4 2(6)ア)', (db) => {
  beforeAll(async () => {
    await seedSmallHospital(db());
  });

  const stepsOf = (requestId: string) =>
    db()
      .handle.db.selectFrom('approval_steps')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('idx')
      .execute();
  const requestRow = (id: string) =>
    db().handle.db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('routes a carry-out to the Manager of the applicant’s ward, who approves it', async () => {
    const staff = await actorOf(db(), 'S007');
    const manager = await actorOf(db(), 'S006');
    const before = await auditSize(db().handle);
    const submitted = await submitRequest(db().ctx(staff), {
      draft: { typeId: 'people.carryOut', form: carryOutForm() },
    });
    expect(submitted.status).toBe('submitted');
    expect(submitted.refNo).toMatch(/^2026-\d{6}$/);

    const steps = await stepsOf(submitted.id);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({
      role: 'securityManager',
      unit_id: await unitIdOf(db(), 'KANGO-3E'),
      unit_name_ja: '3階東病棟',
      status: 'pending',
      escalated_role: null,
    });
    const submittedEntries = await auditEntries(db().handle, before);
    expect(submittedEntries.map((e) => e.kind)).toEqual([
      'approvals.request.submitted',
      'approvals.step.activated',
    ]);
    expect(submittedEntries[0]?.subject).toBe(`approvalRequest:${submitted.id}`);
    expect(submittedEntries[0]?.payload).toMatchObject({ typeId: 'people.carryOut', classification: 2 });
    const managerId = await staffIdOf(db(), 'S006');
    expect(submittedEntries[1]?.payload).toMatchObject({ approvers: [managerId], escalation: null });
    const inbox = await db()
      .handle.db.selectFrom('notifications')
      .selectAll()
      .where('recipient_staff_id', '=', managerId)
      .execute();
    expect(inbox.map((n) => n.kind)).toEqual(['approvalRequested']);
    expect(inbox[0]?.title_ja).toContain('対象資産の持ち出し');

    const beforeDecision = await auditSize(db().handle);
    const decided = await decideStep(db().ctx(manager), { requestId: submitted.id, decision: 'approve' });
    expect(decided).toMatchObject({
      status: 'approved',
      decision: 'approved',
      via: 'assignment',
      onBehalfOf: null,
    });
    const decisionEntries = await auditEntries(db().handle, beforeDecision);
    expect(decisionEntries.map((e) => e.kind)).toEqual([
      'approvals.step.decided',
      'approvals.request.approved',
    ]);
    expect(decisionEntries[0]?.payload).toMatchObject({
      decision: 'approved',
      decidedBy: managerId,
      via: 'assignment',
    });
    expect((await requestRow(submitted.id)).status).toBe('approved');
    const [step] = await stepsOf(submitted.id);
    expect(step).toMatchObject({
      status: 'approved',
      decided_by_name: '病棟 六子',
      decided_as_role: 'securityManager',
    });
    const applicantInbox = await db()
      .handle.db.selectFrom('notifications')
      .select(['kind', 'title_en'])
      .where('recipient_staff_id', '=', await staffIdOf(db(), 'S007'))
      .execute();
    expect(applicantInbox).toEqual([
      { kind: 'decided', title_en: expect.stringContaining('Approved') as string },
    ]);
  });

  it('refuses an incomplete form with every field named, in both languages, and writes nothing', async () => {
    const staff = await actorOf(db(), 'S007');
    const before = await auditSize(db().handle);
    const rows = await countRows(db(), 'approval_requests');
    const error = await rejectionOf(
      submitRequest(db().ctx(staff), {
        draft: {
          typeId: 'people.carryOut',
          form: carryOutForm({ destination: '', returnDate: '2026-02-30' }),
        },
      }),
      'validation',
    );
    expect(error.issues.map((i) => i.field).sort()).toEqual(['form.destination', 'form.returnDate']);
    const destination = error.issues.find((i) => i.field === 'form.destination');
    expect(destination?.message.ja).toBe('必須項目です。');
    expect(destination?.message.en).toBe('This field is required.');
    expect(error.issues.find((i) => i.field === 'form.returnDate')?.message.en).toContain('real date');
    expect(await auditSize(db().handle)).toBe(before);
    expect(await countRows(db(), 'approval_requests')).toBe(rows);
  });

  it('refuses unknown form fields and unknown request types', async () => {
    const staff = await actorOf(db(), 'S007');
    const unknownField = await rejectionOf(
      submitRequest(db().ctx(staff), {
        draft: { typeId: 'people.carryOut', form: carryOutForm({ colour: 'red' }) },
      }),
      'validation',
    );
    expect(unknownField.issues.map((i) => i.field)).toEqual(['form.colour']);
    const unknownType = await rejectionOf(
      submitRequest(db().ctx(staff), { draft: { typeId: 'people.teleport', form: {} } }),
      'validation',
    );
    expect(unknownType.issues[0]?.field).toBe('typeId');
    expect(unknownType.userMessage.ja).toContain('people.teleport');
  });

  it('needs no transport request below classification II (第4 2(6)ア), and routes class II to the owning unit', async () => {
    const staff = await actorOf(db(), 'S007');
    const form = {
      assetName: '患者説明用パンフレット原稿',
      classification: 3,
      origin: '3階東病棟',
      destination: '総務課',
      transportDate: '2026-04-05',
      protection: 'none',
      purpose: '印刷の依頼',
    };
    const notNeeded = await rejectionOf(
      submitRequest(db().ctx(staff), { draft: { typeId: 'assets.transport', form } }),
      'validation',
    );
    expect(notNeeded.issues[0]?.field).toBe('form.classification');
    expect(notNeeded.userMessage.en).toContain('classification II or above');

    const owner = await unitIdOf(db(), 'JIMU-SOMU');
    const ok = await submitRequest(db().ctx(staff), {
      draft: {
        typeId: 'assets.transport',
        form: { ...form, classification: 2, protection: 'lockedCase' },
        resourceUnitId: owner,
      },
    });
    const [step] = await stepsOf(ok.id);
    expect(step).toMatchObject({ role: 'securityManager', unit_id: owner, status: 'pending' });
    const row = await requestRow(ok.id);
    expect(row.expires_at).toBe('2026-04-05T15:00:00.000Z');
  });

  it('saves a draft with an incomplete form, and submits it later by the applicant only', async () => {
    const staff = await actorOf(db(), 'S007');
    const before = await auditSize(db().handle);
    const draft = await createRequest(db().ctx(staff), {
      typeId: 'people.carryOut',
      form: { item: 'USBメモリ' },
    });
    expect(draft.status).toBe('draft');
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => e.kind)).toEqual(['approvals.request.drafted']);
    const other = await actorOf(db(), 'S004');
    const refused = await rejectionOf(submitRequest(db().ctx(other), { requestId: draft.id }), 'forbidden');
    expect(refused.userMessage.en).toContain('Only the applicant, or whoever prepared the request');
    const incomplete = await rejectionOf(
      submitRequest(db().ctx(staff), { requestId: draft.id }),
      'validation',
    );
    expect(incomplete.issues.map((i) => i.field)).toContain('form.destination');
    expect((await requestRow(draft.id)).status).toBe('draft');
  });

  it('asks for a reason to reject, then ends the request and tells the applicant', async () => {
    const staff = await actorOf(db(), 'S007');
    const manager = await actorOf(db(), 'S006');
    const { id } = await submitRequest(db().ctx(staff), {
      draft: { typeId: 'people.carryOut', form: carryOutForm() },
    });
    const noReason = await rejectionOf(
      decideStep(db().ctx(manager), { requestId: id, decision: 'reject' }),
      'validation',
    );
    expect(noReason.issues[0]?.field).toBe('comment');
    expect((await requestRow(id)).status).toBe('submitted');
    const before = await auditSize(db().handle);
    await decideStep(db().ctx(manager), {
      requestId: id,
      decision: 'reject',
      comment: '暗号化されていない端末のため',
    });
    expect((await auditEntries(db().handle, before)).map((e) => e.kind)).toEqual([
      'approvals.step.decided',
      'approvals.request.rejected',
    ]);
    expect(await requestRow(id)).toMatchObject({
      status: 'rejected',
      closed_reason: '暗号化されていない端末のため',
    });
    const again = await rejectionOf(
      decideStep(db().ctx(manager), { requestId: id, decision: 'approve' }),
      'conflict',
    );
    expect(again.userMessage.ja).toContain('却下');
  });

  it('refuses a decision by someone who is not the step’s approver', async () => {
    const staff = await actorOf(db(), 'S007');
    const otherManager = await actorOf(db(), 'S004');
    const { id } = await submitRequest(db().ctx(staff), {
      draft: { typeId: 'people.carryOut', form: carryOutForm() },
    });
    const before = await auditSize(db().handle);
    const error = await rejectionOf(
      decideStep(db().ctx(otherManager), { requestId: id, decision: 'approve' }),
      'forbidden',
    );
    expect(error.userMessage.ja).toContain('3階東病棟');
    // Reaching for a decision that is not one's own is a sensitive denial: on the ledger, nothing else is.
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => [e.kind, e.subject, e.payload['action'], e.payload['ruleIds']])).toEqual([
      ['access.denied', `request:${id}`, 'request.approve', []],
    ]);
    expect((await requestRow(id)).status).toBe('submitted');
  });
});
