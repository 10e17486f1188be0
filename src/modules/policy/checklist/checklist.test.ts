import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError, policyPackDir, type Actor } from '../../../kernel/index.js';
import { describeEachDialect } from '../../../../test/db-harness.js';
import { actorOf, rejectionOf, seedSmallHospital } from '../../../../test/approvals/fixtures.js';
import { kawaguchiPack, testComplianceService } from '../../../../test/factories/compliance.js';
import { auditEntries, auditSize } from '../../../../test/ledger-helpers.js';
import { renderChecklistPdf, renderChecklistXlsx } from './checklist-export.js';
import { checklistFileName, defaultChecklistName, loadChecklistPack } from './checklist.model.js';
import { answerFrom } from './get-checklist.js';

const service = testComplianceService();

const pdfText = async (pdf: Buffer): Promise<string> => {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n += 1)
    for (const item of (await (await doc.getPage(n)).getTextContent()).items)
      if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
  await doc.destroy();
  return text;
};

describe('the MHLW checklist pack (令和7年度版)', () => {
  it('loads: every item maps onto provisions of the standard, and it says which edition it is', () => {
    const checklist = loadChecklistPack(kawaguchiPack());
    expect(checklist.title).toBe('医療機関におけるサイバーセキュリティ対策チェックリスト（令和7年度版）');
    expect(checklist.edition).toMatchObject({ fiscalYear: 2025, eraJa: '令和7年度', published: '2025-05-16' });
    expect(checklist.items.map((i) => i.id)).toContain('2-10');
    expect(checklist.items).toHaveLength(19);
    for (const item of checklist.items)
      for (const id of item.clauses) expect(kawaguchiPack().byId.get(id)?.kind, `${item.id} → ${id}`).toBe('provision');
  });

  it('refuses a broken checklist, naming the item and the clause', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mamori-checklist-'));
    const shipped = readFileSync(join(policyPackDir(defaultChecklistName), checklistFileName), 'utf8');
    writeFileSync(join(dir, checklistFileName), shipped.replace("clauses: ['6.4.2.f']", "clauses: ['6.4.2.z', '7.2']"));
    const error = (() => {
      try {
        loadChecklistPack(kawaguchiPack(), dir);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).userMessage.en).toContain('items 2-8: clause 6.4.2.z does not exist');
    expect((error as AppError).userMessage.en).toContain('items 2-8: clause 7.2 is a heading, not a provision');
  });

  it('answers "no" when a clause fails, "yes" when all are met, and otherwise leaves it to the hospital', () => {
    const c = (displayId: string, status: 'met' | 'partlyMet' | 'notMet' | 'notYetEvaluable' | 'notApplicable') => ({
      displayId,
      status,
    });
    expect(answerFrom([c('第3 1', 'met'), c('第3 2(1)', 'met')]).answer).toBe('yes');
    expect(answerFrom([c('第3 1', 'met'), c('第3 2(6)', 'partlyMet')])).toMatchObject({
      answer: 'no',
      reason: { ja: '第3 2(6)が一部適合です。' },
    });
    expect(answerFrom([c('第3 1', 'met'), c('第5 1(1)', 'notYetEvaluable')]).answer).toBe('unknown');
    expect(answerFrom([]).answer).toBe('unknown');
  });
});

