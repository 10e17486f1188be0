import { z } from 'zod';
import {
  defineQuery,
  requirePermission,
  validationError,
  type Bilingual,
  type FieldIssue,
  type UseCaseContext,
} from '../../../kernel/index.js';
import {
  readTabularFile,
  sheetColumn,
  validateSheetRows,
  writeSheetCsv,
  type SheetSpecs,
} from '../../org/index.js';
import { importPersonnel, type ImportPersonnelResult } from './import-personnel.js';
import { personnelRowSchema } from './lifecycle.schema.js';

const col = sheetColumn;

/**
 * The personnel office's file (人事異動): one row per event. The reading is the organisation file's (CSV in
 * UTF-8 or Shift_JIS, or Excel; headers in Japanese, English or as keys); only the columns differ.
 */
export const personnelSheets: SheetSpecs<'personnel'> = {
  personnel: {
    sheet: 'personnel',
    ja: '人事異動',
    en: 'Personnel events',
    columns: [
      col('kind', '異動区分', 'Kind', 'text', true),
      col('employeeNumber', '職員番号', 'Employee number', 'text', true),
      col('effectiveDate', '発効日', 'Effective date', 'date', true),
      col('nameKanji', '氏名', 'Name'),
      col('nameKana', '氏名（カナ）', 'Name (kana)'),
      col('employment', '雇用形態', 'Employment'),
      col('category', '区分', 'Category'),
      col('organization', '所属会社', 'Company'),
      col('unitCode', '所属部署コード', 'Unit code'),
      col('positionCode', '職位コード', 'Position code'),
      col('email', 'メールアドレス', 'E-mail'),
      col('phone', '電話番号', 'Phone'),
      col('loginId', 'ログインID', 'Login ID'),
      col('returnDate', '復職予定日', 'Return date', 'date'),
      col('note', '備考', 'Note'),
    ],
  },
};

const messages = {
  noSheet: { ja: '人事異動のシートを指定してください。', en: 'Say which sheet holds the personnel events.' },
  noWorksheet: {
    ja: 'シート「人事異動」（personnel）がありません。',
    en: 'No sheet named 人事異動 (personnel) in the workbook.',
  },
} as const satisfies Record<string, Bilingual>;

export const importPersonnelFileInput = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    contentBase64: z.string().min(1).max(30_000_000),
    fileName: z.string().max(200).optional(),
  })
  .strict();
export type ImportPersonnelFileInput = z.output<typeof importPersonnelFileInput>;

/**
 * A personnel file: every row is checked (format, then against the records), and the file is applied only when
 * no row is wrong; each issue names the row, the field and the reason. A single worksheet of another name
 * (Sheet1) is read as the personnel sheet.
 */
export const importPersonnelFile = async (
  ctx: UseCaseContext,
  input: ImportPersonnelFileInput,
  dryRun: boolean,
): Promise<ImportPersonnelResult> => {
  const parsed = await readTabularFile(
    personnelSheets,
    { format: input.format, content: Buffer.from(input.contentBase64, 'base64') },
    { ...messages, onlySheet: 'personnel' },
  );
  const issues: FieldIssue[] = [...parsed.issues];
  const { rows, rowNumbers } = validateSheetRows(
    personnelSheets.personnel,
    personnelRowSchema,
    parsed,
    issues,
  );
  if (issues.length > 0)
    throw validationError(issues, `personnel file rejected: ${String(issues.length)} issues`);
  if (rows.length === 0) {
    const message = { ja: '人事異動の行がありません。', en: 'The file has no personnel rows.' };
    throw validationError([{ field: 'file', message }], 'empty personnel file');
  }
  return importPersonnel(ctx, {
    rows,
    rowNumbers,
    dryRun,
    source: input.fileName ?? `${input.format} file`,
  });
};

/** An empty personnel file with its headers (CSV), for the personnel office to fill in. */
export const personnelTemplateCsv = (): string => writeSheetCsv(personnelSheets.personnel, []);

export const getPersonnelTemplate = defineQuery({
  name: 'identity.getPersonnelTemplate',
  input: z.object({}).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.importPersonnel'),
  execute: () => Promise.resolve(personnelTemplateCsv()),
});
