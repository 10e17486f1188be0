import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { issuesFromZod, type Bilingual, type FieldIssue } from '../../kernel/index.js';
import {
  cellForFile,
  cellFromExcel,
  cleanText,
  columnLetter,
  columnWidth,
  guardFormula,
  orgColumnByHeader,
  orgColumns,
  orgSheetByName,
  orgSheetColumns,
  readOrgCell,
  unguardFormula,
  type OrgColumn,
} from './org-columns.js';
import { orgRowSchemas, orgSheets, type OrgData, type OrgSheet } from './org.schema.js';

export type OrgFileFormat = 'csv' | 'xlsx';

/** A cell as read: trimmed text or a number; blank cells are left out. */
export type OrgCell = string | number;

export interface ParsedOrgRow {
  /** The row number as the user sees it in Excel: the header is row 1, the first data row is row 2. */
  readonly row: number;
  /** Cells by field key (e.g. `employeeNumber`). */
  readonly values: Readonly<Record<string, OrgCell>>;
}

export interface ParsedOrgSheet {
  readonly sheet: OrgSheet;
  /** The worksheet name as written in the file (for CSV, the Japanese sheet name). */
  readonly name: string;
  /** The field keys of the columns found in the header row. */
  readonly columns: readonly string[];
  readonly rows: readonly ParsedOrgRow[];
}

export interface ParsedOrgFile {
  readonly format: OrgFileFormat;
  /** Only the sheets present in the file: an absent sheet is not an empty one. */
  readonly sheets: Partial<Record<OrgSheet, ParsedOrgSheet>>;
  /** Problems with the file, its worksheets or its header rows. */
  readonly issues: readonly FieldIssue[];
}

type Cell = OrgCell | undefined;
interface RawTable {
  readonly header: readonly Cell[];
  readonly rows: readonly { readonly row: number; readonly cells: readonly Cell[] }[];
}

const issue = (field: string, message: Bilingual, row?: number): FieldIssue =>
  row === undefined ? { field, message } : { field, message, row };

// ---------------------------------------------------------------------------------------------------------------
// Header row and records (shared by CSV and xlsx)

const readTable = (sheet: OrgSheet, name: string, table: RawTable, issues: FieldIssue[]): ParsedOrgSheet => {
  const spec = orgColumns[sheet];
  const byIndex: (OrgColumn | undefined)[] = [];
  const found = new Map<string, number>();
  const width = table.rows.reduce((w, r) => Math.max(w, r.cells.length), table.header.length);

  const onHeader = (field: string, ja: string, en: string): void => {
    issues.push({ field, row: 1, message: { ja: `${spec.ja}: ${ja}`, en: `${spec.en}: ${en}` } });
  };

  for (let i = 0; i < width; i++) {
    const header = table.header[i];
    const letter = columnLetter(i);
    if (header === undefined) {
      if (table.rows.some((r) => r.cells[i] !== undefined)) {
        onHeader(
          sheet,
          `見出しのない列（${letter}列）に値があります。`,
          `column ${letter} has values but no header.`,
        );
      }
      continue;
    }
    const text = String(header);
    const column = orgColumnByHeader(sheet, text);
    if (column === undefined) {
      onHeader(
        `${sheet}.${text}`,
        `不明な列です（${letter}列「${text}」）。`,
        `unknown column ${letter} "${text}".`,
      );
      continue;
    }
    const earlier = found.get(column.key);
    if (earlier !== undefined) {
      const first = columnLetter(earlier);
      onHeader(
        `${sheet}.${column.key}`,
        `列「${column.ja}」が重複しています（${first}列と${letter}列）。`,
        `column "${column.en}" appears twice (columns ${first} and ${letter}).`,
      );
      continue;
    }
    found.set(column.key, i);
    byIndex[i] = column;
  }

  for (const column of spec.columns) {
    if (column.required && !found.has(column.key)) {
      onHeader(
        `${sheet}.${column.key}`,
        `必須の列「${column.ja}」がありません。`,
        `the required column "${column.en}" is missing.`,
      );
    }
  }

  const rows: ParsedOrgRow[] = [];
  for (const { row, cells } of table.rows) {
    if (cells.every((c) => c === undefined)) continue; // blank rows, e.g. trailing ones Excel keeps
    const values: Record<string, OrgCell> = {};
    byIndex.forEach((column, i) => {
      const value = column === undefined ? undefined : readOrgCell(column.kind, cells[i]);
      if (column !== undefined && value !== undefined) values[column.key] = value;
    });
    rows.push({ row, values });
  }
  return { sheet, name, columns: [...found.keys()], rows };
};

