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
  guardFormula,
  normalizeHeader,
  readOrgCell,
  unguardFormula,
  type OrgColumn,
} from './org-columns.js';

/**
 * Reading the spreadsheets offices send (CSV or Excel), for any set of sheets: header rows matched by key,
 * Japanese or English name, cells read as their column's kind, every row kept with the number Excel shows, and
 * each row checked against its schema with issues named `sheet.field` and the row. The organisation file
 * (org-file.ts) and the personnel office's file (identity) both read through here.
 */

export type TabularFormat = 'csv' | 'xlsx';

/** A cell as read: trimmed text or a number; blank cells are left out. */
export type TabularCell = string | number;

/** One sheet's layout: its names, ordered columns, and a key that must not repeat within the file. */
export interface SheetSpec<S extends string = string> {
  readonly sheet: S;
  /** Japanese worksheet name, written to files. */
  readonly ja: string;
  /** English name, for messages; the sheet key itself is accepted as a worksheet name too. */
  readonly en: string;
  readonly columns: readonly OrgColumn[];
  readonly uniqueKey?: string;
}

export interface ParsedRow {
  /** The row number as the user sees it in Excel: the header is row 1, the first data row is row 2. */
  readonly row: number;
  /** Cells by field key (e.g. `employeeNumber`). */
  readonly values: Readonly<Record<string, TabularCell>>;
}

export interface ParsedSheet<S extends string = string> {
  readonly sheet: S;
  /** The worksheet name as written in the file (for CSV, the Japanese sheet name). */
  readonly name: string;
  /** The field keys of the columns found in the header row. */
  readonly columns: readonly string[];
  readonly rows: readonly ParsedRow[];
}

export interface ParsedFile<S extends string = string> {
  readonly format: TabularFormat;
  /** Only the sheets present in the file: an absent sheet is not an empty one. */
  readonly sheets: Partial<Record<S, ParsedSheet<S>>>;
  /** Problems with the file, its worksheets or its header rows. */
  readonly issues: readonly FieldIssue[];
}

export type SheetSpecs<S extends string> = { readonly [K in S]: SheetSpec<K> };

type Cell = TabularCell | undefined;
interface RawTable {
  readonly header: readonly Cell[];
  readonly rows: readonly { readonly row: number; readonly cells: readonly Cell[] }[];
}

const issue = (field: string, message: Bilingual, row?: number): FieldIssue =>
  row === undefined ? { field, message } : { field, message, row };

/** Which column a header means: the field key, the Japanese header or the English header. */
export const columnByHeader = (spec: SheetSpec, header: string): OrgColumn | undefined => {
  const wanted = normalizeHeader(header);
  return spec.columns.find((c) => [c.key, c.ja, c.en].some((n) => normalizeHeader(n) === wanted));
};

/** Which sheet a worksheet name means: the sheet key, its Japanese name or its English name. */
export const sheetByName = <S extends string>(specs: SheetSpecs<S>, name: string): S | undefined => {
  const wanted = normalizeHeader(name);
  return (Object.keys(specs) as S[]).find((sheet) =>
    [sheet, specs[sheet].ja, specs[sheet].en].some((n) => normalizeHeader(n) === wanted),
  );
};

// ---------------------------------------------------------------------------------------------------------------
// Header row and records (shared by CSV and xlsx)

