import { mkdirSync, readdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors/index.js';
import { registeredDeploymentKey, logVerifierKey, logKeyName } from './keys.js';
import { nodeKeyString } from './merkle.js';
import type { LedgerReader } from './tree-store.js';
import type { LedgerLog } from './types.js';
import { nodesCompletedIn } from './verify.js';

/**
 * `mamori ledger export DIR`: everything an auditor needs to verify a log without Mamori, its database or its
 * server, with only the public key. Per log, `<log>/entries.jsonl` holds one line per entry in index order:
 * `{"index","entry","leafHash","nodes"}` with the exact entry bytes, the stored leaf hash, and the stored interior
 * hashes that entry completed (levels 1, 2, … as (index+1) is divisible by 2, 4, …; null where none is stored),
 * all base64; `<log>/checkpoints.jsonl` holds `{"size","note"}` per signed checkpoint with its cosignatures.
 * `manifest.json` says what was exported; it is not trusted by the verifier beyond the log lengths.
 */
export const EXPORT_FORMAT = 'mamori-ledger-export/1';

export interface ExportSummary {
  readonly dir: string;
  readonly logs: Record<string, { size: number; checkpoints: number }>;
}

const levelsCompletedBy = (index: number): number => {
  let levels = 0;
  while ((index + 1) % 2 ** (levels + 1) === 0) levels++;
  return levels;
};

const exportLog = async (
  db: LedgerReader,
  dir: string,
  log: LedgerLog,
  onProgress?: (log: LedgerLog, done: number, total: number) => void,
): Promise<{ size: number; checkpoints: number }> => {
  mkdirSync(join(dir, log));
  const head = await db.selectFrom('ledger_heads').select('size').where('log', '=', log).executeTakeFirst();
  const size = head?.size ?? 0;
  const entries = await open(join(dir, log, 'entries.jsonl'), 'wx', 0o644);
  try {
    let next = 0;
    for (;;) {
      // Every stored row, also any beyond the head: the export shows what is there.
      const rows = await db
        .selectFrom('ledger_entries')
        .select(['idx', 'entry', 'leaf_hash'])
        .where('log', '=', log)
        .where('idx', '>=', next)
        .orderBy('idx')
        .limit(4096)
        .execute();
      const first = rows[0];
      const last = rows.at(-1);
      if (first === undefined || last === undefined) break;
      const nodes = await nodesCompletedIn(db, log, first.idx, last.idx);
      const lines = rows.map((r) => {
        const completed = Array.from({ length: levelsCompletedBy(r.idx) }, (_, i) => {
          const level = i + 1;
          const hash = nodes.get(nodeKeyString({ level, index: (r.idx + 1) / 2 ** level - 1 }));
          return hash ? hash.toString('base64') : null;
        });
        return JSON.stringify({
          index: r.idx,
          entry: Buffer.from(r.entry).toString('base64'),
          leafHash: Buffer.from(r.leaf_hash).toString('base64'),
          nodes: completed,
        });
      });
      await entries.write(`${lines.join('\n')}\n`);
      next = last.idx + 1;
      onProgress?.(log, Math.min(next, size), size);
    }
    await entries.sync();
  } finally {
    await entries.close();
  }
  const checkpoints = await open(join(dir, log, 'checkpoints.jsonl'), 'wx', 0o644);
  let count = 0;
  try {
    let after = -1;
    for (;;) {
      const rows = await db
        .selectFrom('ledger_checkpoints')
        .select(['size', 'note'])
        .where('log', '=', log)
        .where('size', '>', after)
        .orderBy('size')
        .limit(1000)
        .execute();
      const last = rows.at(-1);
      if (last === undefined) break;
      const cosignatures = await db
        .selectFrom('ledger_cosignatures')
        .select(['size', 'signature'])
        .where('log', '=', log)
        .where('size', '>', after)
        .where('size', '<=', last.size)
        .orderBy('created_at')
        .execute();
      const lines = rows.map((r) =>
        JSON.stringify({
          size: r.size,
          note: `${r.note}${cosignatures
            .filter((c) => c.size === r.size && !r.note.includes(c.signature))
            .map((c) => c.signature)
            .join('')}`,
        }),
      );
      await checkpoints.write(`${lines.join('\n')}\n`);
      count += rows.length;
      after = last.size;
    }
    await checkpoints.sync();
  } finally {
    await checkpoints.close();
  }
  return { size, checkpoints: count };
};

export const exportLedger = async (
  db: LedgerReader,
  dir: string,
  logs: readonly LedgerLog[],
  now: Date,
  onProgress?: (log: LedgerLog, done: number, total: number) => void,
): Promise<ExportSummary> => {
  mkdirSync(dir, { recursive: true });
  if (readdirSync(dir).length > 0)
    throw new AppError(
      'validation',
      {
        ja: `書き出し先 ${dir} は空ではありません。空のディレクトリを指定してください。`,
        en: `The export directory ${dir} is not empty. Give an empty directory.`,
      },
      { issues: [{ field: 'DIR', message: { ja: '空のディレクトリが必要です。', en: 'Must be empty.' } }] },
    );
  const key = await registeredDeploymentKey(db);
  const summary: ExportSummary = { dir, logs: {} };
  for (const log of logs) summary.logs[log] = await exportLog(db, dir, log, onProgress);
  const manifest = await open(join(dir, 'manifest.json'), 'wx', 0o644);
  try {
    await manifest.write(
      `${JSON.stringify(
        {
          format: EXPORT_FORMAT,
          exportedAt: now.toISOString(),
          logs: Object.fromEntries(
            logs.map((log) => [
              log,
              {
                ...summary.logs[log],
                origin: key ? logKeyName(key.name, log) : null,
                // For reference only: the auditor verifies with the key they hold, never with this one.
                publicKey: key ? logVerifierKey(key.name, key.publicKey, log) : null,
              },
            ]),
          ),
        },
        null,
        2,
      )}\n`,
    );
    await manifest.sync();
  } finally {
    await manifest.close();
  }
  return summary;
};
