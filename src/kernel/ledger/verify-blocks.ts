import { availableParallelism } from 'node:os';
import { inlineBlockVerifier, threadedBlockVerifier, type BlockVerifier } from './block-pool.js';
import type { BlockOutcome } from './block-verify.js';
import type { CheckpointPager } from './checkpoint-pager.js';
import { foldSubtrees } from './merkle.js';
import { parseNote, parseVerifierKey, type VerifierKey } from './note.js';
import type { LedgerSnapshot } from './snapshot.js';
import type { LedgerLog } from './types.js';
import type { LogVerifier } from './verify-core.js';
import { cosignatureHolds, openCheckpoint } from './verify-problems.js';

/** How the fast path splits a log: blocks of 2^level entries, checked by `threads` worker threads (0: inline). */
export interface BlockPlan {
  readonly level: number;
  readonly threads: number;
}

/**
 * 1,024 entries a block (≈ 0.4 MB of typical entries read at once: larger blocks were no faster and cost each
 * thread ≈ 20 MB more); both cores of the hospital's server.
 */
export const defaultBlockPlan = (): BlockPlan => ({
  level: 10,
  threads: Math.min(2, availableParallelism()),
});

/** Below this many blocks, starting threads costs more than it saves: the blocks are checked inline. */
const MIN_BLOCKS_FOR_THREADS = 4;

export interface BlocksInput {
  readonly snapshot: LedgerSnapshot;
  readonly log: LedgerLog;
  readonly verifier: LogVerifier;
  readonly checkpoints: CheckpointPager;
  readonly logKey: VerifierKey | null;
  readonly plan: BlockPlan;
  /** The exact path's check of the checkpoints (and cosignatures) at the verifier's current size. */
  readonly checkpointsAtSize: () => Promise<boolean>;
  /** Loads the stored interior hashes above `level` that the leaves [first, last] complete, for the verifier. */
  readonly loadNodesAbove: (level: number, first: number, last: number) => Promise<void>;
  /** The first entry in [from, from + count) whose search columns disagree with its bytes, checked exactly. */
  readonly firstColumnsBad: (from: number, count: number) => Promise<number | null>;
  readonly onProgress?: (verified: number, total: number) => void;
}

export interface BlocksResult {
  /** Where the exact path goes on: after the last block that held, or at the start of one that did not. */
  readonly next: number;
  /** The first entry whose search columns disagree with its bytes, among the blocks that held. */
  readonly columnsBad: number | null;
}

