import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Dialect, Tx } from '../db/index.js';
import { canonicalJson, type JsonValue } from './canonical-json.js';

export type LedgerLog = 'audit' | 'vault';

/** What a use case says happened; the ledger adds the index and time. */
export interface LedgerDraft {
  /** Dotted verb, e.g. `org.unit.created`. */
  readonly kind: string;
  /** `type:id` of the record the change is about, e.g. `unit:…`. */
  readonly subject: string;
  readonly payload: JsonValue;
}

export interface AppendedEntry {
  readonly log: LedgerLog;
  readonly index: number;
  readonly leafHash: Buffer;
}

/** RFC 9162 §2.1.1: leaf hash = SHA-256(0x00 ‖ entry). */
export const leafHash = (entry: Uint8Array): Buffer =>
  createHash('sha256')
    .update(Buffer.from([0]))
    .update(entry)
    .digest();

export const entryBytes = (fields: {
  index: number;
  time: string;
  kind: string;
  actor: string;
  subject: string;
  payload: JsonValue;
}): Buffer => Buffer.from(canonicalJson(fields), 'utf8');

/**
 * Appends entries inside the caller's transaction, so the domain change and its entry commit together or not at
 * all. The head row serializes appenders: on PostgreSQL it is locked for the transaction; SQLite has one writer.
 */
export const appendEntries = async (
  tx: Tx,
  dialect: Dialect,
  context: { actor: string; time: string; log?: LedgerLog },
  drafts: readonly LedgerDraft[],
): Promise<AppendedEntry[]> => {
  const log = context.log ?? 'audit';
  const head = await sql<{ size: number }>`select size from ledger_heads where log = ${log}${
    dialect === 'postgres' ? sql` for update` : sql``
  }`.execute(tx);
  const start = head.rows[0]?.size ?? 0;
  const rows = drafts.map((draft, i) => {
    const index = start + i;
    const entry = entryBytes({
      index,
      time: context.time,
      kind: draft.kind,
      actor: context.actor,
      subject: draft.subject,
      payload: draft.payload,
    });
    return {
      log,
      idx: index,
      entry,
      leaf_hash: leafHash(entry),
      kind: draft.kind,
      actor: context.actor,
      subject: draft.subject,
      created_at: context.time,
    };
  });
  // Chunk to stay under bound-parameter limits on both dialects.
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insertInto('ledger_entries')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  await tx
    .updateTable('ledger_heads')
    .set({ size: start + rows.length })
    .where('log', '=', log)
    .execute();
  return rows.map((r) => ({ log, index: r.idx, leafHash: r.leaf_hash }));
};
