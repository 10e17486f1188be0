/**
 * The decision record (決裁記録) as hospital paperwork prints it: the request (申請書) with its form, then the
 * 決裁欄 — one box per approver in route order with role, name, date in 令和 and the decision; a decision made
 * by a delegate or acting holder is marked 代決 with on whose behalf. A4 portrait, all Japanese.
 */
import type { ApprovalRequestView, ApprovalStepView, Bilingual } from '../../shared/api-types.js';
import { createPdf, pdfFonts, type PdfBuilder } from '../reports/index.js';
import { calendarDate, formatEraDate, formatJapanTime } from '../time/index.js';
import { decisionNames, roleName, statusNames } from './labels.js';

const BORDER = '#555555';
const MUTED = '#555555';
const HEAD_FILL = '#eeeeee';
const romans = ['', 'I', 'II', 'III', 'IV'];

export interface DecisionRecordOptions {
  readonly hospitalName: Bilingual;
  readonly printedAt: Date;
  readonly timeZone: string;
}

const era = (instant: string | null, timeZone: string): string =>
  instant === null ? '' : formatEraDate(calendarDate(new Date(instant), timeZone));

/** A form value as printed: option labels, classification I–IV, dates in 令和, はい/いいえ. */
const printed = (view: ApprovalRequestView, key: string): string => {
  const field = view.type.form.find((f) => f.key === key);
  const value = view.form[key];
  if (field === undefined || value === null || value === undefined || value === '') return '—';
  switch (field.type) {
    case 'enum':
      return field.options.find((o) => o.value === value)?.label.ja ?? String(value);
    case 'classification':
      return `重要性分類${romans[Number(value)] ?? String(value)}`;
    case 'date':
      return typeof value === 'string' ? formatEraDate(value) : String(value);
    case 'boolean':
      return value === true ? 'はい' : 'いいえ';
    case 'text':
    case 'longText':
    case 'number':
      return String(value);
  }
};

/** Label | value rows with borders; long values wrap and the row grows. */
const table = (pdf: PdfBuilder, rows: readonly (readonly [string, string])[], labelWidth = 130): void => {
  const { doc } = pdf;
  const { left, width } = pdf.area();
  const valueWidth = width - labelWidth;
  for (const [label, value] of rows) {
    doc.font(pdfFonts.regular).fontSize(9.5);
    const height = Math.max(20, doc.heightOfString(value, { width: valueWidth - 10 }) + 10);
    pdf.ensureSpace(height);
    const y = doc.y;
    doc.save().rect(left, y, labelWidth, height).fillAndStroke(HEAD_FILL, BORDER).restore();
    doc
      .save()
      .rect(left + labelWidth, y, valueWidth, height)
      .stroke(BORDER)
      .restore();
    doc
      .fillColor('black')
      .font(pdfFonts.bold)
      .fontSize(9)
      .text(label, left + 5, y + 5, { width: labelWidth - 10 });
    doc
      .font(pdfFonts.regular)
      .fontSize(9.5)
      .text(value, left + labelWidth + 5, y + 5, { width: valueWidth - 10 });
    doc.x = left;
    doc.y = y + height;
  }
};

const heading = (pdf: PdfBuilder, text: string): void => {
  pdf.ensureSpace(40);
  pdf.doc.moveDown(0.8);
  pdf.doc.font(pdfFonts.bold).fontSize(11).fillColor('black').text(text, pdf.area().left);
  pdf.doc.moveDown(0.3);
};

const seatText = (s: ApprovalStepView): string =>
  s.unitName === null ? roleName(s.role).ja : `${s.unitName.ja} ${roleName(s.role).ja}`;
/** In a seal box: the unit on its own line above the role. */
const seatLines = (s: ApprovalStepView): string =>
  s.unitName === null ? roleName(s.role).ja : `${s.unitName.ja}\n${roleName(s.role).ja}`;

/** The 決裁欄: a row of boxes, one per step (wrapping every five), like the seal boxes of a paper form. */
const approvalBoxes = (pdf: PdfBuilder, view: ApprovalRequestView, timeZone: string): void => {
  const { doc } = pdf;
  const { left, width } = pdf.area();
  const perRow = 5;
  const boxWidth = width / perRow;
  const headHeight = 34;
  const bodyHeight = 92;
  // Boxes stand side by side from the right, like the seal boxes of a paper form; every box of a row shares its top.
  let rowTop = doc.y;
  view.steps.forEach((step, i) => {
    const column = i % perRow;
    if (column === 0) {
      if (i > 0) doc.y = rowTop + headHeight + bodyHeight + 6;
      pdf.ensureSpace(headHeight + bodyHeight + 6);
      rowTop = doc.y;
    }
    const inRow = Math.min(perRow, view.steps.length - (i - column));
    const x = left + width - (inRow - column) * boxWidth;
    const y = rowTop;
    doc.save().rect(x, y, boxWidth, headHeight).fillAndStroke(HEAD_FILL, BORDER).restore();
    doc
      .save()
      .rect(x, y + headHeight, boxWidth, bodyHeight)
      .stroke(BORDER)
      .restore();
    doc
      .fillColor('black')
      .font(pdfFonts.bold)
      .fontSize(7.5)
      .text(seatLines(step), x + 3, y + 4, { width: boxWidth - 6, height: headHeight - 6, align: 'center' });
    const d = step.decision;
    const lines: [string, string][] =
      d === null
        ? [[step.status === 'skipped' ? '対象外' : step.status === 'cancelled' ? '—' : '未決', MUTED]]
        : [
            [decisionNames[d.decision]?.ja ?? d.decision, d.decision === 'rejected' ? '#a11d1d' : 'black'],
            [d.byName, 'black'],
            [era(d.at, timeZone), 'black'],
            ...(d.via === 'delegation' || d.via === 'acting'
              ? ([
                  [`代決（${d.onBehalfOfName ?? ''} ${d.via === 'delegation' ? '委任' : '代理'}）`, MUTED],
                ] as [string, string][])
              : []),
            ...(step.escalation !== null && d.asRole !== null && d.asRole !== step.role
              ? ([[`上位者 ${roleName(d.asRole).ja}`, MUTED]] as [string, string][])
              : []),
            ...(d.overrideReason === null
              ? []
              : ([['兼務の例外（第3 7）', '#a11d1d']] as [string, string][])),
          ];
    let ly = y + headHeight + 6;
    lines.forEach(([text, color], n) => {
      doc
        .font(n === 0 ? pdfFonts.bold : pdfFonts.regular)
        .fontSize(n === 0 ? 12 : 8)
        .fillColor(color)
        .text(text, x + 3, ly, { width: boxWidth - 6, align: 'center', height: 24, ellipsis: true });
      ly += n === 0 ? 20 : 13;
    });
  });
  doc.fillColor('black');
  doc.x = left;
  doc.y = rowTop + headHeight + bodyHeight + 4;
};

