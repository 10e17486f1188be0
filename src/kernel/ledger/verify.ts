import type { Bilingual } from '../errors/index.js';
import { parseNote, parseVerifierKey, type VerifierKey } from './note.js';
import type { DatabaseHandle } from '../db/index.js';
import {
  nodeKey,
  rangesBeyond,
  rangesCompletedBy,
  withLedgerSnapshot,
  type LedgerSnapshot,
} from './snapshot.js';
import type { LedgerLog } from './types.js';
import { checkpointPager } from './checkpoint-pager.js';
import { columnsAgree } from './entry-columns.js';
import { defaultBlockPlan, verifyBlocks, type BlockPlan } from './verify-blocks.js';
import { LogVerifier, RECENT_LEAVES } from './verify-core.js';
import { problems, type VerifyProblem, type VerifyReason } from './verify-problems.js';

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
  /** Entries read per query on the exact path. */
  readonly chunk?: number;
  /** The fast path's blocks and threads (SQLite); false for the exact path alone. */
  readonly blocks?: BlockPlan | false;
}

/** The stored interior hashes the leaves [first, last] completed, by `level/index`. */
export const nodesCompletedIn = async (
  snapshot: LedgerSnapshot,
  first: number,
  last: number,
  aboveLevel = 0,
): Promise<Map<number, Buffer>> => {
  const found = new Map<number, Buffer>();
  for (const r of await snapshot.nodes(rangesCompletedBy(first, last).filter((r) => r.level > aboveLevel)))
    found.set(nodeKey(r.level, r.idx), r.hash);
  return found;
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
export const verifyLedger = (
  database: DatabaseHandle,
  log: LedgerLog,
  options: VerifyOptions,
): Promise<VerifyResult> =>
  withLedgerSnapshot(database, log, (snapshot) => verifySnapshot(snapshot, log, options));

const verifySnapshot = async (
  snapshot: LedgerSnapshot,
  log: LedgerLog,
  options: VerifyOptions,
): Promise<VerifyResult> => {
  const chunk = options.chunk ?? 2048;
  const size = snapshot.head;
  let nodes = new Map<number, Buffer>();
  const verifier = new LogVerifier((level, index) => nodes.get(nodeKey(level, index)));
  const checkpoints = checkpointPager(snapshot);

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
  const plan = options.blocks ?? defaultBlockPlan();
  const fast =
    ok && plan !== false
      ? await verifyBlocks({
          snapshot,
          log,
          verifier,
          checkpoints,
          logKey: options.logKey,
          plan,
          checkpointsAtSize: checkCheckpointsAtCurrentSize,
          loadNodesAbove: async (level, first, last) => {
            nodes = await nodesCompletedIn(snapshot, first, last, level);
          },
          firstColumnsBad: async (from, count) => {
            for (const [idx, entry, , kind, actor, subject, time] of await snapshot.entriesWithColumns(
              from,
              count,
            ))
              if (!columnsAgree(entry, idx, kind, actor, subject, time)) return idx;
            return null;
          },
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        })
      : { next: 0, columnsBad: null };
  ok = verifier.problem === null;
  let next = fast.next;
  // The first entry whose search columns disagree with its bytes: reported only if the bytes and tree all hold.
  let columnsBad: number | null = fast.columnsBad;
  if (ok && next > 0) {
    // The exact path tells an inserted copy from a new entry by the leaf hashes just before it.
    const before = await snapshot.entries(Math.max(0, next - RECENT_LEAVES), Math.min(next, RECENT_LEAVES));
    verifier.remember(
      before[0]?.[0] ?? next,
      before.map((r) => r[2]),
    );
  }
  while (ok) {
    const rows = await snapshot.entriesWithColumns(next, chunk);
    const first = rows[0];
    const last = rows.at(-1);
    if (first === undefined || last === undefined) break;
    nodes = await nodesCompletedIn(snapshot, first[0], last[0]);
    for (const [idx, entry, leafHash, kind, actor, subject, createdAt] of rows) {
      if (verifier.size === size) ok = verifier.fail(problems.extraEntry(size));
      else ok = verifier.push(idx, entry, leafHash) && (await checkCheckpointsAtCurrentSize());
      if (!ok) break;
      if (columnsBad === null && !columnsAgree(entry, idx, kind, actor, subject, createdAt)) columnsBad = idx;
    }
    next = last[0] + 1;
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
    else if ((await snapshot.nodes(rangesBeyond(size), 1)).length > 0)
      verifier.fail(problems.logTruncated(size, { ja: '内部ハッシュ', en: 'interior hashes' }));
    else if (columnsBad !== null) verifier.fail(problems.indexColumnsMismatch(columnsBad));
    found = verifier.problem;
  }
  return resultOf(log, size, verifier, found);
};
