import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { formatVerifierKey, parseNote, signatureLine, type VerifierKey } from '../kernel/ledger/note.js';
import { LogVerifier } from '../kernel/ledger/verify-core.js';
import { problems, type VerifyProblem } from '../kernel/ledger/verify-problems.js';

/**
 * Verifies a `mamori ledger export` directory with nothing but Node.js and the public key: no database, no
 * server, no npm package. It recomputes every leaf, interior hash and root from the exported entry bytes and
 * checks every checkpoint's signature and root, and the cosignatures of the cosigner keys given.
 */

export const exportLogs = ['audit', 'vault'] as const;
export type ExportLog = (typeof exportLogs)[number];

export interface CosignerSummary {
  readonly name: string;
  readonly count: number;
  readonly latestSize: number | null;
}

export interface ExportLogResult {
  readonly ok: boolean;
  readonly log: ExportLog;
  readonly size: number;
  readonly verified: number;
  readonly checkpoints: number;
  readonly latestCheckpoint: number | null;
  /** Entries after the latest checkpoint: verified, but not yet under a signature. */
  readonly unsignedTail: number;
  readonly cosigners: readonly CosignerSummary[];
  readonly rootHash: string | null;
  readonly firstBadIndex: number | null;
  readonly reason: VerifyProblem['reason'] | null;
  readonly checkpointSize: number | null;
  readonly suspectRange: VerifyProblem['suspectRange'];
  readonly message: VerifyProblem['message'] | null;
}

export class ExportError extends Error {}

interface Manifest {
  readonly format: string;
  readonly logs: Partial<Record<ExportLog, { size: number }>>;
}

const readManifest = (dir: string): Manifest => {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file))
    throw new ExportError(`${file} がありません / not found: is this a Mamori ledger export?`);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  if (parsed.format !== 'mamori-ledger-export/1')
    throw new ExportError(`${file}: 形式が違います / unknown format ${JSON.stringify(parsed.format)}`);
  return parsed;
};

/** The log's key from any of the deployment's verifier keys: the same public key under `<name>/<log>`. */
export const keyForLog = (key: VerifierKey, log: ExportLog): VerifierKey => {
  const base = key.name.replace(/\/(audit|vault)$/, '');
  const name = `${base}/${log}`;
  const text = formatVerifierKey(name, key.type, key.publicKey);
  const keyId = Number.parseInt(text.split('+')[1] ?? '0', 16);
  return { name, keyId, type: key.type, publicKey: key.publicKey };
};

async function* lines(file: string): AsyncGenerator<string> {
  if (!existsSync(file)) return;
  const reader = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of reader) if (line !== '') yield line;
}

interface EntryLine {
  index: number;
  entry: Buffer;
  leafHash: Buffer;
  nodes: (Buffer | null)[];
}

const parseEntryLine = (line: string): EntryLine | null => {
  try {
    const v = JSON.parse(line) as { index?: unknown; entry?: unknown; leafHash?: unknown; nodes?: unknown };
    if (typeof v.index !== 'number' || typeof v.entry !== 'string' || typeof v.leafHash !== 'string')
      return null;
    const nodes = Array.isArray(v.nodes) ? (v.nodes as unknown[]) : [];
    return {
      index: v.index,
      entry: Buffer.from(v.entry, 'base64'),
      leafHash: Buffer.from(v.leafHash, 'base64'),
      nodes: nodes.map((n) => (typeof n === 'string' ? Buffer.from(n, 'base64') : null)),
    };
  } catch {
    return null;
  }
};

