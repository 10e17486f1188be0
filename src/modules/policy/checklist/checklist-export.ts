import ExcelJS from 'exceljs';
import {
  createPdf,
  drawTable,
  formatEraDate,
  formatJapanTime,
  heading,
  paragraph,
  pdfFonts,
  type Bilingual,
  type PdfCell,
} from '../../../kernel/index.js';
import type { ChecklistAnswerCode, ChecklistItemView, ChecklistView } from '../../../shared/api-types.js';
import { statusNames } from '../compliance.model.js';

/** The inspector's checklist (立入検査用): PDF and Excel in the form's order, with answers and 確認日 filled in. */

export const answerJa: Readonly<Record<ChecklistAnswerCode, string>> = {
  yes: 'はい',
  no: 'いいえ',
  unknown: '要確認',
};
const answerColor: Readonly<Record<ChecklistAnswerCode, string>> = {
  yes: '#2b8a3e',
  no: '#c92a2a',
  unknown: '#5c5f66',
};

const era = (date: string | null): string => (date === null ? '' : formatEraDate(date));
const basis = (item: ChecklistItemView): string =>
  item.clauses.length === 0
    ? '（対応条項なし）'
    : item.clauses.map((c) => `${c.displayId}: ${statusNames[c.status].ja}`).join('\n');
const itemText = (item: ChecklistItemView): string =>
  `${item.number === '' ? '' : `${item.number} `}${item.text.ja}${item.scope.length > 0 ? `（${item.scope.join('・')}）` : ''}${item.wording === 'reconstructed' ? ' *' : ''}`;

export interface ChecklistExportOptions {
  readonly hospitalName: Bilingual;
  readonly printedAt: Date;
}

export const renderChecklistPdf = async (view: ChecklistView, options: ChecklistExportOptions): Promise<Buffer> => {
  const title = `${view.title} ${view.form}`;
  const pdf = createPdf({ title, author: options.hospitalName.ja, layout: 'landscape', creationDate: options.printedAt });
  const { doc } = pdf;
  const { left, width, top } = pdf.area();
  doc.font(pdfFonts.bold).fontSize(15).text(view.title, left, top, { width });
  doc.font(pdfFonts.regular).fontSize(8).fillColor('#555555');
  doc.text(`出力: ${formatJapanTime(options.printedAt)}`, left, top + 4, { width, align: 'right' });
  doc.fillColor('black').moveDown(0.8);
  paragraph(pdf, `【${view.form}】\u3000医療機関名: ${options.hospitalName.ja}\u3000基準日: ${formatEraDate(view.asOf)}`, 10.5);
  paragraph(
    pdf,
    `はい ${String(view.counts.yes)}件\u3000いいえ ${String(view.counts.no)}件\u3000要確認 ${String(view.counts.unknown)}件。回答と確認日は守り（Mamori）の記録から算出したもの、または病院が記録したものです。`,
    8.5,
    '#444444',
  );
  doc.moveDown(0.4);
  for (const section of view.sections) {
    const items = view.items.filter((i) => i.section === section.id);
    if (items.length === 0) continue;
    heading(pdf, `${section.id === '0' ? '' : `${section.id} `}${section.title.ja}`, 11);
    drawTable(
      pdf,
      [
        { header: '項目', share: 0.6 },
        { header: 'チェック項目', share: 5 },
        { header: '回答', share: 0.8, align: 'center' },
        { header: '確認日', share: 1.4 },
        { header: '目標日', share: 1.3 },
        { header: '根拠（対策基準の条項と状況）', share: 2.6 },
        { header: '判定の理由', share: 3 },
      ],
      items.map((item): PdfCell[] => [
        { text: item.id },
        { text: itemText(item) },
        { text: answerJa[item.answer], bold: true, color: answerColor[item.answer] },
        { text: era(item.confirmedOn) },
        { text: era(item.targetDate) },
        { text: basis(item) },
        { text: item.reason.ja },
      ]),
      8,
    );
  }
  heading(pdf, 'この版について', 10);
  paragraph(pdf, `${view.edition.eraJa}版（${view.edition.publisher}、${view.edition.published}公表）。${view.edition.established.ja}`, 8);
  paragraph(pdf, '* 印の項目は、文言を令和6年度版と変更点の説明から再構成しています。公表版の原本と照合してください。', 8);
  return pdf.finish({ left: title, right: options.hospitalName.ja });
};

export const renderChecklistXlsx = async (view: ChecklistView, options: ChecklistExportOptions): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  book.creator = 'Mamori';
  book.created = options.printedAt;
  const sheet = book.addWorksheet('チェックリスト');
  sheet.addRow([`${view.title}（${view.form}）`]).font = { bold: true, size: 13 };
  sheet.addRow([`医療機関名: ${options.hospitalName.ja}`, '', `基準日: ${formatEraDate(view.asOf)}`]);
  sheet.addRow([]);
  const header = sheet.addRow([
    '項目',
    '区分',
    'チェック項目',
    '対象',
    '回答',
    '確認日',
    '目標日',
    '根拠（対策基準の条項と状況）',
    '判定の理由',
    '回答の出所',
    '文言',
  ]);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  });
  const sectionTitle = new Map(view.sections.map((s) => [s.id, s.title.ja]));
  for (const item of view.items) {
    const r = sheet.addRow([
      item.id,
      sectionTitle.get(item.section) ?? item.section,
      `${item.number === '' ? '' : `${item.number} `}${item.text.ja}`,
      item.scope.join('・'),
      answerJa[item.answer],
      era(item.confirmedOn),
      era(item.targetDate),
      basis(item),
      item.reason.ja,
      item.answerSource === 'computed' ? '記録から算出' : item.answerSource === 'recorded' ? '病院が記録' : '未回答',
      item.wording === 'confirmed' ? '原文確認済み' : '再構成（要照合）',
    ]);
    r.getCell(5).font = { bold: true, color: { argb: `FF${answerColor[item.answer].slice(1).toUpperCase()}` } };
    for (const n of [3, 8, 9]) r.getCell(n).alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.columns.forEach((col, i) => {
    col.width = [8, 22, 60, 20, 8, 16, 16, 34, 50, 14, 16][i] ?? 12;
  });
  sheet.views = [{ state: 'frozen', ySplit: 4 }];
  const about = book.addWorksheet('この版について');
  about.columns = [{ width: 120 }];
  about.addRow([`${view.title}（${view.edition.publisher}、${view.edition.published}公表）`]).font = { bold: true };
  about.addRow([view.edition.established.ja]).alignment = { wrapText: true };
  about.addRow([view.edition.established.en]).alignment = { wrapText: true };
  return Buffer.from(await book.xlsx.writeBuffer());
};
