import ExcelJS from 'exceljs';
import {
  calendarDate,
  createPdf,
  drawTable,
  formatEraDate,
  formatJapanTime,
  paragraph,
  pdfFonts,
  type Bilingual,
} from '../../kernel/index.js';

/** A register as a table: what the Excel sheets and the PDF print (Japanese headers, values as text). */
export interface RegisterSheet {
  readonly name: string;
  readonly columns: readonly { readonly header: string; readonly width: number }[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/** Sheets as a workbook: bold frozen header, filters, text format so codes and dates stay as typed. */
export const writeRegisterXlsx = async (
  sheets: readonly RegisterSheet[],
  printedAt: Date,
): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  book.creator = 'Mamori';
  book.created = printedAt;
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width, style: { numFmt: '@' } }));
    for (const row of sheet.rows) ws.addRow(row.map((v) => (v === null ? '' : v)));
    ws.getRow(1).eachCell((cell) => {
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    });
    ws.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1, column: Math.max(1, sheet.columns.length) },
    };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
};

/** One register as an A4 landscape PDF: title, hospital, 令和 date, the filters applied, the table. */
export const writeRegisterPdf = async (options: {
  readonly title: string;
  readonly hospitalName: Bilingual;
  readonly printedAt: Date;
  readonly timeZone: string;
  readonly conditions: string;
  readonly sheet: RegisterSheet;
}): Promise<Buffer> => {
  const pdf = createPdf({
    title: options.title,
    author: options.hospitalName.ja,
    layout: 'landscape',
    creationDate: options.printedAt,
  });
  const { doc } = pdf;
  doc
    .font(pdfFonts.bold)
    .fontSize(15)
    .text(options.title, pdf.area().left, doc.y, { width: pdf.area().width });
  paragraph(
    pdf,
    `${options.hospitalName.ja}\u3000出力日 ${formatEraDate(calendarDate(options.printedAt, options.timeZone))}（${formatJapanTime(options.printedAt, options.timeZone)}）\u3000${String(options.sheet.rows.length)}件`,
  );
  if (options.conditions !== '') paragraph(pdf, `条件: ${options.conditions}`, 8.5, '#555555');
  doc.moveDown(0.4);
  drawTable(
    pdf,
    options.sheet.columns.map((c) => ({ header: c.header, share: c.width })),
    options.sheet.rows.map((r) => r.map((v) => ({ text: v === null ? '' : String(v) }))),
    7.5,
  );
  if (options.sheet.rows.length === 0) paragraph(pdf, '該当する記録はありません。');
  return pdf.finish({ left: options.title, right: options.hospitalName.ja });
};
