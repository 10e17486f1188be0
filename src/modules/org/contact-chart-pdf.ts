/**
 * The printed emergency contact chart of 第3 2(6) (連絡体制図): who to call, in order, when an incident happens.
 * A4 landscape, an indented tree of boxes (CISO → Director and delegate → Officers → Managers), then the vacancies.
 * A hospital prints it and pins it up, so it is all Japanese and every page repeats a small header.
 */
import {
  createPdf,
  formatJapaneseDate,
  formatJapanTime,
  pdfFonts,
  type PdfBuilder,
  type PdfDocument,
  type PdfTextOptions,
  type Role,
} from '../../kernel/index.js';
import type { ContactChart, ContactHolder, ContactNode } from './contact-chart.model.js';

const TITLE = '情報セキュリティ緊急連絡体制図';
const LEGAL_BASIS = '根拠: 川口市医療センター情報セキュリティ対策基準 第3 2(6)';
const DELEGATION_MARK = '委任（第3 2(7)）';
const ACTING_MARK = '代理';

const roleNamesJa: Partial<Record<Role, string>> = {
  ciso: '最高情報統括責任者',
  securityDirector: '統括情報セキュリティ責任者',
  securityOfficer: '情報セキュリティ責任者',
  securityManager: '情報セキュリティ管理者',
  securityStaff: '情報セキュリティ担当者',
};

/** The Japanese name of a role, as in the glossary. */
export const contactRoleNameJa = (role: Role): string => roleNamesJa[role] ?? role;

const roleFill: Partial<Record<Role, string>> = {
  ciso: '#d6e4f5',
  securityDirector: '#dcefdc',
  securityOfficer: '#f7ecd2',
  securityManager: '#ececec',
  securityStaff: '#f6f6f6',
};

const INDENT = 22;
const TREE_LINE_OFFSET = 9;
const CELL_PAD = 3;
const ROLE_WIDTH = 150;
const TAG_WIDTH = 60;
const BORDER = '#6b6b6b';
const MUTED = '#555555';
const ALERT = '#a11d1d';
const GAP = 5;

/** Text options that keep a string on one line (ellipsis) and never let pdfkit add a page by itself. */
const oneLine = (width: number, size: number): PdfTextOptions => ({
  width,
  height: size * 1.6,
  ellipsis: true,
});

interface Placed {
  readonly page: number;
  readonly x: number;
  readonly bottom: number;
}

interface Ctx {
  readonly pdf: PdfBuilder;
  readonly doc: PdfDocument;
  readonly chart: ContactChart;
  readonly asOf: string;
  page: number;
  /** Where content starts on the current page, below the header. */
  contentTop: number;
  y: number;
}

const runningHeader = (ctx: Ctx): void => {
  const { doc, pdf } = ctx;
  const { left, top, width } = pdf.area();
  doc.font(pdfFonts.regular).fontSize(8.5).fillColor(MUTED);
  doc.text(
    `${TITLE}（続き）  ${ctx.chart.hospitalName.ja}  基準日: ${ctx.asOf}`,
    left,
    top,
    oneLine(width, 8.5),
  );
  const ruleY = top + 14;
  doc
    .moveTo(left, ruleY)
    .lineTo(left + width, ruleY)
    .lineWidth(0.5)
    .strokeColor(BORDER)
    .stroke();
  ctx.contentTop = ruleY + 8;
  ctx.y = ctx.contentTop;
};

const newPage = (ctx: Ctx): void => {
  ctx.doc.addPage();
  ctx.page += 1;
  runningHeader(ctx);
};

/** Starts a new page unless `height` points fit below the cursor; returns true if it did. */
const ensure = (ctx: Ctx, height: number): boolean => {
  if (ctx.y + height <= ctx.pdf.area().bottom) return false;
  newPage(ctx);
  return true;
};

