import { beforeAll, expect, it } from 'vitest';
import { AppError, systemActor, type Actor } from '../../kernel/index.js';
import { describeEachDialect } from '../../../test/db-harness.js';
import { actorOf, rejectionOf, seedSmallHospital, unitIdOf } from '../../../test/approvals/fixtures.js';
import { testComplianceService } from '../../../test/factories/compliance.js';
import { auditEntries, auditSize } from '../../../test/ledger-helpers.js';

const service = testComplianceService();

describeEachDialect('not applicable, with the reason recorded', (db) => {
  let director: Actor;
  beforeAll(async () => {
    await seedSmallHospital(db());
    director = await actorOf(db(), 'S002');
  });

  it('records a clause as not applicable with a ledger entry, and the status says so with the reason', async () => {
    const ctx = db().ctx(director);
    const before = await auditSize(db().handle);
    const reason = '当院は無線LANを設置していないため（令和8年3月 情報化推進会議で確認）。';
    const { id } = await service.recordExclusion(ctx, { clauseId: '7.1.10.b', reason });
    const entries = await auditEntries(db().handle, before);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: 'policy.clause.notApplicable',
      subject: `complianceExclusion:${id}`,
      actor: `account:${director.accountId ?? ''}`,
      payload: { pack: 'kawaguchi', clauseId: '7.1.10.b', unitId: null, reason },
    });
    const clause = await service.getClause(ctx, { clauseId: '7.1.10.b' });
    expect(clause.status).toBe('notApplicable');
    expect(clause.reason.ja).toBe(`適用除外として記録（理由: ${reason}）`);
    expect(clause.exclusion).toMatchObject({ id, reason, recordedBy: `account:${director.accountId ?? ''}` });
    const overview = await service.getStatus(ctx, {});
    expect(overview.counts.notApplicable).toBe(1);
  });

  it('ends the record with its own entry, and the clause is evaluated again', async () => {
    const ctx = db().ctx(director);
    const overview = await service.getStatus(ctx, {});
    const id = overview.clauses.find((c) => c.id === '7.1.10.b')?.exclusion?.id ?? '';
    const before = await auditSize(db().handle);
    await service.endExclusion(ctx, { exclusionId: id, reason: '無線LANを導入したため。' });
    expect(await auditEntries(db().handle, before)).toMatchObject([
      { kind: 'policy.clause.applicableAgain', subject: `complianceExclusion:${id}` },
    ]);
    expect((await service.getClause(ctx, { clauseId: '7.1.10.b' })).status).toBe('notYetEvaluable');
    await rejectionOf(service.endExclusion(ctx, { exclusionId: id, reason: 'もう一度終了する。' }), 'conflict');
  });

  it('excludes a clause for one unit only: that unit says not applicable, the clause counts the rest', async () => {
    const ctx = db().ctx(director);
    const ward = await unitIdOf(db(), 'KANGO-3E');
    await service.recordExclusion(ctx, {
      clauseId: '3.2.6',
      unitCode: 'KANGO-3E',
      reason: '病棟の閉鎖に伴い、連絡体制の対象外とする（一時的）。',
    });
    const clause = await service.getClause(ctx, { clauseId: '3.2.6' });
    expect(clause.unitDetails.find((u) => u.unitId === ward)?.status).toBe('notApplicable');
    expect(clause.reason.ja).toMatch(/^部署ごとの評価: 対象4部署のうち.*1部署は適用除外。$/);
    expect(clause.status).toBe('notMet');
  });

  it('refuses bad input naming the field in both languages, and writes nothing', async () => {
    const ctx = db().ctx(director);
    const before = await auditSize(db().handle);
    const unknown = await rejectionOf(service.recordExclusion(ctx, { clauseId: '99.9', reason: '理由は十分な長さがあります。' }), 'validation');
    expect(unknown.issues).toEqual([
      { field: 'clauseId', message: { ja: '条項 99.9 はありません。', en: 'There is no clause 99.9.' } },
    ]);
    const heading = await rejectionOf(service.recordExclusion(ctx, { clauseId: '4.2', reason: '理由は十分な長さがあります。' }), 'validation');
    expect(heading.issues[0]?.message.ja).toBe('第4 2 は見出し・定義等のため、適用除外にできません。');
    const unit = await rejectionOf(
      service.recordExclusion(ctx, { clauseId: '3.3.1', unitCode: 'NOPE', reason: '理由は十分な長さがあります。' }),
      'validation',
    );
    expect(unit.issues[0]).toMatchObject({ field: 'unitCode', message: { en: 'Unit NOPE does not exist.' } });
    const short = await rejectionOf(service.recordExclusion(ctx, { clauseId: '3.3.1', reason: '短い' }), 'validation');
    expect(short.issues[0]).toMatchObject({
      field: 'reason',
      message: { ja: '10文字以上で入力してください。', en: 'Must be at least 10 characters.' },
    });
    expect(await auditSize(db().handle)).toBe(before);
  });

  it('is for the security office: staff and Managers are refused, and nothing is written', async () => {
    const before = await auditSize(db().handle);
    for (const employee of ['S007', 'S006']) {
      const error = await rejectionOf(
        service.recordExclusion(db().ctx(await actorOf(db(), employee)), {
          clauseId: '7.1.10.b',
          reason: '理由は十分な長さがあります。',
        }),
        'forbidden',
      );
      expect(error).toBeInstanceOf(AppError);
    }
    // A Manager reads the compliance picture; ordinary staff do not.
    await expect(service.getStatus(db().ctx(await actorOf(db(), 'S006')), {})).resolves.toBeTruthy();
    await rejectionOf(service.getStatus(db().ctx(await actorOf(db(), 'S007')), {}), 'forbidden');
    expect(await auditSize(db().handle)).toBe(before);
    expect(systemActor('x').kind).toBe('system');
  });
});
