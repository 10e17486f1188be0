import type { z } from 'zod';
import type { Bilingual } from '../../kernel/index.js';
import { orgSheets, type OrgSheet, type orgRowSchemas } from './org.schema.js';

/** The field keys of one sheet's row schema (e.g. `employeeNumber`). */
export type OrgFieldKey<S extends OrgSheet> = keyof z.input<(typeof orgRowSchemas)[S]> & string;

/**
 * How a cell is read: `text` cells that Excel typed as numbers become strings (職員番号 1001 → '1001'),
 * `date` cells become 'YYYY-MM-DD', `number` cells become numbers.
 */
export type OrgColumnKind = 'text' | 'date' | 'number';

export interface OrgColumn<K extends string = string> {
  /** The field key as in the row schema; also accepted as a header. */
  readonly key: K;
  /** Japanese header, written to files. */
  readonly ja: string;
  /** English header, accepted when reading. */
  readonly en: string;
  readonly kind: OrgColumnKind;
  /** The column must be present in the file (its cells may still be checked by the schema). */
  readonly required: boolean;
}

/** A column of another module's sheet (assets, devices, personnel files): text unless said, optional unless said. */
export const sheetColumn = (
  key: string,
  ja: string,
  en: string,
  kind: OrgColumnKind = 'text',
  required = false,
): OrgColumn => ({ key, ja, en, kind, required });

export interface OrgSheetSpec<S extends OrgSheet = OrgSheet> {
  readonly sheet: S;
  /** Japanese worksheet name, written to files. */
  readonly ja: string;
  /** English name, for messages; the sheet key itself is accepted as a worksheet name too. */
  readonly en: string;
  readonly columns: readonly OrgColumn<OrgFieldKey<S>>[];
  /** A key that must not repeat within the file. */
  readonly uniqueKey?: OrgFieldKey<S>;
}

const col = <K extends string>(
  key: K,
  ja: string,
  en: string,
  kind: OrgColumnKind = 'text',
  required = false,
): OrgColumn<K> => ({ key, ja, en, kind, required });

/** The ordered columns of each sheet of the organisation file (第3 組織体制). */
export const orgColumns: { readonly [S in OrgSheet]: OrgSheetSpec<S> } = {
  units: {
    sheet: 'units',
    ja: '部署',
    en: 'Units',
    uniqueKey: 'code',
    columns: [
      col('code', '部署コード', 'Unit code', 'text', true),
      col('nameJa', '部署名', 'Name (Japanese)', 'text', true),
      col('nameEn', '部署名（英語）', 'Name (English)', 'text', true),
      col('kind', '種別', 'Kind', 'text', true),
      col('parentCode', '上位部署コード', 'Parent unit code'),
      col('sortOrder', '表示順', 'Sort order', 'number'),
      col('phone', '電話番号', 'Phone'),
      col('validFrom', '有効開始日', 'Valid from', 'date', true),
      col('validTo', '有効終了日', 'Valid to', 'date'),
    ],
  },
  positions: {
    sheet: 'positions',
    ja: '職位',
    en: 'Positions',
    uniqueKey: 'code',
    columns: [
      col('code', '職位コード', 'Position code', 'text', true),
      col('nameJa', '職位名', 'Name (Japanese)', 'text', true),
      col('nameEn', '職位名（英語）', 'Name (English)', 'text', true),
      col('rank', '序列', 'Rank', 'number', true),
    ],
  },
  staff: {
    sheet: 'staff',
    ja: '職員',
    en: 'Staff',
    uniqueKey: 'employeeNumber',
    columns: [
      col('employeeNumber', '職員番号', 'Employee number', 'text', true),
      col('nameKanji', '氏名', 'Name', 'text', true),
      col('nameKana', '氏名（カナ）', 'Name (kana)', 'text', true),
      col('employment', '雇用形態', 'Employment', 'text', true),
      col('category', '区分', 'Category'),
      col('organization', '所属会社', 'Company'),
      col('unitCode', '所属部署コード', 'Unit code', 'text', true),
      col('positionCode', '職位コード', 'Position code'),
      col('email', 'メールアドレス', 'E-mail'),
      col('phone', '電話番号', 'Phone'),
      col('startDate', '開始日', 'Start date', 'date', true),
      col('endDate', '終了日', 'End date', 'date'),
    ],
  },
  assignments: {
    sheet: 'assignments',
    ja: '役割',
    en: 'Assignments',
    columns: [
      col('role', '役割', 'Role', 'text', true),
      col('employeeNumber', '職員番号', 'Employee number', 'text', true),
      col('unitCode', '部署コード', 'Unit code'),
      col('startDate', '開始日', 'Start date', 'date', true),
      col('endDate', '終了日', 'End date', 'date'),
      col('note', '備考', 'Note'),
    ],
  },
  delegations: {
    sheet: 'delegations',
    ja: '委任・代理',
    en: 'Delegations',
    columns: [
      col('kind', '種別', 'Kind', 'text', true),
      col('role', '役割', 'Role', 'text', true),
      col('unitCode', '部署コード', 'Unit code'),
      col('fromEmployeeNumber', '委任元職員番号', 'From employee number', 'text', true),
      col('toEmployeeNumber', '委任先職員番号', 'To employee number', 'text', true),
      col('startDate', '開始日', 'Start date', 'date', true),
      col('endDate', '終了日', 'End date', 'date', true),
      col('reason', '理由', 'Reason', 'text', true),
    ],
  },
};