const firstPageHeader = (ctx: Ctx, printedAt: Date): void => {
  const { doc, pdf, chart } = ctx;
  const { left, top, width } = pdf.area();
  doc.font(pdfFonts.bold).fontSize(18).fillColor('black').text(TITLE, left, top, oneLine(width, 18));
  doc.font(pdfFonts.regular).fontSize(8).fillColor(MUTED);
  doc.text(`出力: ${formatJapanTime(printedAt)}`, left, top + 4, { ...oneLine(width, 8), align: 'right' });
  let y = top + 28;
  doc
    .font(pdfFonts.bold)
    .fontSize(12)
    .fillColor('black')
    .text(chart.hospitalName.ja, left, y, oneLine(width * 0.55, 12));
  doc.text(`基準日: ${ctx.asOf}`, left + width * 0.55, y, { ...oneLine(width * 0.45, 12), align: 'right' });
  y += 20;
  doc.font(pdfFonts.regular).fontSize(9).fillColor('black').text(LEGAL_BASIS, left, y, oneLine(width, 9));
  y += 14;
  doc.fontSize(8).fillColor(MUTED);
  const legend =
    `${ACTING_MARK}: 担当者の不在中、職務を代行する者  ` +
    `${DELEGATION_MARK}: 統括情報セキュリティ責任者から権限の委任を受けた者  ` +
    '上位の役割から順に線でつないでいます。';
  const legendHeight = doc.heightOfString(legend, { width });
  doc.text(legend, left, y, { width, height: legendHeight + 2 });
  y += legendHeight + 6;
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(0.8)
    .strokeColor(BORDER)
    .stroke();
  ctx.contentTop = y + 10;
  ctx.y = ctx.contentTop;
};

interface Cell {
  readonly text: string;
  readonly font: string;
  readonly size: number;
  readonly color: string;
}

/** Each column of a row is a list of cells stacked downwards. */
type Row = readonly (readonly Cell[])[];

const cell = (text: string, size: number, font: string = pdfFonts.regular, color = 'black'): Cell => ({
  text,
  font,
  size,
  color,
});

/** The role column: role name, then the unit (and 「続き」 when the box carries over to a new page). */
const roleCells = (node: ContactNode, continued: boolean): readonly Cell[] => {
  const cells = [cell(contactRoleNameJa(node.role), 9.5, pdfFonts.bold)];
  if (node.unit) cells.push(cell(node.unit.nameJa, 9));
  if (continued) cells.push(cell('（前ページから続き）', 7, pdfFonts.regular, MUTED));
  return cells;
};

/** 「内線 1234」 for an extension; a full number (048-…) is printed as it is. */
const phoneLabel = (phone: string): string => (/^[0-9０-９]{1,6}$/.test(phone) ? `内線 ${phone}` : phone);

/** The holder columns: [mark][name, kana][position][内線][e-mail]. */
const holderColumns = (holder: ContactHolder): Row => {
  const mark =
    holder.via === 'acting'
      ? [cell(ACTING_MARK, 9, pdfFonts.bold, ALERT)]
      : holder.via === 'delegation'
        ? [cell('委任', 9, pdfFonts.bold, ALERT), cell('（第3 2(7)）', 7, pdfFonts.regular, ALERT)]
        : [];
  return [
    mark,
    [cell(holder.nameKanji, 11, pdfFonts.bold), cell(holder.nameKana, 7, pdfFonts.regular, MUTED)],
    [holder.positionJa ? cell(holder.positionJa, 9) : cell('（役職なし）', 8, pdfFonts.regular, MUTED)],
    [holder.phone ? cell(phoneLabel(holder.phone), 9.5) : cell('電話 未登録', 8, pdfFonts.regular, MUTED)],
    [holder.email ? cell(holder.email, 8.5) : cell('メール 未登録', 8, pdfFonts.regular, MUTED)],
  ];
};

const vacantColumns: Row = [
  [cell('未配置', 9, pdfFonts.bold, ALERT)],
  [cell('（この役割を担う者がいません）', 9, pdfFonts.regular, ALERT)],
];

