import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../../kernel/index.js';
import { issueCheckpoint } from '../../../kernel/ledger/checkpoints.js';
import { loadOrCreateDeploymentKey } from '../../../kernel/ledger/keys.js';
import { describeEachDialect } from '../../../../test/db-harness.js';
import { actorOf, rejectionOf, seedSmallHospital } from '../../../../test/approvals/fixtures.js';
import { testComplianceService } from '../../../../test/factories/compliance.js';
import { renderComplianceReportPdf } from './compliance-report-pdf.js';
import { renderComplianceReportXlsx } from './compliance-report-xlsx.js';

const service = testComplianceService();

const pdfText = async (pdf: Buffer): Promise<{ text: string; pages: number }> => {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n += 1)
    for (const item of (await (await doc.getPage(n)).getTextContent()).items)
      if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
  await doc.destroy();
  return { text, pages: doc.numPages };
};

describeEachDialect('the compliance report', (db) => {
  let manager: Actor;
  beforeAll(async () => {
    await seedSmallHospital(db());
    manager = await actorOf(db(), 'S006');
  });

  it('is dated in 和暦 and signed with the ledger checkpoint it was computed at (PDF)', async () => {
    const key = await loadOrCreateDeploymentKey(
      db().handle.db,
      join(mkdtempSync(join(tmpdir(), 'mamori-key-')), 'ledger.key'),
      () => db().clock.now(),
    );
    const { checkpoint } = await issueCheckpoint(db().handle, key, 'audit', db().clock.now());
    const report = await service.getReport(db().ctx(manager), {});
    expect(report.checkpoint?.size).toBe(report.evaluation.ledgerSize);
    expect(report.checkpoint?.note).toBe(checkpoint.note);
    const { text, pages } = await pdfText(await renderComplianceReportPdf(report));
    expect(pages).toBeGreaterThan(3);
    expect(text).toContain('情報セキュリティ対策基準 遵守状況報告書');
    expect(text).toContain('テスト病院');
    expect(text).toContain('基準日: 令和8年4月1日');
    expect(text).toContain(`評価時の監査ログ（台帳）の記録数: ${String(report.evaluation.ledgerSize)}件`);
    expect(text).toContain(`評価結果のSHA-256: ${report.digest}`);
    expect(text).toContain(checkpoint.origin);
    expect(text).toContain('このチェックポイントは評価時点の監査ログ全体を含みます。');
    // The signed note as printed: its first line is the origin, its signature line starts with "— ".
    expect(text).toContain(`— ${key.name}/audit`);
    expect(text).toContain('第3 1');
    expect(text).toContain('最高情報統括責任者: 管理 一郎。');
    expect(text).toContain('4. 部署別の状況');
  });

  it('carries the same digest as the day\'s snapshot, and an Excel copy with every clause and the units', async () => {
    const ctx = db().ctx(await actorOf(db(), 'S001'));
    const snap = await service.takeSnapshot(ctx, {});
    const report = await service.getReport(ctx, {});
    expect(report.digest).toBe(snap.digest);
    expect(report.checkpoint !== null && report.checkpoint.size < report.evaluation.ledgerSize).toBe(true);
    const { text } = await pdfText(await renderComplianceReportPdf(report));
    expect(text).toMatch(/評価時点の記録のうち\d+件までがこの署名で保証され、残り1件は次のチェックポイントで署名されます。/);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderComplianceReportXlsx(report)) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['概要', '条項別', '部署別', '根拠']);
    const clauses = book.getWorksheet('条項別');
    expect(clauses?.rowCount).toBe(240);
    const row = clauses?.getRow(2).values as unknown[];
    expect(row.slice(1, 7)).toEqual(['3.1', '第3 1', expect.stringContaining('病院事業管理者'), '適合', '最高情報統括責任者: 管理 一郎。', 1]);
    const summary = (book.getWorksheet('概要')?.getSheetValues() ?? [])
      .flat()
      .filter((v): v is string => typeof v === 'string')
      .join('\n');
    expect(summary).toContain(`評価結果のSHA-256: ${report.digest}`);
    expect(summary).toContain('基準日');
    const heat = book.getWorksheet('部署別');
    expect(heat?.getRow(1).values).toContain('第3 3(1)');
  });

  it('is not for ordinary staff', async () => {
    await rejectionOf(service.getReport(db().ctx(await actorOf(db(), 'S007')), {}), 'forbidden');
  });
});
