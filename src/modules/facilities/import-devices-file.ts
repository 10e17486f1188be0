import { z } from 'zod';
import { validationError, type FieldIssue, type UseCaseContext } from '../../kernel/index.js';
import { readTabularFile, validateSheetRows } from '../org/index.js';
import { deviceFileSpecs } from './device-file.js';
import { importDevices } from './import-devices.js';

export const importDevicesFileInput = z.strictObject({
  format: z.enum(['csv', 'xlsx']),
  contentBase64: z.string().min(1).max(30_000_000),
  fileName: z.string().max(200).optional(),
});
export type ImportDevicesFileInput = z.output<typeof importDevicesFileInput>;

const messages = {
  noSheet: { ja: 'CSVファイルは機器台帳として読みます。', en: 'A CSV file is read as the device register.' },
  noWorksheet: {
    ja: '対象のシートがありません。シート名は 機器台帳 としてください。',
    en: 'No sheet to read. Name the sheet devices (or 機器台帳).',
  },
};

const anyRow = z.record(z.string(), z.unknown());

/**
 * A device register from a CSV or Excel file: the header row matched by Japanese or English name, then every row
 * checked by the import (format, units, duplicates) with the row number Excel shows; nothing written on any error.
 */
export const importDevicesFile = async (
  ctx: UseCaseContext,
  input: ImportDevicesFileInput,
  dryRun: boolean,
): Promise<{ dryRun: boolean; created: number }> => {
  const parsed = await readTabularFile(
    deviceFileSpecs,
    { format: input.format, content: Buffer.from(input.contentBase64, 'base64'), sheet: 'devices' },
    { ...messages, onlySheet: 'devices' },
  );
  const issues: FieldIssue[] = [...parsed.issues];
  const { rows, rowNumbers } = validateSheetRows(deviceFileSpecs.devices, anyRow, parsed, issues);
  if (issues.length > 0)
    throw validationError(issues, `device file rejected: ${String(issues.length)} issues`);
  if (rows.length === 0)
    throw validationError([
      {
        field: 'devices',
        message: { ja: '取り込む行がありません。', en: 'The file has no rows to import.' },
      },
    ]);
  return importDevices(ctx, { rows, rowNumbers, dryRun, source: input.fileName ?? `${input.format} file` });
};
