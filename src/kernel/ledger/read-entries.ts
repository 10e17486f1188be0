import type { Db } from '../db/index.js';
import type { LedgerLog } from './types.js';

export interface LedgerEntryView {
  readonly index: number;
  readonly time: string;
  readonly kind: string;
  readonly actor: string;
  readonly subject: string;
  readonly payload: unknown;
}

/** The entries about one record, newest first: the history tab of a record. */
export const entriesForSubject = async (
  db: Db,
  subject: string,
  log: LedgerLog = 'audit',
  limit = 200,
): Promise<LedgerEntryView[]> => {
  const rows = await db
    .selectFrom('ledger_entries')
    .select(['idx', 'entry', 'created_at'])
    .where('log', '=', log)
    .where('subject', '=', subject)
    // The (log, subject, created_at, idx) index gives this order without a sort.
    .orderBy('created_at', 'desc')
    .orderBy('idx', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => {
    const parsed = JSON.parse(Buffer.from(row.entry).toString('utf8')) as Omit<LedgerEntryView, 'index'> & {
      index: number;
    };
    return {
      index: row.idx,
      time: parsed.time,
      kind: parsed.kind,
      actor: parsed.actor,
      subject: parsed.subject,
      payload: parsed.payload,
    };
  });
};

export const ledgerSize = async (db: Db, log: LedgerLog = 'audit'): Promise<number> => {
  const row = await db.selectFrom('ledger_heads').select('size').where('log', '=', log).executeTakeFirst();
  return row?.size ?? 0;
};
