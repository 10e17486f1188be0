import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, type Kysely } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { hashLeaf, verifyInclusion } from '../../ledger/merkle.js';
import { inclusionProof, rootAt } from '../../ledger/tree-store.js';
import { openPostgres, openSqlite, type DatabaseHandle } from '../database.js';
import { migrateToLatest } from '../migrate.js';
import * as m001 from './001-foundation.js';

const postgresUrl = process.env['MAMORI_TEST_POSTGRES_URL'];

/** A database at the level before the ledger issue, holding entries the old append wrote (no interior hashes). */
const atFoundation = async (handle: DatabaseHandle, entries: number): Promise<Buffer[]> => {
  const migrator = new Migrator({
    db: handle.db,
    provider: {
      getMigrations: () =>
        Promise.resolve({ '001-foundation': { up: (db: Kysely<unknown>) => m001.up(db, handle.dialect) } }),
    },
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('migration 001 failed');
  const bytes = Array.from({ length: entries }, (_, i) => Buffer.from(`{"index":${i},"old":true}`));
  for (let i = 0; i < entries; i += 100)
    await handle.db
      .insertInto('ledger_entries')
      .values(
        bytes.slice(i, i + 100).map((entry, j) => ({
          log: 'audit',
          idx: i + j,
          entry,
          leaf_hash: hashLeaf(entry),
          kind: 'old.entry',
          actor: 'system:old',
          subject: 'old:1',
          created_at: '2026-01-01T00:00:00.000Z',
        })),
      )
      .execute();
  await handle.db.updateTable('ledger_heads').set({ size: entries }).where('log', '=', 'audit').execute();
  return bytes;
};

/** The root straight from the RFC's recursion, over leaf hashes, with its own SHA-256 calls. */
const naiveRoot = (leaves: readonly Buffer[]): Buffer => {
  if (leaves.length === 1) return leaves[0] as Buffer;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return createHash('sha256')
    .update(Buffer.from([1]))
    .update(naiveRoot(leaves.slice(0, k)))
    .update(naiveRoot(leaves.slice(k)))
    .digest();
};

const check = async (handle: DatabaseHandle): Promise<void> => {
  const bytes = await atFoundation(handle, 1234);
  await migrateToLatest(handle);
  const leaves = bytes.map((b) => hashLeaf(b));
  expect(await rootAt(handle.db, 'audit', 1234)).toEqual(naiveRoot(leaves));
  expect(await rootAt(handle.db, 'audit', 1000)).toEqual(naiveRoot(leaves.slice(0, 1000)));
  const proof = await inclusionProof(handle.db, 'audit', 777, 1234);
  expect(verifyInclusion(777, 1234, leaves[777] as Buffer, proof.proof, naiveRoot(leaves))).toBe(true);
  const nodes = await handle.db
    .selectFrom('ledger_nodes')
    .select('level')
    .where('log', '=', 'audit')
    .execute();
  // 002 stored every level; 013 keeps those of level 4 and up: ⌊1234/16⌋ + ⌊1234/32⌋ + … = 77 + 38 + 19 + 9 + 4 + 2 + 1.
  expect(nodes).toHaveLength(150);
  expect(nodes.every((n) => n.level >= 4)).toBe(true);
};

describe('migration 002-ledger', () => {
  it('computes the interior hashes of entries written before it [sqlite]', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mamori-m002-'));
    const handle = openSqlite(join(dir, 'old.sqlite'));
    try {
      await check(handle);
    } finally {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(postgresUrl)('computes the interior hashes of entries written before it [postgres]', async () => {
    const name = `mamori_m002_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(postgresUrl ?? '');
    url.pathname = `/${name}`;
    const handle = openPostgres(url.toString(), 2);
    try {
      await check(handle);
    } finally {
      await handle.close();
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    }
  });
});
