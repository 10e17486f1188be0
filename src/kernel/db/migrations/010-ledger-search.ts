import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Indexes for the ledger page: entries newest first (by time, then index) for any one of actor, kind or subject,
 * with or without a time range, each a range of one index read in order, so a page costs its rows whatever the
 * log's size. They replace the (subject, idx) and (actor, idx) indexes of 001, which gave no time order.
 */
export const up = async (db: Kysely<unknown>, _dialect: Dialect): Promise<void> => {
  await db.schema.dropIndex('ledger_entries_subject').execute();
  await db.schema.dropIndex('ledger_entries_actor').execute();
  for (const [name, column] of [
    ['ledger_entries_time', null],
    ['ledger_entries_kind', 'kind'],
    ['ledger_entries_actor', 'actor'],
    ['ledger_entries_subject', 'subject'],
  ] as const)
    await db.schema
      .createIndex(name)
      .on('ledger_entries')
      .columns(column === null ? ['log', 'created_at', 'idx'] : ['log', column, 'created_at', 'idx'])
      .execute();
};
