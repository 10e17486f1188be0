import { mkdirSync, readdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors/index.js';
import { registeredDeploymentKey, logVerifierKey, logKeyName } from './keys.js';
import type { LedgerLog } from './types.js';
import { nodeKey, withLedgerSnapshot } from './snapshot.js';
import { nodesCompletedIn } from './verify.js';
import type { DatabaseHandle } from '../db/index.js';

/**
 * `mamori ledger export DIR`: everything an auditor needs to verify a log without Mamori, its database or its
 * server, with only the public key. Per log, `<log>/entries.jsonl` holds one line per entry in index order:
 * `{"index","entry","leafHash","nodes"}` with the exact entry bytes, the stored leaf hash, and the stored interior
 * hashes that entry completed (levels 1, 2, … as (index+1) is divisible by 2, 4, …; null where none is stored:
 * always below level 4, whose nodes the ledger recomputes from the leaves),
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
  database: DatabaseHandle,
  dir: string,
  log: LedgerLog,
  onProgress?: (log: LedgerLog, done: number, total: number) => void,
): Promise<{ size: number; checkpoints: number }> =>
  withLedgerSnapshot(database, log, async (snapshot) => {
    mkdirSync(join(dir, log));
    const size = snapshot.head;
    const entries = await open(join(dir, log, 'entries.jsonl'), 'wx', 0o644);
    try {
      let next = 0;
      for (;;) {
        // Every stored row, also any beyond the head: the export shows what is there.
        const rows = await snapshot.entries(next, 4096);
        const first = rows[0];
        const last = rows.at(-1);
        if (first === undefined || last === undefined) break;
        const nodes = await nodesCompletedIn(snapshot, first[0], last[0]);
        const lines = rows.map(([idx, entry, leafHash]) => {
          const completed = Array.from({ length: levelsCompletedBy(idx) }, (_, i) => {
            const level = i + 1;
            const hash = nodes.get(nodeKey(level, (idx + 1) / 2 ** level - 1));
            return hash ? hash.toString('base64') : null;
          });
          return JSON.stringify({
            index: idx,
            entry: entry.toString('base64'),
            leafHash: leafHash.toString('base64'),
            nodes: completed,
          });
        });
        await entries.write(`${lines.join('\n')}\n`);
        next = last[0] + 1;
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
        const rows = await snapshot.checkpoints(after, 1000);
        const first = rows[0];
        const last = rows.at(-1);
        if (first === undefined || last === undefined) break;
        const cosignatures = await snapshot.cosignatures(first.size, last.size);
        const lines = rows.map((r) =>
          JSON.stringify({
            size: r.size,
            note: `${r.note}${cosignatures
              .filter((c) => c.size === r.size && !r.note.includes(c.line))
              .map((c) => c.line)
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
  });

export const exportLedger = async (
  database: DatabaseHandle,
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
  const key = await registeredDeploymentKey(database.db);
  const summary: ExportSummary = { dir, logs: {} };
  for (const log of logs) summary.logs[log] = await exportLog(database, dir, log, onProgress);
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