export const renderDecisionRecordPdf = async (
  view: ApprovalRequestView,
  options: DecisionRecordOptions,
): Promise<Buffer> => {
  const title = `${view.type.name.ja} 申請書・決裁記録`;
  const pdf = createPdf({
    title,
    author: options.hospitalName.ja,
    subject: view.refNo,
    creationDate: options.printedAt,
  });
  const { doc } = pdf;
  const { left, width } = pdf.area();
  doc.font(pdfFonts.regular).fontSize(8.5).fillColor(MUTED);
  doc.text(
    `申請番号 ${view.refNo}  出力 ${formatJapanTime(options.printedAt, options.timeZone)}`,
    left,
    doc.y,
    {
      width,
      align: 'right',
    },
  );
  doc
    .fillColor('black')
    .font(pdfFonts.bold)
    .fontSize(16)
    .text(title, left, doc.y + 6, { width, align: 'center' });
  doc.font(pdfFonts.regular).fontSize(9).text(options.hospitalName.ja, { width, align: 'center' });
  doc.moveDown(0.6);

  heading(pdf, '申請の内容');
  const status = statusNames[view.status]?.ja ?? view.status;
  table(pdf, [
    ['申請の種類', view.type.name.ja],
    [
      '根拠',
      `川口市医療センター情報セキュリティ対策基準 ${view.type.clauses.map((c) => c.display).join('、')}`,
    ],
    ['件名', view.title],
    ['申請者', `${view.applicant.name}（${view.applicant.unit.ja}）`],
    ...(view.preparer === null ? [] : ([['作成者', view.preparer.name]] as [string, string][])),
    [
      view.mode === 'postFacto' ? '実施日時' : '申請日',
      view.mode === 'postFacto'
        ? era(view.carriedOutAt, options.timeZone)
        : era(view.submittedAt, options.timeZone) || '（未提出）',
    ],
    ...(view.mode === 'postFacto'
      ? ([['報告日', era(view.reportedAt, options.timeZone) || '（未報告）']] as [string, string][])
      : []),
    ['状態', status],
  ]);
  heading(pdf, '記入事項');
  table(
    pdf,
    view.type.form.map((f) => [f.label.ja, printed(view, f.key)] as const),
  );

  heading(pdf, '決裁欄');
  approvalBoxes(pdf, view, options.timeZone);

  const remarks = view.steps.flatMap((s) => {
    const d = s.decision;
    if (d === null) return [];
    const out: string[] = [];
    if (d.comment !== null && d.comment !== '') out.push(`${seatText(s)}（${d.byName}）: ${d.comment}`);
    if (d.overrideReason !== null)
      out.push(`兼務の禁止の例外（第3 7(1) やむを得ない場合）— ${d.byName}: ${d.overrideReason}`);
    if (d.via === 'delegation' || d.via === 'acting')
      out.push(
        `${seatText(s)}: ${d.byName} が ${d.onBehalfOfName ?? ''} に代わり決裁（${d.via === 'delegation' ? '委任（第3 2(7)）' : '代理'}）`,
      );
    return out;
  });
  if (view.closedReason !== null && view.status !== 'approved') remarks.push(`理由: ${view.closedReason}`);
  if (remarks.length > 0) {
    heading(pdf, '意見・特記事項');
    doc.font(pdfFonts.regular).fontSize(9).fillColor('black');
    for (const r of remarks) {
      pdf.ensureSpace(16);
      doc.text(`・${r}`, left, doc.y, { width });
    }
  }
  pdf.ensureSpace(30);
  doc.moveDown(1);
  doc
    .font(pdfFonts.regular)
    .fontSize(7.5)
    .fillColor(MUTED)
    .text(
      `この記録の各決裁は監査ログ（第7 1(6)）の approvalRequest:${view.id} の記録と照合できます。`,
      left,
      doc.y,
      { width },
    );
  return pdf.finish({ left: title, right: options.hospitalName.ja });
};
