import { hash } from 'node:crypto';
import { STORED_NODE_MIN_LEVEL, completeSubtrees } from './merkle.js';
import { ColumnEncoder, partsAgree, type ColumnParts } from './entry-columns.js';
import { claimedIndex } from './verify-problems.js';

/**
 * The fast path of verification: one aligned block of 2^level leaves checked at once, from rows read in one
 * aggregate query. It decides only "everything in this block holds" (the bytes, the stored leaf and interior
 * hashes inside it, each entry at its place); anything else sends the block back to the exact path, which finds
 * and names the first problem. So the fast path never needs its own diagnostics, and never accepts what the
 * exact path would reject. Pure (node:crypto only), so a worker thread can run it.
 *
 * Hashes are kept in reused buffers and taken from node's one-shot hash as latin1 ('binary') strings: allocating a Buffer per
 * digest costs more than the digest of a 371-byte entry itself. What leaves the block is copied into arrays of
 * its own, so posting it to another thread copies 32 bytes, not a pooled slab.
 */

/** What one aggregate query returns for the leaves [start, start + 2^level) (see block-reader.ts). */
export interface BlockRows {
  readonly count: number;
  readonly minIdx: number | null;
  readonly maxIdx: number | null;
  /** 0x00 ‖ e0 ‖ 0x00 ‖ e1 ‖ …: each entry after its leaf prefix, in the order read. */
  readonly entries: Uint8Array | null;
  /** The stored leaf hashes, concatenated in the same order. */
  readonly leafHashes: Uint8Array | null;
  /** Whether every stored leaf hash is 32 bytes long. */
  readonly leafHashSizes: boolean;
  /** Each entry's actor, kind, subject and time joined by U+0001, entries joined by U+0002, in the order read. */
  readonly columns: string | null;
  /** Whether every search column holds text (a blob would hide the entry from searches). */
  readonly columnsText: boolean;
  /** The stored interior hashes of levels STORED_NODE_MIN_LEVEL..level inside the block. */
  readonly nodes: readonly (readonly [level: number, idx: number, hash: Uint8Array])[];
}

export interface BlockTask {
  readonly start: number;
  readonly level: number;
  /** Leaf counts within the block (0 < p < 2^level) at which a checkpoint needs the tree's right edge. */
  readonly prefixes: readonly number[];
}

export type BlockOutcome =
  | {
      readonly ok: true;
      readonly root: Uint8Array;
      /** For each prefix, the complete subtrees of [start, start + p), largest first. */
      readonly prefixEdges: readonly (readonly Uint8Array[])[];
      /** Entries whose search columns disagree with their bytes (the caller confirms them exactly). */
      readonly columnSuspects: readonly number[];
      /** The columns could not be told apart here (a value holds a separator, or is not text): check them all. */
      readonly columnsUnchecked: boolean;
    }
  | { readonly ok: false };

const NOT_OK: BlockOutcome = { ok: false };

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Reusable per-level buffers of one block size: level l holds 2^(level-l) hashes. */
export class BlockHasher {
  private readonly levels: Buffer[] = [];
  private readonly scratch = Buffer.alloc(65);
  private readonly encoder = new ColumnEncoder();
  /** Where each entry of the block ends in the concatenated bytes (it starts one past the previous end). */
  private readonly ends: Int32Array;

  constructor(readonly level: number) {
    if (level < STORED_NODE_MIN_LEVEL) throw new RangeError(`blocks below level ${STORED_NODE_MIN_LEVEL}`);
    for (let l = 0; l <= level; l++) this.levels.push(Buffer.alloc(32 * 2 ** (level - l)));
    this.scratch[0] = 0x01;
    this.ends = new Int32Array(2 ** level);
  }

  verify(task: BlockTask, rows: BlockRows): BlockOutcome {
    const width = 2 ** this.level;
    const { start } = task;
    if (task.level !== this.level || start % width !== 0)
      throw new RangeError(`block ${start}/${task.level}`);
    if (rows.count !== width || rows.minIdx !== start || rows.maxIdx !== start + width - 1) return NOT_OK;
    if (rows.entries === null || rows.leafHashes === null || !rows.leafHashSizes) return NOT_OK;
    const entries = asBuffer(rows.entries);
    const leafHashes = asBuffer(rows.leafHashes);
    if (leafHashes.length !== 32 * width || !this.hashLeaves(entries, leafHashes, width)) return NOT_OK;
    const suspects =
      rows.columnsText && rows.columns !== null ? this.columnSuspects(start, entries, rows.columns) : null;
    if (!this.indexesClaimed(start, entries, suspects)) return NOT_OK;
    leafHashes.copy(this.levels[0] as Buffer);
    this.hashNodes();
    if (!this.nodesAgree(start, rows.nodes)) return NOT_OK;
    return {
      ok: true,
      root: new Uint8Array(this.hashAt(this.level, 0)),
      prefixEdges: task.prefixes.map((p) =>
        completeSubtrees(0, p).map((k) => new Uint8Array(this.hashAt(k.level, k.index))),
      ),
      columnSuspects: suspects ?? [],
      columnsUnchecked: suspects === null,
    };
  }