// ---------------------------------------------------------------------------------------------------------------
// CSV

/** UTF-8 (with or without BOM), or Shift_JIS (CP932) as Japanese Excel saves CSV. */
const decodeCsv = (content: Buffer): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return new TextDecoder('shift_jis').decode(content);
  }
};

const tableFromCsv = (content: Buffer): RawTable => {
  const records: string[][] = parse(decodeCsv(content), { bom: true, relax_column_count: true });
  const cells = (record: readonly string[]): Cell[] => record.map((s) => cleanText(unguardFormula(s.trim())));
  const [header = [], ...rest] = records;
  return { header: cells(header), rows: rest.map((record, i) => ({ row: i + 2, cells: cells(record) })) };
};

// ---------------------------------------------------------------------------------------------------------------
// xlsx

const tableFromWorksheet = (worksheet: ExcelJS.Worksheet): RawTable => {
  let header: Cell[] = [];
  const rows: { row: number; cells: Cell[] }[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      cells[colNumber - 1] = cellFromExcel(cell.value);
    });
    const dense = Array.from(cells, (c) => c);
    if (rowNumber === 1) header = dense;
    else rows.push({ row: rowNumber, cells: dense });
  });
  return { header, rows };
};

// ---------------------------------------------------------------------------------------------------------------
// Reading

const messages = {
  noSheet: {
    ja: 'CSVファイルはどのシート（部署・職位・職員・役割・委任・代理）かを指定してください。',
    en: 'Say which sheet the CSV file holds (units, positions, staff, assignments or delegations).',
  },
  badCsv: {
    ja: 'CSVファイルを読み取れません。引用符（"）の対応などを確認してください。',
    en: 'The CSV file cannot be read. Check its quotation marks (").',
  },
  badXlsx: {
    ja: 'Excelファイル（.xlsx）として読み取れません。',
    en: 'The file cannot be read as an Excel workbook (.xlsx).',
  },
  noWorksheet: {
    ja: `対象のシートがありません。シート名は ${orgSheets.map((s) => orgColumns[s].ja).join('・')} としてください。`,
    en: `No sheet to read. Name the sheets ${orgSheets.join(', ')} (or in Japanese).`,
  },
} as const satisfies Record<string, Bilingual>;

/** Read an organisation file into raw records with their row numbers; nothing is validated beyond the headers. */
export const readOrgFile = async (input: {
  format: OrgFileFormat;
  content: Buffer;
  sheet?: OrgSheet;
}): Promise<ParsedOrgFile> => {
  const issues: FieldIssue[] = [];
  const sheets: Partial<Record<OrgSheet, ParsedOrgSheet>> = {};
  if (input.format === 'csv') {
    if (input.sheet === undefined)
      return { format: 'csv', sheets, issues: [issue('sheet', messages.noSheet)] };
    let table: RawTable;
    try {
      table = tableFromCsv(input.content);
    } catch {
      return { format: 'csv', sheets, issues: [issue('file', messages.badCsv)] };
    }
    sheets[input.sheet] = readTable(input.sheet, orgColumns[input.sheet].ja, table, issues);
    return { format: 'csv', sheets, issues };
  }

  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own ArrayBuffer-like `Buffer`; at run time it takes a Node Buffer.
    await workbook.xlsx.load(input.content as unknown as ExcelJS.Buffer);
  } catch {
    return { format: 'xlsx', sheets, issues: [issue('file', messages.badXlsx)] };
  }
  for (const worksheet of workbook.worksheets) {
    const sheet = orgSheetByName(worksheet.name);
    if (sheet === undefined || (input.sheet !== undefined && sheet !== input.sheet)) continue;
    const earlier = sheets[sheet];
    if (earlier !== undefined) {
      issues.push(
        issue(sheet, {
          ja: `シート「${orgColumns[sheet].ja}」が重複しています（「${earlier.name}」と「${worksheet.name}」）。`,
          en: `The ${orgColumns[sheet].en} sheet appears twice ("${earlier.name}" and "${worksheet.name}").`,
        }),
      );
      continue;
    }
    sheets[sheet] = readTable(sheet, worksheet.name, tableFromWorksheet(worksheet), issues);
  }
  if (Object.keys(sheets).length === 0) issues.push(issue('file', messages.noWorksheet));
  return { format: 'xlsx', sheets, issues };
};

