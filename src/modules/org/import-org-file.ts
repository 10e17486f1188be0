import { z } from 'zod';
import { validationError, type UseCaseContext } from '../../kernel/index.js';
import { importOrg, type ImportOrgResult } from './import-org.js';
import { readOrgFile, validateOrgRows } from './org-file.js';
import { orgSheets } from './org.schema.js';

export const importOrgFileInput = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    sheet: z.enum(orgSheets).optional(),
    contentBase64: z.string().min(1).max(30_000_000),
    fileName: z.string().max(200).optional(),
  })
  .strict();
export type ImportOrgFileInput = z.output<typeof importOrgFileInput>;

/**
 * An import from a CSV or Excel file: every row is checked (format, then references against the database), and
 * the file is applied only when no row is wrong. Each issue names the row, the field and the reason.
 */
export const importOrgFile = async (
  ctx: UseCaseContext,
  input: ImportOrgFileInput,
  dryRun: boolean,
): Promise<ImportOrgResult> => {
  const content = Buffer.from(input.contentBase64, 'base64');
  const parsed = await readOrgFile({
    format: input.format,
    content,
    ...(input.sheet ? { sheet: input.sheet } : {}),
  });
  const validated = validateOrgRows(parsed);
  if (validated.issues.length > 0)
    throw validationError(
      validated.issues,
      `import file rejected: ${String(validated.issues.length)} issues`,
    );
  return importOrg(ctx, {
    data: validated.data,
    rowNumbers: validated.rowNumbers,
    dryRun,
    source: input.fileName ?? `${input.format} file`,
  });
};