const verifyLog = async (
  dir: string,
  log: ExportLog,
  size: number,
  logKey: VerifierKey,
  cosigners: readonly VerifierKey[],
  onProgress?: (log: ExportLog, done: number, total: number) => void,
): Promise<ExportLogResult> => {
  let current: EntryLine | null = null;
  const verifier = new LogVerifier((level, index) => {
    if (current === null || (index + 1) * 2 ** level - 1 !== current.index) return undefined;
    return current.nodes[level - 1] ?? undefined;
  });
  const cosigned = new Map<string, { count: number; latestSize: number | null }>(
    cosigners.map((c) => [c.name, { count: 0, latestSize: null }]),
  );
  const checkpoints = lines(join(dir, log, 'checkpoints.jsonl'));
  let pendingCheckpoint: { size: number; note: string } | null = null;
  let checkpointsDone = false;
  const latest: { size: number | null } = { size: null };
  const nextCheckpoint = async (): Promise<{ size: number; note: string } | null> => {
    if (pendingCheckpoint === null && !checkpointsDone) {
      const r = await checkpoints.next();
      if (r.done === true) checkpointsDone = true;
      else pendingCheckpoint = JSON.parse(r.value) as { size: number; note: string };
    }
    return pendingCheckpoint;
  };
  const checkAtCurrentSize = async (): Promise<boolean> => {
    for (let c = await nextCheckpoint(); c?.size === verifier.size; c = await nextCheckpoint()) {
      if (!verifier.checkCheckpoint(c.size, c.note, logKey)) return false;
      const { text, signatures } = parseNote(c.note);
      for (const key of cosigners) {
        const sig = signatures.find((s) => s.name === key.name && s.keyId === key.keyId);
        if (!sig) continue;
        if (!verifier.checkCosignature(c.size, text, signatureLine(sig), key)) return false;
        const seen = cosigned.get(key.name);
        if (seen) {
          seen.count++;
          seen.latestSize = c.size;
        }
      }
      latest.size = c.size;
      pendingCheckpoint = null;
    }
    return true;
  };

  let ok = await checkAtCurrentSize();
  for await (const line of lines(join(dir, log, 'entries.jsonl'))) {
    if (!ok) break;
    if (verifier.size === size) {
      ok = verifier.fail(problems.extraEntry(size));
      break;
    }
    current = parseEntryLine(line);
    if (current === null) {
      ok = verifier.fail(problems.unreadableEntry(verifier.size));
      break;
    }
    ok = verifier.push(current.index, current.entry, current.leafHash) && (await checkAtCurrentSize());
    if (verifier.size % 65536 === 0) onProgress?.(log, verifier.size, size);
  }
  if (ok && verifier.size < size) verifier.fail(problems.missingEntry(verifier.size));
  let found = verifier.finish();
  if (found === null) {
    const beyond = await nextCheckpoint();
    if (beyond !== null)
      verifier.fail(
        problems.logTruncated(size, {
          ja: `チェックポイント（${beyond.size}）`,
          en: `a checkpoint (${beyond.size})`,
        }),
      );
    found = verifier.problem;
  }
  onProgress?.(log, verifier.size, size);
  return {
    ok: found === null,
    log,
    size,
    verified: found?.firstBadIndex ?? verifier.size,
    checkpoints: verifier.checkpoints,
    latestCheckpoint: latest.size,
    unsignedTail: size - (latest.size ?? 0),
    cosigners: [...cosigned].map(([name, s]) => ({ name, ...s })),
    rootHash: found === null ? verifier.root().toString('base64') : null,
    firstBadIndex: found?.firstBadIndex ?? null,
    reason: found?.reason ?? null,
    checkpointSize: found?.checkpointSize ?? null,
    suspectRange: found?.suspectRange ?? null,
    message: found?.message ?? null,
  };
};

export const verifyExport = async (
  dir: string,
  options: {
    key: VerifierKey;
    cosigners?: readonly VerifierKey[];
    logs?: readonly ExportLog[];
    onProgress?: (log: ExportLog, done: number, total: number) => void;
  },
): Promise<ExportLogResult[]> => {
  const manifest = readManifest(dir);
  const logs = options.logs ?? exportLogs.filter((l) => manifest.logs[l] !== undefined);
  const results: ExportLogResult[] = [];
  for (const log of logs) {
    const size = manifest.logs[log]?.size;
    if (size === undefined)
      throw new ExportError(`${log}: この書き出しに含まれていません / not in this export`);
    results.push(
      await verifyLog(
        dir,
        log,
        size,
        keyForLog(options.key, log),
        options.cosigners ?? [],
        options.onProgress,
      ),
    );
  }
  return results;
};