/** Column widths of a box: the role column, then the holder columns. */
const columnWidths = (boxWidth: number): readonly number[] => {
  const rest = boxWidth - ROLE_WIDTH - TAG_WIDTH;
  return [ROLE_WIDTH, TAG_WIDTH, rest * 0.28, rest * 0.23, rest * 0.17, rest * 0.32];
};

const cellHeight = (doc: PdfDocument, c: Cell, width: number): number =>
  doc.font(c.font).fontSize(c.size).heightOfString(c.text, { width });

const rowHeight = (doc: PdfDocument, row: Row, widths: readonly number[]): number => {
  let tallest = 0;
  row.forEach((cells, i) => {
    const width = (widths[i] ?? 0) - 2 * CELL_PAD;
    tallest = Math.max(
      tallest,
      cells.reduce((sum, c) => sum + cellHeight(doc, c, width) + 1, 0),
    );
  });
  return tallest + 2 * CELL_PAD;
};

/** Draws one row; the role column (index 0) is filled, and outlined by the caller per page segment. */
const drawRow = (
  ctx: Ctx,
  x: number,
  widths: readonly number[],
  row: Row,
  height: number,
  fill: string,
): void => {
  const { doc } = ctx;
  const roleWidth = widths[0] ?? 0;
  const boxWidth = widths.reduce((a, b) => a + b, 0);
  doc.rect(x, ctx.y, roleWidth, height).fill(fill);
  doc
    .rect(x + roleWidth, ctx.y, boxWidth - roleWidth, height)
    .lineWidth(0.6)
    .strokeColor(BORDER)
    .stroke();
  let cx = x;
  row.forEach((cells, i) => {
    const width = (widths[i] ?? 0) - 2 * CELL_PAD;
    let cy = ctx.y + CELL_PAD;
    for (const c of cells) {
      const h = cellHeight(doc, c, width);
      doc.fillColor(c.color).text(c.text, cx + CELL_PAD, cy, { width, height: h + 1 });
      cy += h + 1;
    }
    cx += widths[i] ?? 0;
  });
  ctx.y += height;
};

/** The tree line from the parent box (or the top of this page) to the left of this box's first row. */
const drawTreeLine = (ctx: Ctx, parent: Placed | null, x: number, toY: number): void => {
  if (!parent) return;
  const lineX = parent.x + TREE_LINE_OFFSET;
  const fromY = parent.page === ctx.page ? parent.bottom : ctx.contentTop - 4;
  ctx.doc.moveTo(lineX, fromY).lineTo(lineX, toY).lineTo(x, toY).lineWidth(1).strokeColor(BORDER).stroke();
};

/** A box per role: one row per holder, the role and unit in a shaded first column; then its children, indented. */
const drawNode = (ctx: Ctx, node: ContactNode, depth: number, parent: Placed | null): void => {
  const { doc } = ctx;
  const area = ctx.pdf.area();
  const x = area.left + depth * INDENT;
  const widths = columnWidths(area.width - depth * INDENT);
  const fill = roleFill[node.role] ?? '#f0f0f0';
  const holderRows = node.holders.length > 0 ? node.holders.map(holderColumns) : [vacantColumns];
  const rows = holderRows.map((columns, i): Row => [i === 0 ? roleCells(node, false) : [], ...columns]);
  const continuedRows = holderRows.map((columns): Row => [roleCells(node, true), ...columns]);
  const firstHeight = rows[0] ? rowHeight(doc, rows[0], widths) : 0;

  ensure(ctx, GAP + firstHeight);
  ctx.y += ctx.y === ctx.contentTop ? 0 : GAP;
  drawTreeLine(ctx, parent, x, ctx.y + Math.min(firstHeight, 24) / 2);
  let segmentTop = ctx.y;
  const outlineRoleColumn = (): void => {
    doc
      .rect(x, segmentTop, widths[0] ?? 0, ctx.y - segmentTop)
      .lineWidth(0.6)
      .strokeColor(BORDER)
      .stroke();
  };
  rows.forEach((row, i) => {
    let drawn = row;
    let height = rowHeight(doc, row, widths);
    if (i > 0 && ctx.y + height > area.bottom) {
      // The box carries over: close this page's part and repeat the role on the next page.
      outlineRoleColumn();
      newPage(ctx);
      segmentTop = ctx.y;
      drawn = continuedRows[i] ?? row;
      height = rowHeight(doc, drawn, widths);
    }
    drawRow(ctx, x, widths, drawn, height, fill);
  });
  outlineRoleColumn();
  const placed: Placed = { page: ctx.page, x, bottom: ctx.y };
  for (const child of node.children) drawNode(ctx, child, depth + 1, placed);
};