// ---------------------------------------------------------------------------------------------------------------
// Validation

const requiredMessage: Bilingual = { ja: '必須項目です。', en: 'This field is required.' };

/** Zod issues for one row; a blank cell is reported as required (not as "expected number"). */
const rowIssues = (
  sheet: OrgSheet,
  row: number,
  values: Readonly<Record<string, OrgCell>>,
  error: z.ZodError,
) =>
  error.issues.flatMap((zodIssue): FieldIssue[] => {
    const key = zodIssue.path[0];
    const blank = typeof key === 'string' && zodIssue.path.length === 1 && !(key in values);
    if (zodIssue.code === 'invalid_type' && blank) {
      return [issue(`${sheet}.${key}`, requiredMessage, row)];
    }
    return issuesFromZod(new z.ZodError([zodIssue]), { prefix: sheet, row });
  });

const validateSheet = <T>(
  sheet: OrgSheet,
  schema: z.ZodType<T>,
  parsed: ParsedOrgFile,
  issues: FieldIssue[],
  rowNumbers: Partial<Record<OrgSheet, number[]>>,
): T[] => {
  const table = parsed.sheets[sheet];
  if (table === undefined) return [];
  const spec = orgColumns[sheet];
  const columns = orgSheetColumns(sheet);
  // Missing required columns were reported once on the header row; do not repeat them on every row.
  const silenced = new Set(
    columns.filter((c) => c.required && !table.columns.includes(c.key)).map((c) => `${sheet}.${c.key}`),
  );
  const uniqueKey: string | undefined = spec.uniqueKey;
  const uniqueColumn = columns.find((c) => c.key === uniqueKey);
  const firstRow = new Map<string, number>();
  const out: T[] = [];
  const numbers: number[] = [];
  rowNumbers[sheet] = numbers;

  for (const { row, values } of table.rows) {
    const found: FieldIssue[] = [];
    // reportInput lets the kernel tell a wrong value from a missing one.
    const result = schema.safeParse(values, { reportInput: true });
    if (!result.success)
      found.push(...rowIssues(sheet, row, values, result.error).filter((i) => !silenced.has(i.field)));
    const keyValue = uniqueColumn === undefined ? undefined : values[uniqueColumn.key];
    if (uniqueColumn !== undefined && keyValue !== undefined) {
      const k = String(keyValue);
      const first = firstRow.get(k);
      if (first === undefined) firstRow.set(k, row);
      else {
        found.push(
          issue(
            `${sheet}.${uniqueColumn.key}`,
            {
              ja: `${uniqueColumn.ja}「${k}」が重複しています（${first}行目と同じです）。`,
              en: `Duplicate ${uniqueColumn.en.toLowerCase()} "${k}" (same as row ${first}).`,
            },
            row,
          ),
        );
      }
    }
    issues.push(...found);
    if (result.success && found.length === 0) {
      out.push(result.data);
      numbers.push(row);
    }
  }
  return out;
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
export const writeOrgCsv = (sheet: OrgSheet, rows: readonly Record<string, unknown>[]): string => {
  const columns = orgSheetColumns(sheet);
  const records = rows.map((r) =>
    columns.map((c) => {
      const v = cellForFile(r[c.key]);
      return v === null ? '' : typeof v === 'number' ? String(v) : guardFormula(v);
    }),
  );
  // Quote cells with line breaks, which csv-stringify leaves bare when records end in CRLF.
  const options = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;
  return `\uFEFF${stringify([columns.map((c) => c.ja), ...records], options)}`;
};
