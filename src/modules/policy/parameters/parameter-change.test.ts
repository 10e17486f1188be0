import { beforeAll, expect, it } from 'vitest';
import { decideStep, effectiveParameters, submitRequest, systemActor, type Actor } from '../../../kernel/index.js';
import { actorOf, countRows, rejectionOf } from '../../../../test/approvals/fixtures.js';
import { describeEachDialect } from '../../../../test/db-harness.js';
import { kawaguchiPack, testComplianceService } from '../../../../test/factories/compliance.js';
import { assignmentRow, smallHospital } from '../../../../test/factories/org.js';
import { auditEntries, auditSize } from '../../../../test/ledger-helpers.js';
import { checkStorage } from '../../assets/index.js';
import { importOrg } from '../../org/index.js';

const service = testComplianceService();

/**
 * Changing a parameter of the policy pack (第3 6(2): the IT Steering Committee decides; 第9 3: it reviews the
 * policy): a `policy.change` request checked against the parameter's type, range and relations, approved by the
 * committee, stored as a version with who asked and who approved, read by every reader of the parameter.
 * The small hospital, with S004 (Manager of 総務課) also a member of the committee.
 */
describeEachDialect('policy parameters changed by the committee (第3 6(2), 第9 3)', (db) => {
  let director: Actor;
  let member: Actor;
  let nurse: Actor;

  beforeAll(async () => {
    const data = smallHospital();
    data.assignments.push(assignmentRow({ role: 'committee', employeeNumber: 'S004' }));
    await importOrg(db().ctx(), { data, source: 'policy change test' });
    director = await actorOf(db(), 'S002');
    member = await actorOf(db(), 'S004');
    nurse = await actorOf(db(), 'S007');
  });

  const change = (actor: Actor, form: Record<string, unknown>) =>
    submitRequest(db().ctx(actor), {
      draft: { typeId: 'policy.change', form: { reason: '点検結果を踏まえた見直し', ...form } },
    });
  const requestRow = (id: string) =>
    db()
      .handle.db.selectFrom('approval_requests')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('refuses a value the parameter cannot take, naming the field in Japanese and English, and writes nothing (第3 6(2))', async () => {
    const requests = await countRows(db(), 'approval_requests');
    const entries = await auditSize(db().handle);
    const unknown = await rejectionOf(change(director, { parameterKey: 'identity.nothing', newValue: '3' }), 'validation');
    expect(unknown.issues[0]?.field).toBe('form.parameterKey');
    expect(unknown.issues[0]?.message.ja).toContain('identity.nothing');
    const words = await rejectionOf(
      change(director, { parameterKey: 'identity.privilegedMaxHolders', newValue: '三人' }),
      'validation',
    );
    expect(words.issues[0]).toMatchObject({
      field: 'form.newValue',
      message: {
        ja: '「情報システムごとの特権IDの利用者数の上限」の新しい値として使えません: 整数（単位: people）で入力してください。',
        en: 'Not a usable value for "Maximum privileged users per system": Give a whole number (in people).',
      },
    });
    const range = await rejectionOf(
      change(director, { parameterKey: 'identity.privilegedMaxHolders', newValue: '21' }),
      'validation',
    );
    expect(range.issues[0]?.field).toBe('form.newValue');
    expect(range.issues[0]?.message.ja).toContain('範囲 1〜20');
    // Privileged IDs stay stricter than staff IDs (第7 2(1)ウ(エ)): 20 characters for staff is more than 16.
    const relation = await rejectionOf(
      change(director, { parameterKey: 'identity.passwordMinLength', newValue: '20' }),
      'validation',
    );
    expect(relation.issues[0]?.field).toBe('form.newValue');
    expect(relation.issues[0]?.message.en).toContain('identity.passwordMinLength');
    const same = await rejectionOf(
      change(director, { parameterKey: 'identity.privilegedMaxHolders', newValue: '3' }),
      'validation',
    );
    expect(same.issues[0]?.message.ja).toContain('既に 3 です');
    const missing = await rejectionOf(
      change(director, { parameterKey: 'identity.privilegedMaxHolders', newValue: '4', reason: '' }),
      'validation',
    );
    expect(missing.issues.map((i) => i.field)).toEqual(['form.reason']);
    expect(await countRows(db(), 'approval_requests')).toBe(requests);
    expect(await auditSize(db().handle)).toBe(entries);
  });

  it('asks the committee, and on its approval applies the value as version 1 with who asked and who approved (第3 6(2), 第9 3)', async () => {
    const submitted = await change(director, {
      parameterKey: ' identity.privilegedMaxHolders ',
      newValue: '４',
      currentValue: '99',
    });
    const request = await requestRow(submitted.id);
    // The key and value as read, and the value in force written by the system, whatever was typed.
    expect(JSON.parse(request.form_json)).toMatchObject({
      parameterKey: 'identity.privilegedMaxHolders',
      newValue: '4',
      currentValue: '3',
    });
    expect(request.title).toBe('identity.privilegedMaxHolders');
    const step = await db()
      .handle.db.selectFrom('approval_steps')
      .selectAll()
      .where('request_id', '=', submitted.id)
      .executeTakeFirstOrThrow();
    expect(step).toMatchObject({ role: 'committee', unit_id: null, status: 'pending' });
    // Before the decision, nothing has changed; a second change of the same parameter waits for this one.
    expect((await effectiveParameters(db().handle.db, kawaguchiPack())).get('identity.privilegedMaxHolders')).toMatchObject({
      value: 3,
      version: 0,
    });
    const twice = await rejectionOf(
      change(director, { parameterKey: 'identity.privilegedMaxHolders', newValue: '5' }),
      'conflict',
    );
    expect(twice.issues[0]?.field).toBe('form.parameterKey');
    expect(twice.userMessage.ja).toContain(submitted.refNo);
    // A Manager who sits on no committee cannot decide it.
    await rejectionOf(decideStep(db().ctx(nurse), { requestId: submitted.id, decision: 'approve' }), 'forbidden');

    const before = await auditSize(db().handle);
    await decideStep(db().ctx(member), { requestId: submitted.id, decision: 'approve', comment: '承認する' });
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => e.kind)).toEqual([
      'approvals.step.decided',
      'approvals.request.approved',
      'policy.parameter.changed',
    ]);
    const staffS002 = director.staffId ?? '';
    const staffS004 = member.staffId ?? '';
    expect(entries[2]).toMatchObject({
      subject: 'policyParameter:identity.privilegedMaxHolders',
      actor: 'account:account-S004',
      payload: {
        pack: 'kawaguchi',
        key: 'identity.privilegedMaxHolders',
        clauseId: '7.2.1.c.a',
        version: 1,
        from: 3,
        to: 4,
        request: submitted.refNo,
        requestedBy: `staff:${staffS002}`,
        approvedBy: `staff:${staffS004}`,
      },
    });
    expect((await effectiveParameters(db().handle.db, kawaguchiPack())).get('identity.privilegedMaxHolders')).toMatchObject({
      value: 4,
      version: 1,
    });
    // The policy parameters page: value in force, the pack's default and the version with its people.
    const listed = (await service.listParameters(db().ctx(director), {})).parameters.find(
      (p) => p.key === 'identity.privilegedMaxHolders',
    );
    expect(listed).toMatchObject({
      displayId: '第7 2(1)ウ(ア)',
      defaultValue: 3,
      value: 4,
      version: 1,
      pending: [],
      history: [
        {
          version: 1,
          previous: 3,
          value: 4,
          requestRefNo: submitted.refNo,
          requestedBy: '事務 二郎',
          approvedBy: '総務 四郎',
          reason: '点検結果を踏まえた見直し',
        },
      ],
    });
    // Staff do not read the policy's parameters.
    await rejectionOf(service.listParameters(db().ctx(nurse), {}), 'forbidden');
  });

  it('is read by the module that uses the parameter: the storage checks count long-term from the new months (第4 2(5)イ)', async () => {
    expect((await checkStorage(db().ctx(director), {})).longTermMonths).toBe(12);
    const submitted = await change(director, { parameterKey: 'assets.longTermStorageThreshold', newValue: '6' });
    await decideStep(db().ctx(member), { requestId: submitted.id, decision: 'approve' });
    expect((await checkStorage(db().ctx(director), {})).longTermMonths).toBe(6);
    // The compliance evaluation reads the value in force as well (the limit of 第7 2(1)ウ(ア), now 4).
    const status = await service.getClause(db().ctx(systemActor('test')), { clauseId: '7.2.1.c.a' });
    expect(status.reason.ja).toContain('上限4件');
  });

  it('applies nothing when the value no longer holds at the approval, and the request waits to be rejected (第3 6(2))', async () => {
    const staff = await change(director, { parameterKey: 'identity.passwordMinLength', newValue: '15' });
    const privileged = await change(director, {
      parameterKey: 'identity.privilegedPasswordMinLength',
      newValue: '14',
    });
    await decideStep(db().ctx(member), { requestId: privileged.id, decision: 'approve' });
    const before = await auditSize(db().handle);
    // 15 for staff IDs would now be more than the 14 of privileged IDs (第7 2(1)ウ(エ)).
    const refused = await rejectionOf(
      decideStep(db().ctx(member), { requestId: staff.id, decision: 'approve' }),
      'conflict',
    );
    expect(refused.userMessage.ja).toContain('却下して');
    expect(refused.issues[0]?.field).toBe('form.newValue');
    expect(await auditSize(db().handle)).toBe(before);
    expect((await requestRow(staff.id)).status).toBe('submitted');
    const inForce = await effectiveParameters(db().handle.db, kawaguchiPack());
    expect(inForce.get('identity.passwordMinLength')).toMatchObject({ value: 13, version: 0 });
    expect(inForce.get('identity.privilegedPasswordMinLength')).toMatchObject({ value: 14, version: 1 });
    await decideStep(db().ctx(member), { requestId: staff.id, decision: 'reject', comment: '特権IDより長くなるため' });
    expect((await requestRow(staff.id)).status).toBe('rejected');
  });
});
