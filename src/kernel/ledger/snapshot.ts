import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/index.js';
import { STORED_NODE_MIN_LEVEL } from './merkle.js';
import { sqliteBlockReader, type BlockRead } from './block-reader.js';
import type { LedgerReader } from './tree-store.js';
import type { LedgerLog } from './types.js';

/** [index, exact entry bytes, stored leaf hash]: a tuple, as the driver returns it, to keep the hot loop cheap. */
export type SnapshotEntry = readonly [idx: number, entry: Buffer, leafHash: Buffer];

/** An entry with the columns searches and history tabs read beside its bytes (kind, actor, subject, time). */
export type SnapshotEntryWithColumns = readonly [
  idx: number,
  entry: Buffer,
  leafHash: Buffer,
  kind: string,
  actor: string,
  subject: string,
  createdAt: string,
];

export interface SnapshotNode {
  readonly level: number;
  readonly idx: number;
  readonly hash: Buffer;
}

export interface NodeRange {
  readonly level: number;
  readonly from: number;
  /** Inclusive; no upper bound when absent. */
  readonly to?: number;
}

/**
 * One consistent view of a log for a long read (verification, export): the head and every row as of one moment,
 * so entries appended meanwhile are neither missed nor mistaken for rows added behind the ledger's back.
 */
export interface LedgerSnapshot {
  readonly head: number;
  entries(from: number, limit: number): Promise<SnapshotEntry[]>;
  entriesWithColumns(from: number, limit: number): Promise<SnapshotEntryWithColumns[]>;
  nodes(ranges: readonly NodeRange[], limit?: number): Promise<SnapshotNode[]>;
  checkpoints(after: number, limit: number): Promise<{ size: number; note: string }[]>;
  /** The sizes of the checkpoints in (after, upTo]. */
  checkpointSizes(after: number, upTo: number): Promise<number[]>;
  cosignatures(from: number, to: number): Promise<{ size: number; line: string; key: string }[]>;
  /** SQLite: the database file (for worker threads) and the block reader of the fast path, in this snapshot. */
  readonly blocks?: { readonly file: string; readonly read: BlockRead };
}

/** Lets the event loop run between pages: a synchronous SQLite read must not starve the server. */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Whether (log, idx) is unique in ledger_entries, as its primary key makes it: the fast path of verification
 * counts a block's rows and relies on it (a schema rebuilt without the key leaves only the exact path).
 */
const entriesKeyHolds = (db: SQLite.Database): boolean =>
  (db.pragma('index_list(ledger_entries)') as { name: string; unique: number; partial: number }[]).some(
    (index) =>
      index.unique === 1 &&
      index.partial === 0 &&
      (db.pragma(`index_info(${JSON.stringify(index.name)})`) as { name: string }[])
        .map((c) => c.name)
        .join(',') === 'log,idx',
  );

/**
 * SQLite: a separate read-only connection in one read transaction (WAL gives it a snapshot while writers go on),
 * read with prepared statements, which is also several times faster than building each page as a query.
 */
const sqliteSnapshot = async <T>(
  file: string,
  log: LedgerLog,
  run: (snapshot: LedgerSnapshot) => Promise<T>,
): Promise<T> => {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // A long sequential read gains nothing from a large page cache: keep the reader's memory small.
    db.pragma('cache_size = -2000');
    db.exec('begin');
    const headRow = db.prepare('select size from ledger_heads where log = ?').get(log) as
      { size: number } | undefined;
    const entries = db
      .prepare(
        'select idx, entry, leaf_hash from ledger_entries where log = ? and idx >= ? order by idx limit ?',
      )
      .raw(true);
    const withColumns = db
      .prepare(
        `select idx, entry, leaf_hash, kind, actor, subject, created_at from ledger_entries
         where log = ? and idx >= ? order by idx limit ?`,
      )
      .raw(true);
    const bounded = db
      .prepare(
        'select level, idx, hash from ledger_nodes where log = ? and level = ? and idx >= ? and idx <= ?',
      )
      .raw(true);
    const open = db
      .prepare('select level, idx, hash from ledger_nodes where log = ? and level = ? and idx >= ? limit ?')
      .raw(true);
    const checkpoints = db.prepare(
      'select size, note from ledger_checkpoints where log = ? and size > ? order by size limit ?',
    );
    const checkpointSizes = db
      .prepare('select size from ledger_checkpoints where log = ? and size > ? and size <= ? order by size')
      .pluck();
    const cosignatures = db.prepare(
      `select size, signature as line, verifier_key as key from ledger_cosignatures
       where log = ? and size >= ? and size <= ? order by size, created_at`,
    );
    const snapshot: LedgerSnapshot = {
      head: headRow?.size ?? 0,
      entries: async (from, limit) => {
        await breathe();
        return entries.all(log, from, limit) as SnapshotEntry[];
      },
      entriesWithColumns: async (from, limit) => {
        await breathe();
        return withColumns.all(log, from, limit) as SnapshotEntryWithColumns[];
      },
      nodes: (ranges, limit) => {
        const rows: SnapshotNode[] = [];
        for (const r of ranges) {
          if (limit !== undefined && rows.length >= limit) break;
          const found = (
            r.to === undefined
              ? open.all(log, r.level, r.from, limit ?? -1)
              : bounded.all(log, r.level, r.from, r.to)
          ) as [number, number, Buffer][];
          for (const [level, idx, hash] of found) rows.push({ level, idx, hash });
        }
        return Promise.resolve(limit === undefined ? rows : rows.slice(0, limit));
      },
      checkpoints: (after, limit) =>
        Promise.resolve(checkpoints.all(log, after, limit) as { size: number; note: string }[]),
      checkpointSizes: (after, upTo) => Promise.resolve(checkpointSizes.all(log, after, upTo) as number[]),
      cosignatures: (from, to) =>
        Promise.resolve(cosignatures.all(log, from, to) as { size: number; line: string; key: string }[]),
      ...(entriesKeyHolds(db) ? { blocks: { file, read: sqliteBlockReader(db, log) } } : {}),
    };
    return await run(snapshot);
  } finally {
    if (db.inTransaction) db.exec('commit');
    db.close();
  }
};

