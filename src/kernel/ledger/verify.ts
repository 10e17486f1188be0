import type { Bilingual } from '../errors/index.js';
import { nodeKeyString } from './merkle.js';
import { parseNote, parseVerifierKey, type VerifierKey } from './note.js';
import type { LedgerReader } from './tree-store.js';
import type { LedgerLog } from './types.js';
import { LogVerifier, problems, type VerifyProblem, type VerifyReason } from './verify-core.js';

export interface VerifyResult {
  readonly ok: boolean;
  readonly log: LedgerLog;
  /** The length of the log as its head row says. */
  readonly size: number;
  /** Entries recomputed before the first problem (all of them when ok). */
  readonly verified: number;
  readonly checkpoints: number;
  readonly cosignatures: number;
  /** base64 root recomputed from the entries, when ok. */
  readonly rootHash: string | null;
  readonly firstBadIndex: number | null;
  readonly reason: VerifyReason | null;
  readonly checkpointSize: number | null;
  readonly suspectRange: { readonly from: number; readonly to: number } | null;
  readonly message: Bilingual | null;
}

export interface VerifyOptions {
  /** The log's verifier key (`<name>/<log>+id+key`): checkpoints must verify with it; null when none is known. */
  readonly logKey: VerifierKey | null;
  readonly onProgress?: (verified: number, total: number) => void;
  /** Entries read per query. */
  readonly chunk?: number;
}

interface CheckpointRow {
  readonly size: number;
  readonly note: string;
  readonly cosignatures: { readonly line: string; readonly key: string }[];
}

/** Checkpoints in size order, a page at a time, with their cosignatures. */
const checkpointPages = (db: LedgerReader, log: LedgerLog) => {
  let after = -1;
  let page: CheckpointRow[] = [];
  let done = false;
  return {
    async peek(): Promise<CheckpointRow | undefined> {
      if (page.length === 0 && !done) {
        const rows = await db
          .selectFrom('ledger_checkpoints')
          .select(['size', 'note'])
          .where('log', '=', log)
          .where('size', '>', after)
          .orderBy('size')
          .limit(500)
          .execute();
        if (rows.length < 500) done = true;
        const last = rows.at(-1);
        if (last === undefined) return undefined;
        after = last.size;
        const cosigs = await db
          .selectFrom('ledger_cosignatures')
          .select(['size', 'signature', 'verifier_key'])
          .where('log', '=', log)
          .where('size', '>=', rows[0]?.size ?? 0)
          .where('size', '<=', last.size)
          .orderBy('size')
          .orderBy('created_at')
          .execute();
        page = rows.map((r) => ({
          size: r.size,
          note: r.note,
          cosignatures: cosigs
            .filter((c) => c.size === r.size)
            .map((c) => ({ line: c.signature, key: c.verifier_key })),
        }));
      }
      return page[0];
    },
    shift(): void {
      page.shift();
    },
  };
};

/** The stored interior hashes completed by the leaves [first, last]: (i+1)·2^L − 1 falls in the range. */
export const nodesCompletedIn = async (
  db: LedgerReader,
  log: LedgerLog,
  first: number,
  last: number,
): Promise<Map<string, Buffer>> => {
  const spans: { level: number; lo: number; hi: number }[] = [];
  for (let level = 1; 2 ** level <= last + 1; level++) {
    const width = 2 ** level;
    const lo = Math.ceil((first + 1) / width) - 1;
    const hi = Math.floor((last + 1) / width) - 1;
    if (lo <= hi) spans.push({ level, lo, hi });
  }
  const found = new Map<string, Buffer>();
  if (spans.length === 0) return found;
  const rows = await db
    .selectFrom('ledger_nodes')
    .select(['level', 'idx', 'hash'])
    .where('log', '=', log)
    .where((eb) =>
      eb.or(
        spans.map((s) => eb.and([eb('level', '=', s.level), eb('idx', '>=', s.lo), eb('idx', '<=', s.hi)])),
      ),
    )
    .execute();
  for (const r of rows) found.set(nodeKeyString({ level: r.level, index: r.idx }), Buffer.from(r.hash));
  return found;
};

