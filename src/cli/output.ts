import { isAppError } from '../kernel/errors/index.js';

/** Errors for an operator at a terminal: both languages, each field and row, and a non-zero exit. */
export const printError = (error: unknown): number => {
  if (isAppError(error)) {
    process.stderr.write(`エラー: ${error.userMessage.ja}\nError: ${error.userMessage.en}\n`);
    for (const issue of error.issues.slice(0, 200)) {
      const where = `${issue.row === undefined ? '' : `${String(issue.row)}行目 / row ${String(issue.row)}: `}${issue.field}`;
      process.stderr.write(`  - ${where}: ${issue.message.ja} / ${issue.message.en}\n`);
    }
    if (error.issues.length > 200) process.stderr.write(`  … (${String(error.issues.length - 200)} more)\n`);
    return error.code === 'configuration' ? 2 : 1;
  }
  process.stderr.write(
    `エラー / Error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return 1;
};
