import { pdfFonts, type PdfBuilder } from './pdf.js';

/**
 * A simple ruled table for pdfkit that wraps text in each cell and repeats its header on every new page, with a
 * heading and a paragraph beside it: the building blocks of the registers and reports.
 */

export interface PdfColumn {
  readonly header: string;
  /** Share of the printable width. */
  readonly share: number;
  readonly align?: 'left' | 'center' | 'right';
}

export interface PdfCell {
  readonly text: string;
  readonly color?: string;
  readonly bold?: boolean;
  readonly fill?: string;
}

const PAD = 3;
const BORDER = '#9a9a9a';
const HEADER_FILL = '#e8eef4';
/** Longer cell text is cut: a row must fit on a page. */
const MAX_CELL = 700;

const cut = (text: string): string => (text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)}…` : text);

export const drawTable = (
  pdf: PdfBuilder,
  columns: readonly PdfColumn[],
  rows: readonly (readonly PdfCell[])[],
  fontSize = 8.5,
): void => {
  const { doc } = pdf;
  const total = columns.reduce((s, c) => s + c.share, 0);
  const widths = (): number[] => columns.map((c) => (pdf.area().width * c.share) / total);
  const heightOf = (cells: readonly PdfCell[], w: readonly number[]): number =>
    Math.max(
      fontSize * 1.4,
      ...cells.map((cell, i) => {
        doc.font(cell.bold === true ? pdfFonts.bold : pdfFonts.regular).fontSize(fontSize);
        return doc.heightOfString(cut(cell.text), { width: (w[i] ?? 20) - 2 * PAD });
      }),
    ) +
    2 * PAD;
  const drawRow = (cells: readonly PdfCell[], y: number, h: number, w: readonly number[]): void => {
    let x = pdf.area().left;
    cells.forEach((cell, i) => {
      const width = w[i] ?? 20;
      if (cell.fill !== undefined) doc.save().rect(x, y, width, h).fill(cell.fill).restore();
      doc.save().lineWidth(0.4).strokeColor(BORDER).rect(x, y, width, h).stroke().restore();
      doc
        .font(cell.bold === true ? pdfFonts.bold : pdfFonts.regular)
        .fontSize(fontSize)
        .fillColor(cell.color ?? 'black')
        .text(cut(cell.text), x + PAD, y + PAD, {
          width: width - 2 * PAD,
          height: h - PAD,
          align: columns[i]?.align ?? 'left',
        });
      x += width;
    });
    doc.fillColor('black');
  };
  const header: PdfCell[] = columns.map((c) => ({ text: c.header, bold: true, fill: HEADER_FILL }));
  let w = widths();
  const drawHeader = (): void => {
    const h = heightOf(header, w);
    drawRow(header, doc.y, h, w);
    doc.y += h;
  };
  pdf.ensureSpace(heightOf(header, w) * 2 + 4);
  drawHeader();
  for (const row of rows) {
    const h = heightOf(row, w);
    if (pdf.ensureSpace(h)) {
      w = widths();
      drawHeader();
    }
    drawRow(row, doc.y, h, w);
    doc.y += h;
  }
  doc.x = pdf.area().left;
  doc.moveDown(0.5);
};

/** A heading line, kept with at least a little of what follows. */
export const heading = (pdf: PdfBuilder, text: string, size = 12): void => {
  pdf.ensureSpace(size * 4);
  pdf.doc.font(pdfFonts.bold).fontSize(size).fillColor('black').text(text, pdf.area().left, pdf.doc.y, {
    width: pdf.area().width,
  });
  pdf.doc.moveDown(0.3);
};

export const paragraph = (pdf: PdfBuilder, text: string, size = 9, color = 'black'): void => {
  const { doc } = pdf;
  doc.font(pdfFonts.regular).fontSize(size);
  pdf.ensureSpace(doc.heightOfString(text, { width: pdf.area().width }) + 4);
  doc.fillColor(color).text(text, pdf.area().left, doc.y, { width: pdf.area().width });
  doc.fillColor('black');
};