const NOT_OK: BlockOutcome = { ok: false };
const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * The fast path of `verifyLedger` (SQLite): the log's complete blocks checked in parallel, then folded in order
 * here, where every checkpoint inside a block is checked against the root at its size (the tree's edge so far and
 * the block's own edge at that size) before the block is taken. The first block where anything differs, or a
 * checkpoint or cosignature that does not verify, ends the fast path: the exact path starts again at that block
 * with everything before it verified, and names the problem. Entries whose search columns a block found to
 * disagree with their bytes are confirmed here by the exact check, as are all of a block's when it could not
 * tell its columns apart.
 */
export const verifyBlocks = async (input: BlocksInput): Promise<BlocksResult> => {
  const { snapshot, verifier, plan } = input;
  const width = 2 ** plan.level;
  const blocks = Math.floor((snapshot.head - verifier.size) / width);
  const source = snapshot.blocks;
  if (source === undefined || blocks === 0 || verifier.size !== 0 || !verifier.isSettled())
    return { next: verifier.size, columnsBad: null };
  const engine: BlockVerifier =
    plan.threads > 0 && blocks >= MIN_BLOCKS_FOR_THREADS
      ? threadedBlockVerifier(source.file, input.log, plan.level, plan.threads)
      : inlineBlockVerifier(source.read, plan.level);
  const ahead = Math.max(2, plan.threads * 2);
  const queue: { start: number; prefixes: number[]; outcome: Promise<BlockOutcome> }[] = [];
  let dispatched = 0;
  let columnsBad: number | null = null;
  try {
    for (let b = 0; b < blocks; b++) {
      for (; dispatched < blocks && dispatched < b + ahead; dispatched++) {
        const start = dispatched * width;
        const prefixes = (await snapshot.checkpointSizes(start, start + width - 1)).map((s) => s - start);
        // A thread that fails (it could not start, say) only ends the fast path.
        const outcome = engine.verify({ start, level: plan.level, prefixes }).catch(() => NOT_OK);
        queue.push({ start, prefixes, outcome });
      }
      const block = queue.shift();
      if (block === undefined) break;
      const outcome = await block.outcome;
      if (!outcome.ok) return { next: block.start, columnsBad };
      const root = asBuffer(outcome.root);
      if (!(await checkpointsHold(input, block.start, block.prefixes, outcome.prefixEdges)))
        return { next: block.start, columnsBad };
      await input.loadNodesAbove(plan.level, block.start, block.start + width - 1);
      // A checkpoint at the block's end is checked as the exact path checks it: after the leaf that completes it
      // (and the interior hashes that leaf completes), so a mismatch waits for the next entry's evidence there.
      if (
        !verifier.pushBlock(plan.level, root) ||
        !(await input.checkpointsAtSize()) ||
        !verifier.isSettled()
      )
        return { next: verifier.size, columnsBad };
      if (columnsBad === null)
        columnsBad = outcome.columnsUnchecked
          ? await input.firstColumnsBad(block.start, width)
          : await firstConfirmed(outcome.columnSuspects, input.firstColumnsBad);
      input.onProgress?.(verifier.size, snapshot.head);
    }
    return { next: verifier.size, columnsBad };
  } finally {
    await engine.close();
    // Outcomes still in flight are dropped; each already ends in a value, never a rejection.
    await Promise.all(queue.map((q) => q.outcome));
  }
};

/** The first suspect the exact check confirms. */
const firstConfirmed = async (
  suspects: readonly number[],
  firstColumnsBad: BlocksInput['firstColumnsBad'],
): Promise<number | null> => {
  for (const idx of suspects) if ((await firstColumnsBad(idx, 1)) !== null) return idx;
  return null;
};

/** A cosigner's key that does not even parse is left to the exact path too. */
const cosignatureVerifies = (text: string, c: { readonly line: string; readonly key: string }): boolean => {
  try {
    return cosignatureHolds(text, c.line, parseVerifierKey(c.key));
  } catch {
    return false;
  }
};

/**
 * The checkpoints inside the block, in (start, start + width), against the roots at their sizes; counted only if all of them and
 * their cosignatures hold (otherwise the exact path checks them again and names the first that does not).
 */
const checkpointsHold = async (
  input: BlocksInput,
  start: number,
  prefixes: readonly number[],
  edges: readonly (readonly Uint8Array[])[],
): Promise<boolean> => {
  const { verifier, checkpoints, logKey } = input;
  const inBlock = await checkpoints.through(start + 2 ** input.plan.level - 1);
  if (inBlock.length !== prefixes.length) return false;
  const edge = verifier.edge();
  for (const [i, checkpoint] of inBlock.entries()) {
    const blockEdge = edges[i];
    if (checkpoint.size - start !== prefixes[i] || blockEdge === undefined) return false;
    const opened = openCheckpoint(checkpoint.size, checkpoint.note, logKey);
    if ('problem' in opened || !opened.root.equals(foldSubtrees([...edge, ...blockEdge.map(asBuffer)])))
      return false;
    const text = parseNote(checkpoint.note).text;
    for (const c of checkpoint.cosignatures) if (!cosignatureVerifies(text, c)) return false;
  }
  for (const checkpoint of inBlock) verifier.countCheckpoint(checkpoint.size, checkpoint.cosignatures.length);
  checkpoints.drop(inBlock.length);
  return true;
};
