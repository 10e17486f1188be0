import {
  createPdf,
  drawTable,
  formatEraDate,
  formatJapanTime,
  heading,
  paragraph,
  pdfFonts,
  type PdfCell,
} from '../../../kernel/index.js';
import { complianceStatuses } from '../compliance.model.js';
import type { ClauseResult } from '../evaluate-compliance.js';
import {
  signatureLines,
  statusColor,
  statusLabelJa,
  statusMark,
  type ComplianceReport,
} from './report-data.js';

/**
 * The compliance report as a Japanese PDF (A4): the summary, the signature block with the ledger checkpoint it was
 * computed at, every provision chapter by chapter with its status and reason, and the units by clause.
 */

const chapterOf = (id: string): string => (id === 'suppl' ? 'suppl' : (id.split('.')[0] ?? id));

const clauseText = (report: ComplianceReport, id: string): string => {
  const clause = report.setup.pack.byId.get(id);
  const words = clause?.text ?? clause?.title ?? '';
  return words.length > 48 ? `${words.slice(0, 48)}…` : words;
};

const row = (report: ComplianceReport, c: ClauseResult): PdfCell[] => [
  { text: report.setup.pack.byId.get(c.clauseId)?.displayId ?? c.clauseId, bold: true },
  { text: clauseText(report, c.clauseId) },
  { text: statusLabelJa(c.status), color: statusColor[c.status], bold: true },
  { text: c.reason.ja },
  { text: String(c.evidenceCount) },
];

export const renderComplianceReportPdf = async (report: ComplianceReport): Promise<Buffer> => {
  const { evaluation, setup } = report;
  const title = '情報セキュリティ対策基準 遵守状況報告書';
  const pdf = createPdf({
    title: `${title} ${evaluation.asOf}`,
    author: report.hospitalName.ja,
    subject: setup.pack.manifest.title,
    creationDate: report.printedAt,
  });
  const { doc } = pdf;
  const { left, width } = pdf.area();
  doc.font(pdfFonts.bold).fontSize(17).text(title, left, pdf.area().top, { width });
  doc.font(pdfFonts.regular).fontSize(8).fillColor('#555555');
  doc.text(`出力: ${formatJapanTime(report.printedAt)}`, left, pdf.area().top + 4, { width, align: 'right' });
  doc.fillColor('black').moveDown(1.2);
  doc.font(pdfFonts.bold).fontSize(12).text(report.hospitalName.ja, left, doc.y, { width });
  paragraph(pdf, `基準日: ${formatEraDate(evaluation.asOf)}\u3000対象: ${setup.pack.manifest.title}（${evaluation.pack.name} ${evaluation.pack.version}）`, 10);
  doc.moveDown(0.6);

  heading(pdf, '1. 概要');
  const total = evaluation.clauses.length;
  drawTable(
    pdf,
    [
      { header: '状況', share: 2 },
      { header: '条項数', share: 1, align: 'right' },
      { header: '割合', share: 1, align: 'right' },
    ],
    [
      ...complianceStatuses.map((s): PdfCell[] => [
        { text: statusLabelJa(s), color: statusColor[s], bold: true },
        { text: String(evaluation.counts[s]) },
        { text: total === 0 ? '-' : `${((evaluation.counts[s] / total) * 100).toFixed(1)}%` },
      ]),
      [{ text: '評価対象の条項（見出し・定義等を除く）', bold: true }, { text: String(total), bold: true }, { text: '100%' }],
    ],
    10,
  );
  paragraph(
    pdf,
    '「評価不能」は、その条項の根拠を記録するモジュールがまだないか、自動評価がまだ実装されていないことを示します（理由欄に記載）。「適用除外」は、理由を付して記録されたものです。',
    8.5,
    '#444444',
  );
  doc.moveDown(0.6);

  heading(pdf, '2. 署名（台帳チェックポイント）');
  for (const line of signatureLines(report)) paragraph(pdf, line, 8.5);
  if (report.checkpoint !== null) {
    doc.moveDown(0.3);
    paragraph(pdf, '署名済みチェックポイント（C2SP signed note、原文）:', 8.5);
    paragraph(pdf, report.checkpoint.note.trimEnd(), 7.5, '#333333');
    paragraph(
      pdf,
      '監査人は公開鍵でこの署名を検証し（mamori ledger verify、または同梱の検証プログラム）、評価結果のSHA-256をその日の遵守状況スナップショットの台帳記録と照合できます。',
      8,
      '#444444',
    );
  }
  doc.moveDown(0.6);

  heading(pdf, '3. 条項別の状況');
  const chapters = [...new Set(evaluation.clauses.map((c) => chapterOf(c.clauseId)))];
  for (const chapter of chapters) {
    const head = setup.pack.byId.get(chapter);
    heading(pdf, `${head?.displayId ?? chapter}\u3000${head?.title ?? ''}`, 10.5);
    drawTable(
      pdf,
      [
        { header: '条項', share: 1.3 },
        { header: '本文（抜粋）', share: 3.2 },
        { header: '状況', share: 1 },
        { header: '理由', share: 4.2 },
        { header: '根拠', share: 0.6, align: 'right' },
      ],
      evaluation.clauses.filter((c) => chapterOf(c.clauseId) === chapter).map((c) => row(report, c)),
    );
  }

  const perUnit = evaluation.clauses.filter((c) => c.units.length > 0);
  if (perUnit.length > 0) {
    doc.addPage();
    heading(pdf, '4. 部署別の状況');
    paragraph(pdf, `○ 適合\u3000△ 一部適合\u3000× 不適合\u3000− 評価不能\u3000除 適用除外\u3000空欄: 対象外`, 8.5, '#444444');
    const units = evaluation.units.filter((u) => perUnit.some((c) => c.units.some((x) => x.unitId === u.id)));
    const status = new Map(perUnit.map((c) => [c.clauseId, new Map(c.units.map((u) => [u.unitId, u.status]))]));
    drawTable(
      pdf,
      [
        { header: '部署', share: 3 },
        ...perUnit.map((c) => ({
          header: setup.pack.byId.get(c.clauseId)?.displayId.replace(/^第/, '') ?? c.clauseId,
          share: 1,
          align: 'center' as const,
        })),
      ],
      units.map((u): PdfCell[] => [
        { text: u.nameJa },
        ...perUnit.map((c): PdfCell => {
          const s = status.get(c.clauseId)?.get(u.id);
          return s === undefined ? { text: '' } : { text: statusMark[s], color: statusColor[s], bold: true };
        }),
      ]),
      8,
    );
  }
  return pdf.finish({ left: title, right: report.hospitalName.ja });
};
