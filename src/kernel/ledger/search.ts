import { sql, type RawBuilder } from 'kysely';
import type { DatabaseHandle, Db } from '../db/index.js';
import type { LedgerLog } from './types.js';

/** What the ledger page filters on; every field but the log is optional. Times are ISO-8601 UTC instants. */
export interface EntrySearch {
  readonly log: LedgerLog;
  readonly actor?: string;
  readonly kind?: string;
  readonly subject?: string;
  /** Inclusive. */
  readonly from?: string;
  /** Exclusive. */
  readonly to?: string;
  /** The index of the last entry of the previous page: the page continues after it. */
  readonly before?: number;
  readonly limit: number;
}

export interface FoundEntry {
  readonly index: number;
  /** The exact bytes hashed into the log. */
  readonly entry: Buffer;
  readonly leafHash: Buffer;
  /** Read from the entry's bytes, not from the index columns beside them. */
  readonly time: string;
  readonly kind: string;
  readonly actor: string;
  readonly subject: string;
  readonly payload: unknown;
  /**
   * false when the columns the search uses (kind, actor, subject, time) disagree with the entry's bytes, or the
   * bytes are not an entry: they were changed outside the ledger (the bytes are what the tree proves).
   */
  readonly columnsMatch: boolean;
}

interface Parsed {
  time: string;
  kind: string;
  actor: string;
  subject: string;
  payload: unknown;
}

const parse = (entry: Uint8Array): Parsed | null => {
  try {
    const v = JSON.parse(Buffer.from(entry).toString('utf8')) as Partial<Parsed> | null;
    if (
      v === null ||
      typeof v.time !== 'string' ||
      typeof v.kind !== 'string' ||
      typeof v.actor !== 'string' ||
      typeof v.subject !== 'string'
    )
      return null;
    return { time: v.time, kind: v.kind, actor: v.actor, subject: v.subject, payload: v.payload ?? null };
  } catch {
    return null;
  }
};

interface Row {
  idx: number;
  entry: Uint8Array;
  leaf_hash: Uint8Array;
  kind: string;
  actor: string;
  subject: string;
  created_at: string;
}

/** The page's query; the index it reads is chosen here (see searchEntries). */
export const searchQuery = (
  database: DatabaseHandle,
  q: EntrySearch,
  cursor: { readonly time: string; readonly index: number } | null,
): RawBuilder<Row> => {
  const where: RawBuilder<unknown>[] = [sql`log = ${q.log}`];
  if (q.subject !== undefined) where.push(sql`subject = ${q.subject}`);
  if (q.actor !== undefined) where.push(sql`actor = ${q.actor}`);
  if (q.kind !== undefined) where.push(sql`kind = ${q.kind}`);
  if (q.from !== undefined) where.push(sql`created_at >= ${q.from}`);
  // One upper bound, where the index range ends: the cursor's (a row value, so the range starts exactly after it
  // even among entries of one time), unless `to` is already below it.
  if (cursor !== null && (q.to === undefined || q.to > cursor.time))
    where.push(sql`(created_at, idx) < (${cursor.time}, ${cursor.index})`);
  else if (q.to !== undefined) where.push(sql`created_at < ${q.to}`);
  const index =
    q.subject !== undefined
      ? 'ledger_entries_subject'
      : q.actor !== undefined
        ? 'ledger_entries_actor'
        : q.kind !== undefined
          ? 'ledger_entries_kind'
          : 'ledger_entries_time';
  const table =
    database.dialect === 'sqlite' ? sql.raw(`ledger_entries indexed by ${index}`) : sql.raw('ledger_entries');
  return sql<Row>`
    select idx, entry, leaf_hash, kind, actor, subject, created_at from ${table}
    where ${sql.join(where, sql` and `)}
    order by created_at desc, idx desc limit ${q.limit + 1}`;
};

/**
 * Entries newest first (time, then index), filtered by any of actor, kind, subject and a time range, a page at a
 * time (keyset: the page after `before`). Each equality filter has an index (log, column, created_at, idx) and
 * the time range alone uses (log, created_at, idx) (migration 010), so a page reads its own rows plus what the
 * other filters skip, not the log. SQLite is told which index (without statistics its planner takes the time
 * index for a subject and a time range, and scans the range); PostgreSQL's planner has statistics. Returns
 * `next`, the index to pass as `before` (null on the last page), or null when `before` names no entry.
 */
export const searchEntries = async (
  database: DatabaseHandle,
  q: EntrySearch,
): Promise<{ entries: FoundEntry[]; next: number | null } | null> => {
  const db = database.db;
  let cursor: { time: string; index: number } | null = null;
  if (q.before !== undefined) {
    const row = await db
      .selectFrom('ledger_entries')
      .select('created_at')
      .where('log', '=', q.log)
      .where('idx', '=', q.before)
      .executeTakeFirst();
    if (!row) return null;
    cursor = { time: row.created_at, index: q.before };
  }
  const { rows } = await searchQuery(database, q, cursor).execute(db);
  const page = rows.slice(0, q.limit);
  return {
    entries: page.map((r): FoundEntry => {
      const parsed = parse(r.entry);
      return {
        index: r.idx,
        entry: Buffer.from(r.entry),
        leafHash: Buffer.from(r.leaf_hash),
        time: parsed?.time ?? r.created_at,
        kind: parsed?.kind ?? r.kind,
        actor: parsed?.actor ?? r.actor,
        subject: parsed?.subject ?? r.subject,
        payload: parsed?.payload ?? null,
        columnsMatch:
          parsed !== null &&
          parsed.time === r.created_at &&
          parsed.kind === r.kind &&
          parsed.actor === r.actor &&
          parsed.subject === r.subject,
      };
    }),
    next: rows.length > q.limit ? (page.at(-1)?.idx ?? null) : null,
  };
};

/**
 * The distinct kinds of a log, without reading it: each step seeks the next kind in the (log, kind, …) index
 * (a loose index scan, the same recursive query on both dialects).
 */
export const entryKinds = async (db: Db, log: LedgerLog, limit = 500): Promise<string[]> => {
  const rows = await sql<{ kind: string | null }>`
    with recursive k(kind) as (
      select min(kind) from ledger_entries where log = ${log}
      union all
      select (select min(kind) from ledger_entries where log = ${log} and kind > k.kind) from k
      where k.kind is not null
    )
    select kind from k where kind is not null limit ${limit}`.execute(db);
  return rows.rows.map((r) => r.kind).filter((k): k is string => k !== null);
};