  private hashAt(level: number, index: number): Buffer {
    return (this.levels[level] as Buffer).subarray(32 * index, 32 * index + 32);
  }

  /**
   * Hashes each entry with the 0x00 before it and compares the hashes with the stored ones at once (one string:
   * writing each digest into a buffer costs more than joining them). Exactly `width` entries.
   */
  private hashLeaves(entries: Buffer, leafHashes: Buffer, width: number): boolean {
    if (entries[0] !== 0x00) return false;
    let computed = '';
    let from = 1;
    for (let i = 0; i < width; i++) {
      let end = entries.indexOf(0x00, from);
      // A zero byte inside an entry would split it: then there are more pieces than rows.
      if (end < 0 ? i !== width - 1 : i === width - 1) return false;
      if (end < 0) end = entries.length;
      this.ends[i] = end;
      computed += hash('sha256', entries.subarray(from - 1, end), 'binary');
      from = end + 1;
    }
    return computed === leafHashes.toString('latin1');
  }

  /**
   * Each entry claims its own index. Where its columns agree with its bytes this already holds (the digits after
   * the actor are the index, and an escaped actor cannot hold `"index":`); the others are read here.
   */
  private indexesClaimed(start: number, entries: Buffer, suspects: readonly number[] | null): boolean {
    const claims = (i: number): boolean =>
      claimedIndex(entries.subarray(i === 0 ? 0 : this.ends[i - 1], this.ends[i])) === start + i;
    // claimedIndex reads at most 15 digits: beyond them the columns say nothing about it.
    if (suspects === null || start + this.ends.length > 1e15) return this.ends.every((_, i) => claims(i));
    return suspects.every((idx) => claims(idx - start));
  }

  /**
   * The entries whose search columns disagree with their bytes (the test of `columnsAgree`); null when the joined
   * columns do not split into exactly four values an entry (a value holding a separator). Entries of one append
   * share their columns: a row equal to the one before reuses its encoding.
   */
  private columnSuspects(start: number, entries: Buffer, columns: string): number[] | null {
    const width = this.ends.length;
    const suspects: number[] = [];
    let at = 0;
    let row: string | null = null;
    let parts: ColumnParts | null = null;
    for (let i = 0; i < width; i++) {
      const found = columns.indexOf('\u0002', at);
      if (found < 0 ? i !== width - 1 : i === width - 1) return null;
      const end = found < 0 ? columns.length : found;
      const next = columns.slice(at, end);
      if (next !== row || parts === null) {
        row = next;
        const fields = row.split('\u0001');
        const [actor, kind, subject, time] = fields;
        if (fields.length !== 4 || actor === undefined || kind === undefined) return null;
        parts = this.encoder.parts(kind, actor, subject ?? '', time ?? '');
      }
      const from = i === 0 ? 1 : (this.ends[i - 1] as number) + 1;
      if (!partsAgree(entries, from, this.ends[i] as number, start + i, parts)) suspects.push(start + i);
      at = end + 1;
    }
    return suspects;
  }

  private hashNodes(): void {
    const { scratch } = this;
    for (let l = 1; l <= this.level; l++) {
      const below = this.levels[l - 1] as Buffer;
      const here = this.levels[l] as Buffer;
      for (let j = 0; j < here.length / 32; j++) {
        below.copy(scratch, 1, 64 * j, 64 * j + 64);
        here.write(hash('sha256', scratch, 'binary'), 32 * j, 'latin1');
      }
    }
  }

  /** Every stored interior hash inside the block is there once and equals the one recomputed. */
  private nodesAgree(start: number, nodes: BlockRows['nodes']): boolean {
    let expected = 0;
    for (let l = STORED_NODE_MIN_LEVEL; l <= this.level; l++) expected += 2 ** (this.level - l);
    if (nodes.length !== expected) return false;
    // Rows are unique by primary key; the bitmap keeps a duplicated row from standing in for a missing one.
    const seen = new Uint8Array(2 ** (this.level - STORED_NODE_MIN_LEVEL + 1));
    for (const [level, idx, stored] of nodes) {
      if (level < STORED_NODE_MIN_LEVEL || level > this.level) return false;
      const j = idx - start / 2 ** level;
      if (!Number.isInteger(j) || j < 0 || j >= 2 ** (this.level - level)) return false;
      // Heap order: level L's node 0 at 1, level L-1's at 2, … (one slot per node of the stored levels).
      const slot = 2 ** (this.level - level) + j;
      if (seen[slot] === 1 || !this.hashAt(level, j).equals(asBuffer(stored))) return false;
      seen[slot] = 1;
    }
    return true;
  }
}
