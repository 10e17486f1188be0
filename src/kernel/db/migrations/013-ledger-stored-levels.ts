import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * The ledger stores interior hashes from level 4 up (ledger/merkle.ts, STORED_NODE_MIN_LEVEL): a node below covers
 * at most 8 leaves and is recomputed from their stored leaf hashes. The lower levels written before are derived
 * data that no reader consults any more; removing them keeps the store what verification expects. The leaves,
 * the higher levels and the signed checkpoints, which are what proves the log, are untouched.
 */
export const up = async (db: Kysely<unknown>, _dialect: Dialect): Promise<void> => {
  await sql`delete from ledger_nodes where level < 4`.execute(db);
};
