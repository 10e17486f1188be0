import { sql } from 'kysely';
import type { Dialect, Tx } from '../db/index.js';
import { canonicalJson, type JsonValue } from './canonical-json.js';
import { CompactRange, STORED_NODE_MIN_LEVEL, hashLeaf } from './merkle.js';
import { rightEdge } from './tree-store.js';
import type { LedgerLog } from './types.js';

export type { LedgerLog } from './types.js';

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
export const leafHash = (entry: Uint8Array): Buffer => hashLeaf(entry);

/**
 * The canonical JSON of an entry with its fields already JSON-encoded: the keys in RFC 8785 order (actor, index,
 * kind, payload, subject, time), so only the payload goes through the general canonicalizer.
 */
const encodeEntry = (
  actor: string,
  index: number,
  kind: string,
  payload: JsonValue,
  subject: string,
  time: string,
): Buffer =>
  Buffer.from(
    `{"actor":${actor},"index":${String(index)},"kind":${kind},"payload":${canonicalJson(payload)},"subject":${subject},"time":${time}}`,
    'utf8',
  );

/** The exact bytes hashed and stored: RFC 8785 canonical JSON of the entry's fields. */
export const entryBytes = (fields: {
  index: number;
  time: string;
  kind: string;
  actor: string;
  subject: string;
  payload: JsonValue;
}): Buffer => {
  if (!Number.isSafeInteger(fields.index)) return Buffer.from(canonicalJson(fields), 'utf8');
  return encodeEntry(
    JSON.stringify(fields.actor),
    fields.index,
    JSON.stringify(fields.kind),
    fields.payload,
    JSON.stringify(fields.subject),
    JSON.stringify(fields.time),
  );
};

/** Rows per INSERT: under the bound-parameter limits of both dialects. */
const ENTRY_CHUNK = 500;
const NODE_CHUNK = 1000;

/**
 * Appends entries inside the caller's transaction, so the domain change and its entry commit together or not at
 * all. The head row serializes appenders: on PostgreSQL it is locked for the transaction; SQLite has one writer.
 * The interior hashes the new leaves complete are computed from the right edge of the tree and those from level
 * STORED_NODE_MIN_LEVEL up written in the same transaction, so a proof never reads more than O(log n) rows.
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
  if (drafts.length === 0) return [];
  const range = new CompactRange(start, await rightEdge(tx, log, start));
  const nodes: { log: string; level: number; idx: number; hash: Buffer }[] = [];
  const actorJson = JSON.stringify(context.actor);
  const timeJson = JSON.stringify(context.time);
  const rows = drafts.map((draft, i) => {
    const index = start + i;
    const entry = encodeEntry(
      actorJson,
      index,
      JSON.stringify(draft.kind),
      draft.payload,
      JSON.stringify(draft.subject),
      timeJson,
    );
    const leaf = hashLeaf(entry);
    range.push(leaf, (n) => {
      if (n.level >= STORED_NODE_MIN_LEVEL) nodes.push({ log, level: n.level, idx: n.index, hash: n.hash });
    });
    return {
      log,
      idx: index,
      entry,
      leaf_hash: leaf,
      kind: draft.kind,
      actor: context.actor,
      subject: draft.subject,
      created_at: context.time,
    };
  });
  for (let i = 0; i < rows.length; i += ENTRY_CHUNK) {
    await tx
      .insertInto('ledger_entries')
      .values(rows.slice(i, i + ENTRY_CHUNK))
      .execute();
  }
  for (let i = 0; i < nodes.length; i += NODE_CHUNK) {
    await tx
      .insertInto('ledger_nodes')
      .values(nodes.slice(i, i + NODE_CHUNK))
      .execute();
  }
  await tx
    .updateTable('ledger_heads')
    .set({ size: start + rows.length })
    .where('log', '=', log)
    .execute();
  return rows.map((r) => ({ log, index: r.idx, leafHash: r.leaf_hash }));
};
