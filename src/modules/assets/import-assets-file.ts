import { z } from 'zod';
import { validationError, type FieldIssue, type UseCaseContext } from '../../kernel/index.js';
import { readTabularFile, validateSheetRows } from '../org/index.js';
import {
  assetFileSpecs,
  assetRowSchemas,
  assetSheets,
  type AssetFileData,
  type AssetSheet,
} from './asset-file.js';
import { importAssets, type ImportAssetsResult } from './import-assets.js';

export const importAssetsFileInput = z.strictObject({
  format: z.enum(['csv', 'xlsx']),
  sheet: z.enum(assetSheets).optional(),
  contentBase64: z.string().min(1).max(30_000_000),
  fileName: z.string().max(200).optional(),
});
export type ImportAssetsFileInput = z.output<typeof importAssetsFileInput>;

const messages = {
  noSheet: {
    ja: 'CSVファイルはどの表（保管場所・記録媒体・情報資産）かを指定してください。',
    en: 'Say which sheet the CSV file holds (places, media or assets).',
  },
  noWorksheet: {
    ja: '対象のシートがありません。シート名は 保管場所・記録媒体・情報資産 としてください。',
    en: 'No sheet to read. Name the sheets places, media, assets (or in Japanese).',
  },
};

/**
 * An asset register from a CSV or Excel file, read like the organisation file: every row is checked (format, then
 * references against the database) and the file is applied only when no row is wrong. A workbook with a single
 * sheet of another name is read as the asset sheet. Each issue names the row, the field and the reason.
 */
export const importAssetsFile = async (
  ctx: UseCaseContext,
  input: ImportAssetsFileInput,
  dryRun: boolean,
): Promise<ImportAssetsResult> => {
  const parsed = await readTabularFile(
    assetFileSpecs,
    { format: input.format, content: Buffer.from(input.contentBase64, 'base64'), sheet: input.sheet },
    { ...messages, onlySheet: 'assets' },
  );
  const issues: FieldIssue[] = [...parsed.issues];
  const rowNumbers: Partial<Record<AssetSheet, number[]>> = {};
  const rowsOf = <T>(s: AssetSheet, schema: z.ZodType<T>): T[] => {
    const { rows, rowNumbers: numbers } = validateSheetRows(assetFileSpecs[s], schema, parsed, issues);
    rowNumbers[s] = numbers;
    return rows;
  };
  const data: AssetFileData = {
    places: rowsOf('places', assetRowSchemas.places),
    media: rowsOf('media', assetRowSchemas.media),
    assets: rowsOf('assets', assetRowSchemas.assets),
  };
  if (issues.length > 0)
    throw validationError(issues, `asset file rejected: ${String(issues.length)} issues`);
  return importAssets(ctx, { data, rowNumbers, dryRun, source: input.fileName ?? `${input.format} file` });
};