/** PostgreSQL (or any Kysely database): one REPEATABLE READ transaction, read-only in effect. */
const kyselySnapshot = <T>(
  reader: LedgerReader,
  log: LedgerLog,
  run: (snapshot: LedgerSnapshot) => Promise<T>,
): Promise<T> =>
  reader
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const head = await tx
        .selectFrom('ledger_heads')
        .select('size')
        .where('log', '=', log)
        .executeTakeFirst();
      return run({
        head: head?.size ?? 0,
        entries: async (from, limit) =>
          (
            await tx
              .selectFrom('ledger_entries')
              .select(['idx', 'entry', 'leaf_hash'])
              .where('log', '=', log)
              .where('idx', '>=', from)
              .orderBy('idx')
              .limit(limit)
              .execute()
          ).map((r): SnapshotEntry => [r.idx, Buffer.from(r.entry), Buffer.from(r.leaf_hash)]),
        entriesWithColumns: async (from, limit) =>
          (
            await tx
              .selectFrom('ledger_entries')
              .select(['idx', 'entry', 'leaf_hash', 'kind', 'actor', 'subject', 'created_at'])
              .where('log', '=', log)
              .where('idx', '>=', from)
              .orderBy('idx')
              .limit(limit)
              .execute()
          ).map((r): SnapshotEntryWithColumns => [
            r.idx,
            Buffer.from(r.entry),
            Buffer.from(r.leaf_hash),
            r.kind,
            r.actor,
            r.subject,
            r.created_at,
          ]),
        nodes: async (ranges, limit) => {
          if (ranges.length === 0) return [];
          const parts = ranges.map(
            (r) =>
              sql`select level, idx, hash from ledger_nodes where log = ${log} and level = ${r.level} and idx >= ${r.from}${
                r.to === undefined ? sql`` : sql` and idx <= ${r.to}`
              }`,
          );
          const rows = await sql<{
            level: number;
            idx: number;
            hash: Uint8Array;
          }>`${sql.join(parts, sql` union all `)}${
            limit === undefined ? sql`` : sql` limit ${limit}`
          }`.execute(tx);
          return rows.rows.map((r) => ({ level: r.level, idx: r.idx, hash: Buffer.from(r.hash) }));
        },
        checkpoints: (after, limit) =>
          tx
            .selectFrom('ledger_checkpoints')
            .select(['size', 'note'])
            .where('log', '=', log)
            .where('size', '>', after)
            .orderBy('size')
            .limit(limit)
            .execute(),
        checkpointSizes: async (after, upTo) =>
          (
            await tx
              .selectFrom('ledger_checkpoints')
              .select('size')
              .where('log', '=', log)
              .where('size', '>', after)
              .where('size', '<=', upTo)
              .orderBy('size')
              .execute()
          ).map((r) => r.size),
        cosignatures: async (from, to) =>
          (
            await tx
              .selectFrom('ledger_cosignatures')
              .select(['size', 'signature', 'verifier_key'])
              .where('log', '=', log)
              .where('size', '>=', from)
              .where('size', '<=', to)
              .orderBy('size')
              .orderBy('created_at')
              .execute()
          ).map((c) => ({ size: c.size, line: c.signature, key: c.verifier_key })),
      });
    });

export const withLedgerSnapshot = <T>(
  database: DatabaseHandle,
  log: LedgerLog,
  run: (snapshot: LedgerSnapshot) => Promise<T>,
): Promise<T> =>
  database.dialect === 'sqlite'
    ? sqliteSnapshot(database.location, log, run)
    : kyselySnapshot(database.db, log, run);

/** A numeric key for a node (level ≤ 52, index < 2^47): cheaper than a string in the verification loop. */
export const nodeKey = (level: number, index: number): number => index * 64 + level;

/** The stored interior hashes completed by the leaves [first, last]: (i+1)·2^L − 1 falls in the range. */
export const rangesCompletedBy = (first: number, last: number): NodeRange[] => {
  const ranges: NodeRange[] = [];
  for (let level = STORED_NODE_MIN_LEVEL; 2 ** level <= last + 1; level++) {
    const width = 2 ** level;
    const from = Math.ceil((first + 1) / width) - 1;
    const to = Math.floor((last + 1) / width) - 1;
    if (from <= to) ranges.push({ level, from, to });
  }
  return ranges;
};

/** The ranges of stored interior hashes that would reach past a log of `size` leaves: i ≥ ⌊size/2^L⌋. */
export const rangesBeyond = (size: number): NodeRange[] =>
  Array.from({ length: 53 - STORED_NODE_MIN_LEVEL }, (_, i) => {
    const level = STORED_NODE_MIN_LEVEL + i;
    return { level, from: Math.floor(size / 2 ** level) };
  });
