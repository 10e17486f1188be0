import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { AppError } from '../errors/index.js';
import {
  completeSubtrees,
  consistencyRanges,
  foldSubtrees,
  inclusionRanges,
  nodeKeyString,
  STORED_NODE_MIN_LEVEL,
  subtreeHash,
  type LeafRange,
  type NodeHash,
  type NodeKey,
} from './merkle.js';
import type { LedgerLog } from './types.js';

/** Reads with the database or inside a transaction. */
export type LedgerReader = Kysely<Database>;

export const storeDamaged = (log: LedgerLog, what: string): AppError =>
  new AppError(
    'internal',
    {
      ja: `台帳（${log}）の保存データが欠けています: ${what}。mamori ledger verify で確認してください。`,
      en: `The ${log} ledger store is damaged: ${what}. Run mamori ledger verify.`,
    },
    { internal: `ledger ${log}: ${what}` },
  );

/**
 * Stored interior nodes in index ranges, one per level: a UNION ALL of primary-key range reads. (An OR of the
 * ranges lets SQLite's planner fall back to scanning the whole log, which made every append O(n).)
 */
export const nodesInRanges = async (
  db: LedgerReader,
  log: LedgerLog,
  ranges: readonly { level: number; from: number; to?: number }[],
  limit?: number,
): Promise<{ level: number; idx: number; hash: Uint8Array }[]> => {
  if (ranges.length === 0) return [];
  const parts = ranges.map(
    (r) =>
      sql`select level, idx, hash from ledger_nodes where log = ${log} and level = ${r.level} and idx >= ${r.from}${
        r.to === undefined ? sql`` : sql` and idx <= ${r.to}`
      }`,
  );
  const query = sql<{ level: number; idx: number; hash: Uint8Array }>`${sql.join(parts, sql` union all `)}${
    limit === undefined ? sql`` : sql` limit ${limit}`
  }`;
  return (await query.execute(db)).rows;
};

/** Leaf ranges [start, end) sorted and merged where they touch, so each is one index range read. */
const mergeRanges = (ranges: readonly LeafRange[]): LeafRange[] => {
  const merged: { start: number; end: number }[] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last !== undefined && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ start: r.start, end: r.end });
  }
  return merged;
};

/** The stored leaf hashes of the entries in the ranges, by index: one UNION ALL of primary-key range reads. */
const leafHashesIn = async (
  db: LedgerReader,
  log: LedgerLog,
  ranges: readonly LeafRange[],
): Promise<Map<number, Buffer>> => {
  const leaves = new Map<number, Buffer>();
  if (ranges.length === 0) return leaves;
  const parts = ranges.map(
    (r) =>
      sql`select idx, leaf_hash from ledger_entries where log = ${log} and idx >= ${r.start} and idx < ${r.end}`,
  );
  const rows = await sql<{
    idx: number;
    leaf_hash: Uint8Array;
  }>`${sql.join(parts, sql` union all `)}`.execute(db);
  for (const r of rows.rows) leaves.set(r.idx, Buffer.from(r.leaf_hash));
  return leaves;
};

/**
 * The hashes of complete subtrees: leaves from the entries' stored leaf hashes, nodes below the lowest stored
 * level recomputed from those (at most 8 leaves each), higher levels from the stored interior nodes. At most two
 * queries, each O(number of keys) indexed range reads.
 */