/** A, B, … Z, AA: the column letters Excel shows (index from 0). */
export const columnLetter = (index: number): string => {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Excel dates carry no time zone: exceljs gives them as UTC midnight, so take the UTC calendar date. */
export const calendarDateOf = (d: Date): string =>
  `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

const excelEpoch = Date.UTC(1899, 11, 30);

/** A trimmed, non-blank cell as its column kind wants it; anything else is left for the schema to reject. */
export const readOrgCell = (
  kind: OrgColumnKind,
  value: string | number | undefined,
): string | number | undefined => {
  if (value === undefined) return value;
  switch (kind) {
    case 'text':
      return typeof value === 'number' ? String(value) : value;
    case 'number':
      return typeof value === 'string' && /^[+-]?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    case 'date': {
      // A date typed as a plain number is an Excel serial day (after 1900-03-01, where Excel's calendar is right).
      if (typeof value === 'number') {
        return Number.isInteger(value) && value >= 61 && value <= 2958465
          ? calendarDateOf(new Date(excelEpoch + value * 86_400_000))
          : String(value);
      }
      // Japanese Excel writes dates as 2024/4/1 when it saves CSV.
      const m = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(value);
      return m ? `${m[1] ?? ''}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : value;
    }
  }
};

/** The columns of one sheet, widened for code that walks all sheets alike. */
export const orgSheetColumns = (sheet: OrgSheet): readonly OrgColumn[] => orgColumns[sheet].columns;

/**
 * A header or worksheet name as compared when reading: NFKC (full-width letters and brackets, half-width kana),
 * trimmed, inner spaces collapsed, lower case.
 */
export const normalizeHeader = (value: string): string =>
  value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Which sheet a worksheet name means: the sheet key, its Japanese name or its English name. */
export const orgSheetByName = (name: string): OrgSheet | undefined => {
  const wanted = normalizeHeader(name);
  return orgSheets.find((sheet) =>
    [sheet, orgColumns[sheet].ja, orgColumns[sheet].en].some((n) => normalizeHeader(n) === wanted),
  );
};

/** Which column a header means: the field key, the Japanese header or the English header. */
export const orgColumnByHeader = (sheet: OrgSheet, header: string): OrgColumn | undefined => {
  const wanted = normalizeHeader(header);
  return orgSheetColumns(sheet).find((c) => [c.key, c.ja, c.en].some((n) => normalizeHeader(n) === wanted));
};

/** A readable label for an issue field such as `staff.startDate`: 職員 / 開始日, Staff / Start date. */
export const orgFieldLabel = (field: string): Bilingual | undefined => {
  const [sheetKey, key] = field.split('.', 2);
  const sheet = orgSheets.find((s) => s === sheetKey);
  if (sheet === undefined) return undefined;
  const spec = orgColumns[sheet];
  if (key === undefined) return { ja: spec.ja, en: spec.en };
  const column = orgSheetColumns(sheet).find((c) => c.key === key);
  return column === undefined
    ? undefined
    : { ja: `${spec.ja} / ${column.ja}`, en: `${spec.en} / ${column.en}` };
};

// ---------------------------------------------------------------------------------------------------------------
// Cells as files hold them

/** Trimmed text; blank is undefined. */
export const cleanText = (value: string): string | undefined => {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

/** An exceljs cell value (text, number, date, rich text, hyperlink, formula result) as a plain cell. */
export const cellFromExcel = (value: unknown): string | number | undefined => {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : calendarDateOf(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      const parts: unknown[] = value.richText;
      const texts = parts.map((p) =>
        typeof p === 'object' && p !== null && 'text' in p ? String(p.text) : '',
      );
      return cleanText(texts.join(''));
    }
    if ('formula' in value || 'sharedFormula' in value) {
      return 'result' in value ? cellFromExcel(value.result) : undefined;
    }
    if ('hyperlink' in value && 'text' in value) return cellFromExcel(value.text);
    if ('error' in value) return String(value.error);
  }
  return undefined;
};

/** A value to write: blank as null, dates as 'YYYY-MM-DD', numbers kept. */
export const cellForFile = (value: unknown): string | number | null => {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (value instanceof Date) return calendarDateOf(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return typeof value === 'object' ? JSON.stringify(value) : null; // functions and symbols have no text
};

/**
 * Excel runs CSV cells that start with = + - @ as formulas (CSV injection), so such text is written with a
 * leading apostrophe, and one apostrophe is taken off such cells when read back.
 */
export const guardFormula = (s: string): string => (/^'*[=+\-@\t\r]/.test(s) ? `'${s}` : s);
export const unguardFormula = (s: string): string => (/^'+[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

/** Display width: CJK characters take two columns. */
const displayWidth = (s: string): number => {
  let width = 0;
  for (const ch of s) width += (ch.codePointAt(0) ?? 0) > 0xff && !/[\uff61-\uff9f]/.test(ch) ? 2 : 1;
  return width;
};

/** An Excel column width that fits the header and the values, within 8 to 50. */
export const columnWidth = (column: OrgColumn, rows: readonly Record<string, unknown>[]): number => {
  const values = rows.map((r) => displayWidth(String(cellForFile(r[column.key]) ?? '')));
  return Math.min(50, Math.max(8, displayWidth(column.ja) + 2, ...values.map((w) => w + 2)));
};
