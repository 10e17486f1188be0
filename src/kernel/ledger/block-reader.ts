import type SQLite from 'better-sqlite3';
import { STORED_NODE_MIN_LEVEL } from './merkle.js';
import type { BlockRows } from './block-verify.js';
import type { LedgerLog } from './types.js';

/**
 * Reads one aligned block of a SQLite log in a single aggregate query: the entries concatenated behind their leaf
 * prefix, the stored leaf hashes concatenated, and the search columns of each entry, joined by control characters
 * the block hasher checks for, with whether all of them are text (text sorts after numbers and before blobs). One
 * row of 2^level entries instead of 2^level rows: better-sqlite3 spends more on building each row's values than
 * SQLite does reading them.
 */
const BLOCK_SQL = `
  select count(*), min(idx), max(idx),
    cast(x'00' || group_concat(entry, x'00') as blob),
    cast(group_concat(leaf_hash, x'') as blob),
    min(length(leaf_hash) = 32),
    group_concat(concat_ws(char(1), actor, kind, subject, created_at), char(2)),
    min(actor >= '' and actor < x'' and kind >= '' and kind < x'' and subject >= '' and subject < x''
      and created_at >= '' and created_at < x'')
  from ledger_entries where log = ? and idx >= ? and idx < ?`;

const NODES_SQL =
  'select level, idx, hash from ledger_nodes where log = ? and level = ? and idx >= ? and idx < ?';

type BlockRow = [
  number,
  number | null,
  number | null,
  Buffer | null,
  Buffer | null,
  number | null,
  string | null,
  number | null,
];

export type BlockRead = (start: number, level: number) => BlockRows;

export const sqliteBlockReader = (db: SQLite.Database, log: LedgerLog): BlockRead => {
  const block = db.prepare(BLOCK_SQL).raw(true);
  const nodes = db.prepare(NODES_SQL).raw(true);
  return (start, level) => {
    const [count, minIdx, maxIdx, entries, leafHashes, sizes, columns, text] = block.get(
      log,
      start,
      start + 2 ** level,
    ) as BlockRow;
    const stored: [number, number, Buffer][] = [];
    for (let l = STORED_NODE_MIN_LEVEL; l <= level; l++) {
      const from = start / 2 ** l;
      for (const row of nodes.all(log, l, from, from + 2 ** (level - l)) as [number, number, Buffer][])
        stored.push(row);
    }
    return {
      count,
      minIdx,
      maxIdx,
      entries,
      leafHashes,
      leafHashSizes: sizes === 1,
      columns,
      columnsText: text === 1,
      nodes: stored,
    };
  };
};
