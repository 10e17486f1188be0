import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHistory, log, tamper, type Tampering } from '../../../test/ledger-tampering.js';
import { migrateToLatest, openSqlite, type DatabaseHandle } from '../db/index.js';
import { loadOrCreateDeploymentKey, logVerifierKey, type DeploymentKey } from './keys.js';
import { parseVerifierKey } from './note.js';
import { verifyLedger } from './verify.js';

/**
 * The fast path in worker threads (SQLite): 18 blocks of 16 entries, so two real threads each read and hash
 * blocks on their own connection while this thread folds them and checks the checkpoints inside them. Each
 * verdict must be the exact path's, to the message.
 */
describe('ledger verification in worker threads [sqlite]', () => {
  let dir: string;
  let handle: DatabaseHandle;
  let key: DeploymentKey;
  const threads = { level: 4, threads: 2 };
  const logKey = () => parseVerifierKey(logVerifierKey(key.name, key.publicKey, log));
  // Checkpoints inside blocks (sizes 24, 48, …) and on their edges (96, 192, 288).
  const history = Array.from({ length: 12 }, (_, b) => ({ count: 24, checkpoint: b % 2 === 0 || b === 3 }));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mamori-verify-threads-'));
    handle = openSqlite(join(dir, 'threads.sqlite'));
    await migrateToLatest(handle);
    key = await loadOrCreateDeploymentKey(handle.db, join(dir, 'deployment.key'));
  });
  afterAll(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies an untouched log as the exact path does, with progress block by block', async () => {
    const size = await buildHistory(handle, key, history);
    const seen: number[] = [];
    const result = await verifyLedger(handle, log, {
      logKey: logKey(),
      blocks: threads,
      onProgress: (done) => seen.push(done),
    });
    expect(result).toMatchObject({ ok: true, size, verified: size, checkpoints: 8, cosignatures: 6 });
    expect(result).toEqual(await verifyLedger(handle, log, { logKey: logKey(), blocks: false }));
    expect(seen.slice(0, 3)).toEqual([16, 32, 48]);
    expect(seen.at(-1)).toBe(size);
  });

  const cases: Tampering[] = [
    { kind: 'flipByte', at: 150, byte: 40 },
    { kind: 'alterNode', at: 7 },
    { kind: 'rewriteConsistently', at: 100 },
    { kind: 'insertCopy', at: 200 },
    { kind: 'alterColumn', at: 77, column: 'subject' },
    { kind: 'alterCosignature', at: 2 },
  ];
  for (const t of cases)
    it(`finds ${t.kind} where the exact path does`, async () => {
      const size = await buildHistory(handle, key, history);
      const expected = await tamper(handle, size, t);
      const result = await verifyLedger(handle, log, { logKey: logKey(), blocks: threads });
      expect(result.ok).toBe(false);
      expect({ ...result, message: undefined }).toMatchObject(expected ?? {});
      expect(result).toEqual(await verifyLedger(handle, log, { logKey: logKey(), blocks: false }));
    });

  const hidden: [string, unknown][] = [
    ['a value holding a separator of the block reader', 'hidden\u0001elsewhere'],
    ['a blob in place of text', Buffer.from('hidden:elsewhere')],
  ];
  for (const [what, value] of hidden)
    it(`finds a search column changed to ${what}`, async () => {
      await buildHistory(handle, key, history);
      await sql`update ledger_entries set subject = ${value} where log = ${log} and idx = 130`.execute(
        handle.db,
      );
      const result = await verifyLedger(handle, log, { logKey: logKey(), blocks: threads });
      expect(result).toMatchObject({ ok: false, firstBadIndex: 130, reason: 'indexColumnsMismatch' });
      expect(result).toEqual(await verifyLedger(handle, log, { logKey: logKey(), blocks: false }));
    });

  it('keeps to the exact path when the entries table lost its primary key (a block could hold a row twice)', async () => {
    const size = await buildHistory(handle, key, history);
    await sql`create table ledger_entries_copy as select * from ledger_entries`.execute(handle.db);
    await sql`drop table ledger_entries`.execute(handle.db);
    await sql`alter table ledger_entries_copy rename to ledger_entries`.execute(handle.db);
    // Entry 41's row relabelled 40: two rows claim 40, none 41.
    await sql`update ledger_entries set idx = 40 where log = ${log} and idx = 41`.execute(handle.db);
    const seen: number[] = [];
    const result = await verifyLedger(handle, log, {
      logKey: logKey(),
      blocks: threads,
      onProgress: (done) => seen.push(done),
    });
    expect(result).toMatchObject({ ok: false, firstBadIndex: 41, reason: 'entryOutOfPlace' });
    expect(seen).not.toContain(16);
    expect(size).toBe(288);
  });
});