/** Is any interior hash stored for leaves at or beyond `size`? (A node (L, i) reaches past it when i ≥ ⌊size/2^L⌋.) */
const nodesBeyond = async (db: LedgerReader, log: LedgerLog, size: number): Promise<boolean> => {
  const row = await db
    .selectFrom('ledger_nodes')
    .select('level')
    .where('log', '=', log)
    .where((eb) =>
      eb.or(
        Array.from({ length: 52 }, (_, i) => i + 1).map((level) =>
          eb.and([eb('level', '=', level), eb('idx', '>=', Math.floor(size / 2 ** level))]),
        ),
      ),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
};

export const resultOf = (
  log: LedgerLog,
  size: number,
  verifier: LogVerifier,
  found: VerifyProblem | null,
): VerifyResult => ({
  ok: found === null,
  log,
  size,
  verified: found?.firstBadIndex ?? verifier.size,
  checkpoints: verifier.checkpoints,
  cosignatures: verifier.cosignatures,
  rootHash: found === null ? verifier.root().toString('base64') : null,
  firstBadIndex: found?.firstBadIndex ?? null,
  reason: found?.reason ?? null,
  checkpointSize: found?.checkpointSize ?? null,
  suspectRange: found?.suspectRange ?? null,
  message: found?.message ?? null,
});

/**
 * `mamori ledger verify`: streams every entry of a log in index order, recomputing each leaf, interior hash and
 * root from the stored bytes and comparing them with what is stored, and checks every checkpoint (signature,
 * origin, size, root) and cosignature as the recomputation reaches its size. Consecutive checkpoints are then
 * consistent because both roots were recomputed from the same entries. Memory stays O(log n + one page).
 */
export const verifyLedger = async (
  db: LedgerReader,
  log: LedgerLog,
  options: VerifyOptions,
): Promise<VerifyResult> => {
  const chunk = options.chunk ?? 4096;
  const head = await db.selectFrom('ledger_heads').select('size').where('log', '=', log).executeTakeFirst();
  const size = head?.size ?? 0;
  let nodes = new Map<string, Buffer>();
  const verifier = new LogVerifier((level, index) => nodes.get(`${level}/${index}`));
  const checkpoints = checkpointPages(db, log);

  const checkCheckpointsAtCurrentSize = async (): Promise<boolean> => {
    for (let next = await checkpoints.peek(); next?.size === verifier.size; next = await checkpoints.peek()) {
      if (!verifier.checkCheckpoint(next.size, next.note, options.logKey)) return false;
      const text = parseNote(next.note).text;
      for (const c of next.cosignatures) {
        if (!verifier.checkCosignature(next.size, text, c.line, parseVerifierKey(c.key))) return false;
      }
      checkpoints.shift();
    }
    return true;
  };

  let ok = await checkCheckpointsAtCurrentSize();
  let next = 0;
  while (ok) {
    const rows = await db
      .selectFrom('ledger_entries')
      .select(['idx', 'entry', 'leaf_hash'])
      .where('log', '=', log)
      .where('idx', '>=', next)
      .orderBy('idx')
      .limit(chunk)
      .execute();
    const first = rows[0];
    const last = rows.at(-1);
    if (first === undefined || last === undefined) break;
    nodes = await nodesCompletedIn(db, log, first.idx, last.idx);
    for (const row of rows) {
      if (verifier.size === size) ok = verifier.fail(problems.extraEntry(size));
      else ok = verifier.push(row.idx, row.entry, row.leaf_hash) && (await checkCheckpointsAtCurrentSize());
      if (!ok) break;
    }
    next = last.idx + 1;
    options.onProgress?.(verifier.size, size);
  }
  if (ok && verifier.size < size) verifier.fail(problems.missingEntry(verifier.size));
  let found = verifier.finish();
  if (found === null) {
    const beyond = await checkpoints.peek();
    if (beyond !== undefined)
      verifier.fail(
        problems.logTruncated(size, {
          ja: `チェックポイント（${beyond.size}）`,
          en: `a checkpoint (${beyond.size})`,
        }),
      );
    else if (await nodesBeyond(db, log, size))
      verifier.fail(problems.logTruncated(size, { ja: '内部ハッシュ', en: 'interior hashes' }));
    found = verifier.problem;
  }
  return resultOf(log, size, verifier, found);
};
