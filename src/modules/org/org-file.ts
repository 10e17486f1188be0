import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Bilingual, FieldIssue } from '../../kernel/index.js';
import { cellForFile, columnWidth, orgColumns, orgSheetColumns } from './org-columns.js';
import { orgRowSchemas, orgSheets, type OrgData, type OrgSheet } from './org.schema.js';
import {
  readTabularFile,
  validateSheetRows,
  writeSheetCsv,
  type ParsedFile,
  type ParsedRow,
  type ParsedSheet,
  type TabularCell,
  type TabularFormat,
} from './tabular-file.js';

export type OrgFileFormat = TabularFormat;

/** A cell as read: trimmed text or a number; blank cells are left out. */
export type OrgCell = TabularCell;
export type ParsedOrgRow = ParsedRow;
export type ParsedOrgSheet = ParsedSheet<OrgSheet>;
export type ParsedOrgFile = ParsedFile<OrgSheet>;

// ---------------------------------------------------------------------------------------------------------------
// Reading (the sheets, header rows and cells: tabular-file.ts)

const messages = {
  noSheet: {
    ja: 'CSVファイルはどのシート（部署・職位・職員・役割・委任・代理）かを指定してください。',
    en: 'Say which sheet the CSV file holds (units, positions, staff, assignments or delegations).',
  },
  noWorksheet: {
    ja: `対象のシートがありません。シート名は ${orgSheets.map((s) => orgColumns[s].ja).join('・')} としてください。`,
    en: `No sheet to read. Name the sheets ${orgSheets.join(', ')} (or in Japanese).`,
  },
} as const satisfies Record<string, Bilingual>;

/** Read an organisation file into raw records with their row numbers; nothing is validated beyond the headers. */
export const readOrgFile = (input: {
  format: OrgFileFormat;
  content: Buffer;
  sheet?: OrgSheet;
}): Promise<ParsedOrgFile> => readTabularFile(orgColumns, input, messages);

// ---------------------------------------------------------------------------------------------------------------
// Validation

const validateSheet = <T>(
  sheet: OrgSheet,
  schema: z.ZodType<T>,
  parsed: ParsedOrgFile,
  issues: FieldIssue[],
  rowNumbers: Partial<Record<OrgSheet, number[]>>,
): T[] => {
  if (parsed.sheets[sheet] === undefined) return [];
  const validated = validateSheetRows(orgColumns[sheet], schema, parsed, issues);
  rowNumbers[sheet] = validated.rowNumbers;
  return validated.rows;
};

/** The result of validation: good rows, every issue, and the file row of each good row (for the import's messages). */
export interface ValidatedOrgFile {
  readonly data: OrgData;
  readonly issues: FieldIssue[];
  /** For each sheet present in the file, the file row number of each entry of `data[sheet]`, in order. */
  readonly rowNumbers: Partial<Record<OrgSheet, number[]>>;
}

/**
 * Check every row against its schema. Issues carry the file row number and the field as `sheet.key`;
 * repeated unit codes, position codes and employee numbers are issues on the later row. References between
 * records (does a unit code exist) are left to the import, which also knows the database.
 */
export const validateOrgRows = (parsed: ParsedOrgFile): ValidatedOrgFile => {
  const issues: FieldIssue[] = [...parsed.issues];
  const rowNumbers: Partial<Record<OrgSheet, number[]>> = {};
  const data: OrgData = {
    units: validateSheet('units', orgRowSchemas.units, parsed, issues, rowNumbers),
    positions: validateSheet('positions', orgRowSchemas.positions, parsed, issues, rowNumbers),
    staff: validateSheet('staff', orgRowSchemas.staff, parsed, issues, rowNumbers),
    assignments: validateSheet('assignments', orgRowSchemas.assignments, parsed, issues, rowNumbers),
    delegations: validateSheet('delegations', orgRowSchemas.delegations, parsed, issues, rowNumbers),
  };
  return { data, issues, rowNumbers };
};
// ---------------------------------------------------------------------------------------------------------------
// Writing

/** The whole organisation as one workbook: a worksheet per sheet, Japanese names and headers, dates as text. */
export const writeOrgXlsx = async (data: OrgData): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mamori';
  for (const sheet of orgSheets) {
    const columns = orgSheetColumns(sheet);
    const rows: readonly Record<string, unknown>[] = data[sheet];
    const worksheet = workbook.addWorksheet(orgColumns[sheet].ja, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    // Text format ('@') keeps dates, codes and employee numbers such as 00123 as typed.
    worksheet.columns = columns.map((c) => ({
      header: c.ja,
      key: c.key,
      width: columnWidth(c, rows),
      style: c.kind === 'number' ? {} : { numFmt: '@' },
    }));
    for (const r of rows)
      worksheet.addRow(Object.fromEntries(columns.map((c) => [c.key, cellForFile(r[c.key])])));
    worksheet.getRow(1).eachCell((cell) => {
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    });
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

/** One sheet as CSV: UTF-8 with BOM (so Excel in Japan opens it as UTF-8), CRLF, Japanese headers. */
export const writeOrgCsv = (sheet: OrgSheet, rows: readonly Record<string, unknown>[]): string =>
  writeSheetCsv(orgColumns[sheet], rows);
