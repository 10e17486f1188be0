import type SQLite from 'better-sqlite3';
import { STORED_NODE_MIN_LEVEL } from './merkle.js';
import type { BlockRows } from './block-verify.js';
import type { LedgerLog } from './types.js';

/**
 * Reads one aligned block of a SQLite log in a single aggregate query: the entries concatenated behind their leaf
 * prefix, the stored leaf hashes concatenated, and the entries whose search columns SQLite does not find at the
 * start and end of their bytes. One row of 2^level entries instead of 2^level rows: better-sqlite3 spends more on
 * building each row's values than SQLite does reading them.
 *
 * The column test mirrors `columnsAgree` with SQLite's json_quote; where the two quote a value differently the
 * entry is only a suspect, and the caller checks it again with `columnsAgree`.
 */
const BLOCK_SQL = `
  select count(*), min(idx), max(idx),
    cast(x'00' || group_concat(entry, x'00') as blob),
    cast(group_concat(leaf_hash, x'') as blob),
    min(length(leaf_hash) = 32),
    group_concat(case when length(entry) >= length(head) + length(tail)
      and substr(entry, 1, length(head)) = head and substr(entry, -length(tail)) = tail then null else idx end)
  from (
    select idx, entry, leaf_hash,
      cast('{"actor":' || json_quote(actor) || ',"index":' || idx || ',"kind":' || json_quote(kind)
        || ',"payload":' as blob) as head,
      cast(',"subject":' || json_quote(subject) || ',"time":' || json_quote(created_at) || '}' as blob) as tail
    from ledger_entries where log = ? and idx >= ? and idx < ?
  )`;

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
];

export type BlockRead = (start: number, level: number) => BlockRows;

export const sqliteBlockReader = (db: SQLite.Database, log: LedgerLog): BlockRead => {
  const block = db.prepare(BLOCK_SQL).raw(true);
  const nodes = db.prepare(NODES_SQL).raw(true);
  return (start, level) => {
    const [count, minIdx, maxIdx, entries, leafHashes, sizes, suspects] = block.get(
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
      columnSuspects: suspects === null ? [] : suspects.split(',').map(Number),
      nodes: stored,
    };
  };
};