export const readSubtreeHashes = async (
  db: LedgerReader,
  log: LedgerLog,
  keys: readonly NodeKey[],
): Promise<Map<string, Buffer>> => {
  const found = new Map<string, Buffer>();
  const fromLeaves = keys.filter((k) => k.level < STORED_NODE_MIN_LEVEL);
  const interior = keys.filter((k) => k.level >= STORED_NODE_MIN_LEVEL);
  const leafRange = (k: NodeKey): LeafRange => ({
    start: k.index * 2 ** k.level,
    end: (k.index + 1) * 2 ** k.level,
  });
  const leaves = await leafHashesIn(db, log, mergeRanges(fromLeaves.map(leafRange)));
  for (const k of fromLeaves) {
    const { start, end } = leafRange(k);
    const hashes: Buffer[] = [];
    for (let i = start; i < end; i++) {
      const leaf = leaves.get(i);
      if (leaf === undefined) throw storeDamaged(log, `the leaf hash of entry ${i} is missing`);
      hashes.push(leaf);
    }
    found.set(nodeKeyString(k), subtreeHash(hashes));
  }
  if (interior.length > 0) {
    const rows = await nodesInRanges(
      db,
      log,
      interior.map((k) => ({ level: k.level, from: k.index, to: k.index })),
    );
    for (const r of rows) found.set(nodeKeyString({ level: r.level, index: r.idx }), Buffer.from(r.hash));
  }
  for (const k of keys)
    if (!found.has(nodeKeyString(k))) throw storeDamaged(log, `hash ${nodeKeyString(k)} is missing`);
  return found;
};

const hashOf = (hashes: Map<string, Buffer>, key: NodeKey): Buffer =>
  hashes.get(nodeKeyString(key)) as Buffer;

const rangeHash = (hashes: Map<string, Buffer>, range: LeafRange): Buffer =>
  foldSubtrees(completeSubtrees(range.start, range.end).map((k) => hashOf(hashes, k)));

/** The right edge of the tree of `size` leaves: its complete subtrees with their stored hashes. */
export const rightEdge = async (db: LedgerReader, log: LedgerLog, size: number): Promise<NodeHash[]> => {
  const keys = completeSubtrees(0, size);
  const hashes = await readSubtreeHashes(db, log, keys);
  return keys.map((k) => ({ ...k, hash: hashOf(hashes, k) }));
};

export const rootAt = async (db: LedgerReader, log: LedgerLog, size: number): Promise<Buffer> =>
  foldSubtrees((await rightEdge(db, log, size)).map((n) => n.hash));

export interface InclusionProof {
  readonly index: number;
  readonly size: number;
  readonly leafHash: Buffer;
  readonly rootHash: Buffer;
  readonly proof: Buffer[];
}

/** RFC 9162 §2.1.3.1 from stored hashes (the caller checks index < size ≤ the log's size). */
export const inclusionProof = async (
  db: LedgerReader,
  log: LedgerLog,
  index: number,
  size: number,
): Promise<InclusionProof> => {
  const ranges = inclusionRanges(index, size);
  const leaf = { level: 0, index };
  const keys = [
    leaf,
    ...completeSubtrees(0, size),
    ...ranges.flatMap((r) => completeSubtrees(r.start, r.end)),
  ];
  const hashes = await readSubtreeHashes(db, log, keys);
  return {
    index,
    size,
    leafHash: hashOf(hashes, leaf),
    rootHash: rangeHash(hashes, { start: 0, end: size }),
    proof: ranges.map((r) => rangeHash(hashes, r)),
  };
};

export interface ConsistencyProof {
  readonly from: number;
  readonly to: number;
  readonly fromRoot: Buffer;
  readonly toRoot: Buffer;
  readonly proof: Buffer[];
}

/** RFC 9162 §2.1.4.1 from stored hashes (the caller checks from ≤ to ≤ the log's size). */
export const consistencyProof = async (
  db: LedgerReader,
  log: LedgerLog,
  from: number,
  to: number,
): Promise<ConsistencyProof> => {
  const ranges = consistencyRanges(from, to);
  const keys = [
    ...completeSubtrees(0, from),
    ...completeSubtrees(0, to),
    ...ranges.flatMap((r) => completeSubtrees(r.start, r.end)),
  ];
  const hashes = await readSubtreeHashes(db, log, keys);
  return {
    from,
    to,
    fromRoot: rangeHash(hashes, { start: 0, end: from }),
    toRoot: rangeHash(hashes, { start: 0, end: to }),
    proof: ranges.map((r) => rangeHash(hashes, r)),
  };
};
