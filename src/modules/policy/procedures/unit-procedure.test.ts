import { beforeAll, expect, it } from 'vitest';
import { decideStep, submitRequest, systemActor, type Actor } from '../../../kernel/index.js';
import { actorOf, countRows, rejectionOf, seedSmallHospital, unitIdOf } from '../../../../test/approvals/fixtures.js';
import { describeEachDialect } from '../../../../test/db-harness.js';
import { testComplianceService } from '../../../../test/factories/compliance.js';
import { auditEntries, auditSize } from '../../../../test/ledger-helpers.js';

const service = testComplianceService();

/**
 * 第3 3(2): a Security Officer writes the implementing procedure of their bureau or division and asks the Security
 * Director's opinion (`policy.unitProcedure`); approved, it is the unit's procedure, and the clause counts the
 * units with and without one. The small hospital: S002 Director and Officer of 事務局, S003 the Director's
 * delegate, S005 Officer of 看護部, S006 Manager of 3階東病棟, S007 staff there.
 */
describeEachDialect('implementing procedures of units with the Director’s opinion (第3 3(2))', (db) => {
  let director: Actor;
  let delegate: Actor;
  let nursingOfficer: Actor;
  let wardManager: Actor;
  let jimu = '';
  let kango = '';

  beforeAll(async () => {
    await seedSmallHospital(db());
    director = await actorOf(db(), 'S002');
    delegate = await actorOf(db(), 'S003');
    nursingOfficer = await actorOf(db(), 'S005');
    wardManager = await actorOf(db(), 'S006');
    jimu = await unitIdOf(db(), 'JIMU');
    kango = await unitIdOf(db(), 'KANGO');
  });

  const form = (over: Record<string, unknown> = {}) => ({
    procedureTitle: '看護部 情報セキュリティ実施手順',
    version: '第1版',
    summary: '病棟端末の画面ロック、USBメモリの貸出簿、持ち出しの申請先を定める。',
    effectiveOn: '2026-04-01',
    ...over,
  });
  const file = (actor: Actor, over: Record<string, unknown> = {}, resourceUnitId?: string) =>
    submitRequest(db().ctx(actor), {
      draft: { typeId: 'policy.unitProcedure', form: form(over), ...(resourceUnitId ? { resourceUnitId } : {}) },
    });
  const clause332 = () => service.getClause(db().ctx(systemActor('test')), { clauseId: '3.3.2' });

  it('is not met for a bureau or division without a procedure that went through the Director (第3 3(2))', async () => {
    const detail = await clause332();
    expect(detail.status).toBe('notMet');
    expect(detail.unitDetails.map((u) => [u.unitId, u.status])).toEqual([
      [jimu, 'notMet'],
      [kango, 'notMet'],
    ]);
    expect(detail.unitDetails[1]?.reason.ja).toBe('統括情報セキュリティ責任者の意見を経た実施手順が記録されていません。');
  });

  it('is filed only by the unit’s Security Officer, naming the field, with nothing written (第3 3(2))', async () => {
    const requests = await countRows(db(), 'approval_requests');
    const entries = await auditSize(db().handle);
    // A Manager of a section below the division is not its Security Officer.
    const manager = await rejectionOf(file(wardManager, {}, kango), 'validation');
    expect(manager.issues[0]?.field).toBe('resourceUnitId');
    expect(manager.issues[0]?.message.ja).toContain('第3 3(2)');
    // Nor is the Officer of 看護部 the Officer of 事務局.
    const other = await rejectionOf(file(nursingOfficer, {}, jimu), 'validation');
    expect(other.issues[0]?.field).toBe('resourceUnitId');
    const blank = await rejectionOf(file(nursingOfficer, { summary: '' }), 'validation');
    expect(blank.issues.map((i) => i.field)).toEqual(['form.summary']);
    expect(await countRows(db(), 'approval_requests')).toBe(requests);
    expect(await auditSize(db().handle)).toBe(entries);
  });

  it('goes to the Director; the opinion given, it is the unit’s procedure and counts for the clause (第3 3(2))', async () => {
    // Filed from a section of the division, it is the division's procedure (the unit where S005 is Officer).
    const submitted = await file(nursingOfficer, {}, await unitIdOf(db(), 'KANGO-3E'));
    const request = await db()
      .handle.db.selectFrom('approval_requests')
      .selectAll()
      .where('id', '=', submitted.id)
      .executeTakeFirstOrThrow();
    expect(request).toMatchObject({ resource_unit_id: kango, title: '看護部 情報セキュリティ実施手順' });
    const step = await db()
      .handle.db.selectFrom('approval_steps')
      .selectAll()
      .where('request_id', '=', submitted.id)
      .executeTakeFirstOrThrow();
    expect(step).toMatchObject({ role: 'securityDirector', unit_id: null, status: 'pending' });
    await rejectionOf(decideStep(db().ctx(wardManager), { requestId: submitted.id, decision: 'approve' }), 'forbidden');

    const before = await auditSize(db().handle);
    // The head of 医療情報課 decides for the Director by delegation (3-2(7)): recorded as 代決.
    await decideStep(db().ctx(delegate), {
      requestId: submitted.id,
      decision: 'approve',
      comment: '持ち出しの申請先を第6 1(1)ウに合わせること。',
    });
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => e.kind)).toEqual([
      'approvals.step.decided',
      'approvals.request.approved',
      'policy.procedure.recorded',
    ]);
    expect(entries[2]).toMatchObject({
      payload: {
        clauseId: '3.3.2',
        unit: `unit:${kango}`,
        title: '看護部 情報セキュリティ実施手順',
        version: '第1版',
        effectiveOn: '2026-04-01',
        request: submitted.refNo,
        filedBy: `staff:${nursingOfficer.staffId ?? ''}`,
        opinionBy: `staff:${delegate.staffId ?? ''}`,
        opinionVia: 'delegation',
      },
    });
    expect(entries[2]?.subject).toMatch(/^unitProcedure:/);
    const listed = await service.listProcedures(db().ctx(director), {});
    expect(listed).toEqual([
      expect.objectContaining({
        unit: { id: kango, nameJa: '看護部', nameEn: 'Nursing Division' },
        state: 'inForce',
        requestRefNo: submitted.refNo,
        filedBy: '看護 五子',
        opinionBy: '情報 三子',
        opinion: '持ち出しの申請先を第6 1(1)ウに合わせること。',
      }),
    ]);
    const detail = await clause332();
    expect(detail.status).toBe('partlyMet');
    expect(detail.unitDetails.map((u) => [u.unitId, u.status])).toEqual([
      [jimu, 'notMet'],
      [kango, 'met'],
    ]);
    expect(detail.reason.ja).toContain('対象2部署のうち1部署で適合、1部署で不適合');
  });

  it('counts a revision only from its effective date; until then the earlier one stays in force (第3 3(2))', async () => {
    // The Director's own bureau: the Director does not give an opinion on their own procedure (第3 7(1)); the
    // head of 医療情報課 does, by the Director's delegation (3-2(7)).
    const own = await file(director, {
      procedureTitle: '事務局 情報セキュリティ実施手順',
      effectiveOn: '2026-05-01',
    });
    expect((await db().handle.db.selectFrom('approval_requests').select('resource_unit_id').where('id', '=', own.id).executeTakeFirstOrThrow()).resource_unit_id).toBe(jimu);
    await rejectionOf(decideStep(db().ctx(director), { requestId: own.id, decision: 'approve' }), 'forbidden');
    await decideStep(db().ctx(delegate), { requestId: own.id, decision: 'approve' });
    const revision = await file(nursingOfficer, { version: '第2版', effectiveOn: '2026-06-01' });
    await decideStep(db().ctx(director), { requestId: revision.id, decision: 'approve' });
    const listed = await service.listProcedures(db().ctx(director), {});
    expect(listed.map((p) => [p.title, p.version, p.state])).toEqual([
      ['事務局 情報セキュリティ実施手順', '第1版', 'upcoming'],
      ['看護部 情報セキュリティ実施手順', '第2版', 'upcoming'],
      ['看護部 情報セキュリティ実施手順', '第1版', 'inForce'],
    ]);
    const detail = await clause332();
    expect(detail.unitDetails.find((u) => u.unitId === jimu)?.reason.ja).toBe('実施手順は施行前です（2026-05-01施行）。');
    db().clock.set('2026-06-01T01:00:00.000Z');
    const later = await service.listProcedures(db().ctx(director), { unitId: kango });
    expect(later.map((p) => [p.version, p.state])).toEqual([
      ['第2版', 'inForce'],
      ['第1版', 'superseded'],
    ]);
    expect((await clause332()).status).toBe('met');
    db().clock.set('2026-04-01T01:00:00.000Z');
  });
});
