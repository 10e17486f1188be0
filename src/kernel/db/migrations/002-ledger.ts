import { sql, type Kysely } from 'kysely';
import { CompactRange } from '../../ledger/merkle.js';
import type { Dialect } from '../database.js';

/**
 * The tamper-evident ledger: interior hashes of complete subtrees, the deployment key's public half, signed
 * checkpoints, auditors' cosignatures and verification runs. Entries written before this migration get their
 * interior hashes computed here from their stored leaf hashes.
 */
export const up = async (db: Kysely<unknown>, dialect: Dialect): Promise<void> => {
  const blob = sql.raw(dialect === 'postgres' ? 'bytea' : 'blob');

  // A node at level L, index i covers leaves [i·2^L, (i+1)·2^L); level 0 (the leaves) lives in ledger_entries.
  await db.schema
    .createTable('ledger_nodes')
    .addColumn('log', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('hash', blob, (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_nodes_pk', ['log', 'level', 'idx'])
    .$call((b) => (dialect === 'sqlite' ? b.modifyEnd(sql`without rowid`) : b))
    .execute();

  await db.schema
    .createTable('ledger_keys')
    .addColumn('purpose', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ledger_checkpoints')
    .addColumn('log', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('root', blob, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_checkpoints_pk', ['log', 'size'])
    .execute();

  await db.schema
    .createTable('ledger_cosignatures')
    .addColumn('log', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('cosigner', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('verifier_key', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_cosignatures_pk', ['log', 'size', 'cosigner', 'key_id'])
    .execute();

  await db.schema
    .createTable('ledger_verifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('log', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('checkpoints', 'integer', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('first_bad_index', 'integer')
    .addColumn('reason', 'text')
    .addColumn('result', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ledger_verifications_log')
    .on('ledger_verifications')
    .columns(['log', 'started_at'])
    .execute();

  for (const log of ['audit', 'vault']) await backfillNodes(db, log);
};

/** Interior hashes for the entries an older version wrote, from their stored leaf hashes, in index order. */
const backfillNodes = async (db: Kysely<unknown>, log: string): Promise<void> => {
  const range = new CompactRange();
  let next = 0;
  for (;;) {
    const rows = await sql<{ idx: number; leaf_hash: Uint8Array }>`
      select idx, leaf_hash from ledger_entries where log = ${log} and idx >= ${next} order by idx limit 5000
    `.execute(db);
    if (rows.rows.length === 0) return;
    const nodes: { level: number; idx: number; hash: Buffer }[] = [];
    for (const row of rows.rows) {
      if (row.idx !== range.size) throw new Error(`ledger ${log}: entry ${range.size} is missing`);
      range.push(Buffer.from(row.leaf_hash), (n) =>
        nodes.push({ level: n.level, idx: n.index, hash: n.hash }),
      );
    }
    for (let i = 0; i < nodes.length; i += 500) {
      const chunk = nodes.slice(i, i + 500);
      await sql`insert into ledger_nodes (log, level, idx, hash) values ${sql.join(
        chunk.map((n) => sql`(${log}, ${n.level}, ${n.idx}, ${n.hash})`),
      )}`.execute(db);
    }
    next = range.size;
  }
};