const drawVacancies = (ctx: Ctx): void => {
  const { doc, chart } = ctx;
  const { left, width } = ctx.pdf.area();
  ensure(ctx, 60);
  ctx.y += ctx.y === ctx.contentTop ? 0 : 16;
  doc
    .font(pdfFonts.bold)
    .fontSize(12)
    .fillColor('black')
    .text('未配置の役割', left, ctx.y, oneLine(width, 12));
  ctx.y += 18;
  if (chart.vacancies.length === 0) {
    doc
      .font(pdfFonts.regular)
      .fontSize(10)
      .fillColor('black')
      .text('なし', left + 8, ctx.y, oneLine(width, 10));
    ctx.y += 16;
    return;
  }
  doc.font(pdfFonts.regular).fontSize(8).fillColor(MUTED);
  doc.text('次の役割は基準日に担う者がいません。', left, ctx.y, oneLine(width, 8));
  ctx.y += 14;
  const roleWidth = 220;
  for (const vacancy of chart.vacancies) {
    const role = contactRoleNameJa(vacancy.role);
    const unit = vacancy.unitNameJa ?? '病院全体';
    doc.font(pdfFonts.regular).fontSize(10);
    const unitWidth = width - roleWidth - 16;
    const unitHeight = doc.heightOfString(unit, { width: unitWidth });
    const height = Math.max(unitHeight, 14) + 2 * CELL_PAD;
    if (ensure(ctx, height)) {
      doc
        .font(pdfFonts.bold)
        .fontSize(9)
        .fillColor('black')
        .text('未配置の役割（続き）', left, ctx.y, oneLine(width, 9));
      ctx.y += 14;
    }
    doc.rect(left, ctx.y, width, height).lineWidth(0.6).strokeColor(BORDER).stroke();
    doc
      .font(pdfFonts.bold)
      .fontSize(10)
      .fillColor(ALERT)
      .text(role, left + 8, ctx.y + CELL_PAD, oneLine(roleWidth, 10));
    doc.font(pdfFonts.regular).fontSize(10).fillColor('black');
    doc.text(unit, left + 8 + roleWidth, ctx.y + CELL_PAD, { width: unitWidth, height: unitHeight + 1 });
    ctx.y += height;
  }
};

export interface ContactChartPdfOptions {
  /** When the chart is printed (shown as 「出力」 and in the metadata); defaults to now. */
  readonly printedAt?: Date;
}

/** Renders the emergency contact chart of 第3 2(6) as an A4 landscape PDF. */
export const renderContactChartPdf = (
  chart: ContactChart,
  options: ContactChartPdfOptions = {},
): Promise<Buffer> => {
  const printedAt = options.printedAt ?? new Date();
  const asOf = formatJapaneseDate(chart.asOf);
  const pdf = createPdf({
    title: `${TITLE}（${chart.hospitalName.ja}）`,
    author: chart.hospitalName.ja,
    subject: `第3 2(6) 緊急連絡体制 基準日: ${asOf}`,
    size: 'A4',
    layout: 'landscape',
    creationDate: printedAt,
  });
  const ctx: Ctx = { pdf, doc: pdf.doc, chart, asOf, page: 0, contentTop: 0, y: 0 };
  firstPageHeader(ctx, printedAt);
  for (const root of chart.roots) drawNode(ctx, root, 0, null);
  drawVacancies(ctx);
  return pdf.finish({ left: `${TITLE}  基準日: ${asOf}`, right: chart.hospitalName.ja });
};
