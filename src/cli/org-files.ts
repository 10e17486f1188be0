import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { loadConfig } from '../kernel/index.js';
import { cliActor } from './command.js';
import {
  exportOrg,
  importOrgFile,
  orgSheets,
  writeOrgCsv,
  writeOrgXlsx,
  type OrgSheet,
} from '../modules/org/index.js';
import { openRuntime } from '../server/index.js';

const formatOf = (file: string, explicit?: string): 'csv' | 'xlsx' => {
  const format = explicit ?? extname(file).slice(1).toLowerCase();
  if (format === 'csv' || format === 'xlsx') return format;
  throw new Error(
    `--format must be csv or xlsx (got "${format}") / --format は csv か xlsx を指定してください`,
  );
};

const sheetOf = (sheet: string | undefined): OrgSheet | undefined => {
  if (sheet === undefined) return undefined;
  if ((orgSheets as readonly string[]).includes(sheet)) return sheet as OrgSheet;
  throw new Error(
    `--sheet must be one of ${orgSheets.join(', ')} / --sheet は ${orgSheets.join(', ')} のいずれか`,
  );
};

/** `mamori org import FILE`: the same use case as the screen, run as the system operator. */
export const importOrgCommand = async (
  file: string,
  options: { sheet?: string; format?: string; dryRun: boolean },
): Promise<void> => {
  const runtime = await openRuntime(loadConfig());
  try {
    const content = await readFile(file);
    const sheet = sheetOf(options.sheet);
    const result = await importOrgFile(
      { ...runtime.app, actor: cliActor },
      {
        format: formatOf(file, options.format),
        contentBase64: content.toString('base64'),
        fileName: file,
        ...(sheet ? { sheet } : {}),
      },
      options.dryRun,
    );
    process.stdout.write(
      `${options.dryRun ? '確認のみ（書き込みなし） / dry run, nothing written' : '取り込み完了 / imported'}\n`,
    );
    for (const [name, c] of Object.entries(result.counts)) {
      process.stdout.write(
        `  ${name}: 追加 created ${String(c.created)}, 更新 updated ${String(c.updated)}, 変更なし unchanged ${String(c.unchanged)}\n`,
      );
    }
  } finally {
    await runtime.close();
  }
};

/** `mamori org export FILE`: the whole organisation as Excel, or one sheet as CSV. */
export const exportOrgCommand = async (
  file: string,
  options: { sheet?: string; format?: string },
): Promise<void> => {
  const runtime = await openRuntime(loadConfig());
  try {
    const data = await exportOrg({ ...runtime.app, actor: cliActor }, {});
    const format = formatOf(file, options.format);
    if (format === 'xlsx') await writeFile(file, await writeOrgXlsx(data));
    else {
      const sheet = sheetOf(options.sheet);
      if (!sheet) throw new Error('a CSV export needs --sheet / CSVの出力には --sheet が必要です');
      await writeFile(file, writeOrgCsv(sheet, data[sheet]));
    }
    process.stdout.write(`書き出しました / written: ${file}\n`);
  } finally {
    await runtime.close();
  }
};
