import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../kernel/index.js';
import { issueCheckpoint } from '../../kernel/ledger/checkpoints.js';
import { loadOrCreateDeploymentKey } from '../../kernel/ledger/keys.js';
import { verifyLog } from '../../kernel/ledger/operations.js';
import { describeEachDialect } from '../../../test/db-harness.js';
import { seedSmallHospital, unitIdOf } from '../../../test/approvals/fixtures.js';
import { kawaguchiPack, testComplianceService } from '../../../test/factories/compliance.js';
import { assignmentRow, delegationRow, staffRow } from '../../../test/factories/org.js';
import { createAccount } from '../identity/index.js';
import { importOrg, updateStaff } from '../org/index.js';
import type { ComplianceClauseView, ComplianceOverview } from '../../shared/api-types.js';
import { aggregateStatus } from './findings.js';

const service = testComplianceService();
const clause = (o: ComplianceOverview, id: string): ComplianceClauseView => {
  const c = o.clauses.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no clause ${id}`);
  return c;
};

describe('aggregateStatus', () => {
  it('is met only when every unit is met, and partly met when some are', () => {
    expect(aggregateStatus(['met', 'met'])).toBe('met');
    expect(aggregateStatus(['met', 'notMet'])).toBe('partlyMet');
    expect(aggregateStatus(['notMet', 'notMet'])).toBe('notMet');
    expect(aggregateStatus(['notMet', 'notYetEvaluable'])).toBe('notMet');
    expect(aggregateStatus(['met', 'notApplicable'])).toBe('met');
    expect(aggregateStatus(['notApplicable'])).toBe('notApplicable');
    expect(aggregateStatus([])).toBe('notYetEvaluable');
  });
});

describeEachDialect('compliance evaluation', (db) => {
  let overview: ComplianceOverview;
  beforeAll(async () => {
    await seedSmallHospital(db());
    overview = await service.getStatus(db().ctx(systemActor('test')), {});
  });

  it('gives every provision of the standard exactly one status, and headings and definitions none', () => {
    const provisions = kawaguchiPack().clauses.filter((c) => c.kind === 'provision');
    expect(overview.clauses.map((c) => c.id)).toEqual(provisions.map((c) => c.id));
    expect(overview.clauses).toHaveLength(239);
    expect(Object.values(overview.counts).reduce((a, b) => a + b, 0)).toBe(239);
    expect(overview.clauses.some((c) => c.id === '3' || c.id === '1')).toBe(false);
    expect(overview.asOf).toBe('2026-04-01');
  });

  it('says which module is missing when a clause cannot be evaluated yet', () => {
    const transport = clause(overview, '4.2.6.b');
    expect(transport.status).toBe('notYetEvaluable');
    expect(transport.reason.ja).toBe('この条項の根拠を記録する情報資産（assets）モジュールがまだありません。');
    expect(transport.reason.en).toContain('assets module');
    // A module that exists but has no check for the clause says so instead.
    expect(clause(overview, '9.3').reason.ja).toContain('ポリシー（policy）モジュールはありますが');
  });

  it('judges the roles of 第3 from the organisation, unit by unit, with the holders as evidence', async () => {
    expect(clause(overview, '3.1')).toMatchObject({ status: 'met', reason: { ja: '最高情報統括責任者: 管理 一郎。' } });
    const officers = clause(overview, '3.3.1');
    expect(officers.status).toBe('met');
    expect(officers.units.map((u) => u.status)).toEqual(['met', 'met']);
    expect(officers.reason.ja).toBe('情報セキュリティ責任者の配置: 対象2部署のうち2部署で適合。');
    const detail = await service.getClause(db().ctx(), { clauseId: '3.3.1' });
    expect(detail.evidence.map((e) => e.label.ja)).toContain(
      '情報セキュリティ責任者: 看護 五子（2025-04-01〜）',
    );
    expect(detail.evidence.every((e) => e.ref.startsWith('roleAssignment:'))).toBe(true);
  });

  it('finds the contact chart incomplete while holders have no phone or e-mail (3-2(6))', async () => {
    const chart = clause(overview, '3.2.6');
    expect(chart.status).toBe('notMet');
    expect(chart.reason.ja).toContain('管理 一郎の連絡先（電話・メール）が未登録です。');
    const nursing = await unitIdOf(db(), 'KANGO');
    expect(chart.units.find((u) => u.unitId === nursing)?.status).toBe('notMet');
    // The Officer of 看護部 records an extension: that unit becomes met, the clause only partly.
    const ctx = db().ctx();
    await updateStaff(ctx, staffRow({ employeeNumber: 'S005', nameKanji: '看護 五子', nameKana: 'カンゴ イツコ', unitCode: 'KANGO', phone: '2301' }));
    const after = await service.getClause(ctx, { clauseId: '3.2.6' });
    expect(after.unitDetails.find((u) => u.unitId === nursing)?.status).toBe('met');
    expect(after.status).toBe('partlyMet');
  });

  it('checks that the delegation of 3-2(7) goes to the head of 医療情報課', async () => {
    expect(clause(overview, '3.2.7')).toMatchObject({ status: 'met' });
    expect(clause(overview, '3.2.7').reason.ja).toContain('医療情報課長（情報 三子）に委任しています');
    await importOrg(db().ctx(), {
      data: { units: [], positions: [], staff: [], assignments: [], delegations: [delegationRow({ fromEmployeeNumber: 'S002', toEmployeeNumber: 'S004', startDate: '2026-03-01', endDate: '2026-06-30' })] },
    });
    const after = await service.getClause(db().ctx(), { clauseId: '3.2.7' });
    expect(after.status).toBe('notMet');
    expect(after.reason.ja).toBe('委任先（総務 四郎）が医療情報課長ではありません。');
    expect(after.evidence.filter((e) => !e.ok).map((e) => e.ref)).toHaveLength(1);
  });

  it('reports a vacancy as not met for that unit only', async () => {
    const ctx = db().ctx();
    await importOrg(ctx, {
      data: {
        units: [],
        positions: [],
        staff: [staffRow({ employeeNumber: 'S101', nameKanji: '小児 太郎', nameKana: 'ショウニ タロウ', unitCode: 'KANGO' })],
        assignments: [],
        delegations: [],
      },
    });
    await importOrg(ctx, {
      data: {
        units: [{ code: 'KANGO-4W', nameJa: '4階西病棟', nameEn: 'Ward 4 West', kind: 'section', parentCode: 'KANGO', sortOrder: 9, phone: null, validFrom: '2026-01-01', validTo: null }],
        positions: [],
        staff: [],
        assignments: [assignmentRow({ role: 'securityStaff', employeeNumber: 'S101', unitCode: 'KANGO-3E' })],
        delegations: [],
      },
    });
    const managers = await service.getClause(ctx, { clauseId: '3.4.1' });
    const ward = await unitIdOf(db(), 'KANGO-4W');
    expect(managers.status).toBe('partlyMet');
    expect(managers.reason.ja).toBe('情報セキュリティ管理者の配置: 対象4部署のうち3部署で適合、1部署で不適合。');
    expect(managers.unitDetails.find((u) => u.unitId === ward)).toMatchObject({
      status: 'notMet',
      reason: { ja: '情報セキュリティ管理者が未配置です。', en: 'No Security Manager.' },
    });
    expect(managers.evidence.find((e) => !e.ok)?.label.ja).toBe('4階西病棟の情報セキュリティ管理者が未配置');
  });

  it('flags temporary passwords left unchanged beyond their validity, and IDs of people who left', async () => {
    const ctx = db().ctx();
    await createAccount(ctx, { loginId: 'byoto6', employeeNumber: 'S006' });
    expect((await service.getClause(ctx, { clauseId: '7.2.3.b' })).status).toBe('met');
    db().clock.advance(73 * 3_600_000);
    try {
      const later = await service.getClause(ctx, { clauseId: '7.2.3.b' });
      expect(later.status).toBe('partlyMet');
      expect(later.evidence.find((e) => !e.ok)?.label.ja).toBe(
        '病棟 六子（byoto6）: 仮パスワードが72時間を超えて未変更',
      );
      await updateStaff(ctx, staffRow({ employeeNumber: 'S006', nameKanji: '病棟 六子', nameKana: 'ビョウトウ ムツコ', unitCode: 'KANGO-3E', endDate: '2026-04-02' }));
      const unused = await service.getClause(ctx, { clauseId: '7.2.1.b.c' });
      expect(unused.status).toBe('notMet');
      expect(unused.evidence[0]?.label.ja).toBe('病棟 六子（byoto6）: 退職・期間終了後もIDが有効');
    } finally {
      db().clock.advance(-73 * 3_600_000);
    }
  });

  it('reads the audit log protection from the checkpoints and the recorded verifications (7-1(6)イ)', async () => {
    const ctx = db().ctx(systemActor('test'));
    const before = await service.getClause(ctx, { clauseId: '7.1.6.b' });
    expect(before.status).toBe('notMet');
    expect(before.reason.ja).toMatch(/^監査ログ（\d+件）の署名済みチェックポイントがまだありません。$/);
    const key = await loadOrCreateDeploymentKey(
      db().handle.db,
      join(mkdtempSync(join(tmpdir(), 'mamori-key-')), 'ledger.key'),
      () => db().clock.now(),
    );
    await issueCheckpoint(db().handle, key, 'audit', db().clock.now());
    expect((await service.getClause(ctx, { clauseId: '7.1.6.b' })).status).toBe('partlyMet');
    await verifyLog(ctx, { log: 'audit' });
    const verified = await service.getClause(ctx, { clauseId: '7.1.6.b' });
    expect(verified.status).toBe('met');
    expect(verified.evidence.map((e) => e.type)).toEqual(['Checkpoint', 'LedgerVerification']);
  });

  it('evaluates the whole hospital well under a second', async () => {
    const again = await service.getStatus(db().ctx(), {});
    expect(again.elapsedMs).toBeLessThan(1000);
    expect(again.ledgerSize).toBeGreaterThan(overview.ledgerSize);
  });
});