const readTable = <S extends string>(
  spec: SheetSpec<S>,
  name: string,
  table: RawTable,
  issues: FieldIssue[],
): ParsedSheet<S> => {
  const sheet = spec.sheet;
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
    const column = columnByHeader(spec, text);
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

  const rows: ParsedRow[] = [];
  for (const { row, cells } of table.rows) {
    if (cells.every((c) => c === undefined)) continue; // blank rows, e.g. trailing ones Excel keeps
    const values: Record<string, TabularCell> = {};
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

const fileMessages = {
  badCsv: {
    ja: 'CSVファイルを読み取れません。引用符（"）の対応などを確認してください。',
    en: 'The CSV file cannot be read. Check its quotation marks (").',
  },
  badXlsx: {
    ja: 'Excelファイル（.xlsx）として読み取れません。',
    en: 'The file cannot be read as an Excel workbook (.xlsx).',
  },
} as const satisfies Record<string, Bilingual>;

export interface ReadTabularOptions<S extends string> {
  /** A CSV file without a named sheet: say which sheet it holds. */
  readonly noSheet: Bilingual;
  /** A workbook with no worksheet of a known name. */
  readonly noWorksheet: Bilingual;
  /** A workbook with a single worksheet of another name (Sheet1) is read as this sheet. */
  readonly onlySheet?: S;
}

/** Read a CSV file (one sheet, named by the caller) or a workbook into raw records with their row numbers. */
export const readTabularFile = async <S extends string>(
  specs: SheetSpecs<S>,
  input: { format: TabularFormat; content: Buffer; sheet?: S | undefined },
  options: ReadTabularOptions<S>,
): Promise<ParsedFile<S>> => {
  const issues: FieldIssue[] = [];
  const sheets: Partial<Record<S, ParsedSheet<S>>> = {};
  if (input.format === 'csv') {
    const sheet = input.sheet ?? options.onlySheet;
    if (sheet === undefined) return { format: 'csv', sheets, issues: [issue('sheet', options.noSheet)] };
    let table: RawTable;
    try {
      table = tableFromCsv(input.content);
    } catch {
      return { format: 'csv', sheets, issues: [issue('file', fileMessages.badCsv)] };
    }
    sheets[sheet] = readTable(specs[sheet], specs[sheet].ja, table, issues);
    return { format: 'csv', sheets, issues };
  }

  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own ArrayBuffer-like `Buffer`; at run time it takes a Node Buffer.
    await workbook.xlsx.load(input.content as unknown as ExcelJS.Buffer);
  } catch {
    return { format: 'xlsx', sheets, issues: [issue('file', fileMessages.badXlsx)] };
  }
  const only = workbook.worksheets.length === 1 ? options.onlySheet : undefined;
  for (const worksheet of workbook.worksheets) {
    const sheet = sheetByName(specs, worksheet.name) ?? only;
    if (sheet === undefined || (input.sheet !== undefined && sheet !== input.sheet)) continue;
    const earlier = sheets[sheet];
    if (earlier !== undefined) {
      issues.push(
        issue(sheet, {
          ja: `シート「${specs[sheet].ja}」が重複しています（「${earlier.name}」と「${worksheet.name}」）。`,
          en: `The ${specs[sheet].en} sheet appears twice ("${earlier.name}" and "${worksheet.name}").`,
        }),
      );
      continue;
    }
    sheets[sheet] = readTable(specs[sheet], worksheet.name, tableFromWorksheet(worksheet), issues);
  }
  if (Object.keys(sheets).length === 0) issues.push(issue('file', options.noWorksheet));
  return { format: 'xlsx', sheets, issues };
};

// ---------------------------------------------------------------------------------------------------------------
// Validation

const requiredMessage: Bilingual = { ja: '必須項目です。', en: 'This field is required.' };

/** Zod issues for one row; a blank cell is reported as required (not as "expected number"). */
const rowIssues = (
  sheet: string,
  row: number,
  values: Readonly<Record<string, TabularCell>>,
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

/**
 * Check every row of one sheet against its schema. Issues (added to `issues`) carry the file row and the field
 * as `sheet.key`; a repeated unique key is an issue on the later row. Returns the good rows and their file rows.
 */
export const validateSheetRows = <S extends string, T>(
  spec: SheetSpec<S>,
  schema: z.ZodType<T>,
  parsed: ParsedFile<S>,
  issues: FieldIssue[],
): { rows: T[]; rowNumbers: number[] } => {
  const sheet = spec.sheet;
  const table = parsed.sheets[sheet];
  const out: T[] = [];
  const rowNumbers: number[] = [];
  if (table === undefined) return { rows: out, rowNumbers };
  // Missing required columns were reported once on the header row; do not repeat them on every row.
  const silenced = new Set(
    spec.columns.filter((c) => c.required && !table.columns.includes(c.key)).map((c) => `${sheet}.${c.key}`),
  );
  const uniqueColumn = spec.columns.find((c) => c.key === spec.uniqueKey);
  const firstRow = new Map<string, number>();

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
              ja: `${uniqueColumn.ja}「${k}」が重複しています（${String(first)}行目と同じです）。`,
              en: `Duplicate ${uniqueColumn.en.toLowerCase()} "${k}" (same as row ${String(first)}).`,
            },
            row,
          ),
        );
      }
    }
    issues.push(...found);
    if (result.success && found.length === 0) {
      out.push(result.data);
      rowNumbers.push(row);
    }
  }
  return { rows: out, rowNumbers };
};

// ---------------------------------------------------------------------------------------------------------------
// Writing

/** One sheet as CSV: UTF-8 with BOM (so Excel in Japan opens it as UTF-8), CRLF, Japanese headers. */
export const writeSheetCsv = (spec: SheetSpec, rows: readonly Record<string, unknown>[]): string => {
  const columns = spec.columns;
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