describeEachDialect('the MHLW checklist answered from live data', (db) => {
  let director: Actor;
  beforeAll(async () => {
    await seedSmallHospital(db());
    director = await actorOf(db(), 'S002');
  });

  it('computes answers and 確認日 from the clauses, item by item', async () => {
    const view = await service.getChecklist(db().ctx(director), {});
    const item = (id: string) => view.items.find((i) => i.id === id);
    expect(item('1-1')).toMatchObject({
      answer: 'yes',
      answerSource: 'computed',
      confirmedOn: '2026-04-01',
      clauses: [
        { id: '3.1', displayId: '第3 1', status: 'met' },
        { id: '3.2.1', displayId: '第3 2(1)', status: 'met' },
      ],
    });
    // 3-1 rests on the contact chart, which lacks phone numbers in the small hospital.
    expect(item('3-1')).toMatchObject({ answer: 'no', confirmedOn: '2026-04-01' });
    expect(item('2-1')).toMatchObject({ answer: 'unknown', answerSource: 'none', confirmedOn: null });
    expect(view.counts.yes + view.counts.no + view.counts.unknown).toBe(19);
  });

  it('records the hospital\'s answer for an item no module evidences, with a ledger entry', async () => {
    const ctx = db().ctx(director);
    const before = await auditSize(db().handle);
    await service.recordChecklistAnswer(ctx, {
      itemId: '2-1',
      answer: 'no',
      confirmedOn: '2026-03-30',
      targetDate: '2026-09-30',
      note: '機器台帳は表計算で管理中。Mamoriへの移行は令和8年9月。',
    });
    expect(await auditEntries(db().handle, before)).toMatchObject([
      {
        kind: 'policy.checklist.answered',
        subject: 'checklistItem:mhlw-checklist-r7.2-1',
        payload: { answer: 'no', confirmedOn: '2026-03-30', targetDate: '2026-09-30' },
      },
    ]);
    const view = await service.getChecklist(ctx, {});
    expect(view.items.find((i) => i.id === '2-1')).toMatchObject({
      answer: 'no',
      answerSource: 'recorded',
      confirmedOn: '2026-03-30',
      targetDate: '2026-09-30',
    });
    const bad = await rejectionOf(
      service.recordChecklistAnswer(ctx, { itemId: '2-1', answer: 'yes', targetDate: '2026-09-30', note: '確認済み。' }),
      'validation',
    );
    expect(bad.issues[0]).toMatchObject({ field: 'targetDate', message: { ja: '目標日は「いいえ」のときだけ記入します。' } });
    const unknown = await rejectionOf(
      service.recordChecklistAnswer(ctx, { itemId: '9-9', answer: 'yes', note: '確認済み。' }),
      'validation',
    );
    expect(unknown.issues[0]).toMatchObject({ field: 'itemId', message: { en: 'The checklist has no item 9-9.' } });
  });

  it('lets the security office correct the mapping, keeping who changed what on the ledger', async () => {
    const ctx = db().ctx(director);
    const before = await auditSize(db().handle);
    await service.correctChecklistMapping(ctx, {
      itemId: '3-1',
      clauseIds: ['3.1'],
      note: '連絡体制図の項目は最高情報統括責任者の配置のみで判定する（試験）。',
    });
    expect(await auditEntries(db().handle, before)).toMatchObject([
      {
        kind: 'policy.checklist.remapped',
        subject: 'checklistItem:mhlw-checklist-r7.3-1',
        payload: { from: ['3.2.6', '8.3.2.a'], to: ['3.1'] },
      },
    ]);
    const item = (await service.getChecklist(ctx, {})).items.find((i) => i.id === '3-1');
    expect(item).toMatchObject({ mappingSource: 'corrected', answer: 'yes', clauses: [{ id: '3.1' }] });
    const error = await rejectionOf(
      service.correctChecklistMapping(ctx, { itemId: '3-1', clauseIds: ['3.1', '3.2'], note: '見出しを指定した例。' }),
      'validation',
    );
    expect(error.issues).toEqual([
      {
        field: 'clauseIds.1',
        message: {
          ja: '条項 3.2 は対策基準の条文（見出し・定義以外）ではありません。',
          en: 'clause 3.2 is a heading, not a provision.',
        },
      },
    ]);
  });

  it('exports the inspector\'s checklist as PDF and Excel, with answers and dates in 和暦', async () => {
    const ctx = db().ctx(director);
    const view = await service.getChecklist(ctx, {});
    const options = { hospitalName: { ja: 'テスト病院', en: 'Test Hospital' }, printedAt: new Date('2026-04-01T03:00:00Z') };
    const text = await pdfText(await renderChecklistPdf(view, options));
    expect(text).toContain('医療機関におけるサイバーセキュリティ対策チェックリスト（令和7年度版）');
    expect(text).toContain('医療機関名: テスト病院');
    expect(text).toContain('医療情報システム安全管理責任者を設置している。');
    expect(text).toContain('令和8年3月30日');
    expect(text).toContain('令和8年9月30日');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderChecklistXlsx(view, options)) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('チェックリスト');
    const rows = (sheet?.getSheetValues() ?? []).filter(Array.isArray) as unknown[][];
    const row = rows.find((r) => r[1] === '1-1');
    expect(row?.slice(1, 8)).toEqual([
      '1-1',
      '体制構築',
      '① 医療情報システム安全管理責任者を設置している。',
      '',
      'はい',
      '令和8年4月1日',
      '',
    ]);
  });
});
