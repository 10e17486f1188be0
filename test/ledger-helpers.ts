import type { DatabaseHandle } from '../src/kernel/index.js';

export interface ParsedEntry {
  index: number;
  time: string;
  kind: string;
  actor: string;
  subject: string;
  payload: Record<string, unknown>;
}

/** The audit log's entries as stored (parsed from the exact bytes), oldest first. */
export const auditEntries = async (handle: DatabaseHandle, fromIndex = 0): Promise<ParsedEntry[]> => {
  const rows = await handle.db
    .selectFrom('ledger_entries')
    .select(['entry'])
    .where('log', '=', 'audit')
    .where('idx', '>=', fromIndex)
    .orderBy('idx')
    .execute();
  return rows.map((r) => JSON.parse(Buffer.from(r.entry).toString('utf8')) as ParsedEntry);
};

export const auditSize = async (handle: DatabaseHandle): Promise<number> => {
  const row = await handle.db
    .selectFrom('ledger_heads')
    .select('size')
    .where('log', '=', 'audit')
    .executeTakeFirstOrThrow();
  return row.size;
};
