import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness.js';
import { buildHistory, historyArb, log, tamper, tamperingArb } from '../../../test/ledger-tampering.js';
import { loadOrCreateDeploymentKey, logVerifierKey, type DeploymentKey } from './keys.js';
import { parseVerifierKey } from './note.js';
import { verifyLedger } from './verify.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mamori-verify-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Blocks of 16 entries checked in this thread: the fast path over the short histories of these tests. */
const fastPath = { level: 4, threads: 0 };

describeEachDialect('ledger verification', (db) => {
  let key: DeploymentKey;
  const logKey = () => parseVerifierKey(logVerifierKey(key.name, key.publicKey, log));

  it('passes an untouched log with its checkpoints and cosignatures, and reports progress', async () => {
    key = await loadOrCreateDeploymentKey(db().handle.db, join(dir, `${db().dialect}.key`));
    const size = await buildHistory(db().handle, key, [
      { count: 5, checkpoint: true },
      { count: 9, checkpoint: true },
      { count: 3, checkpoint: false },
    ]);
    const seen: number[] = [];
    const result = await verifyLedger(db().handle, log, {
      logKey: logKey(),
      chunk: 4,
      onProgress: (done) => seen.push(done),
    });
    expect(result).toMatchObject({ ok: true, size, verified: size, checkpoints: 3, cosignatures: 1 });
    expect(result.firstBadIndex).toBeNull();
    expect(seen.at(-1)).toBe(size);
    expect(seen.length).toBeGreaterThan(3);
  });

  it('detects every kind of tampering in random histories, naming the exact first bad index', async () => {
    const { handle } = db();
    await fc.assert(
      fc.asyncProperty(
        historyArb,
        tamperingArb,
        fc.integer({ min: 2, max: 64 }),
        async (history, t, chunk) => {
          const size = await buildHistory(handle, key, history);
          expect((await verifyLedger(handle, log, { logKey: logKey(), blocks: false })).ok).toBe(true);
          expect((await verifyLedger(handle, log, { logKey: logKey(), blocks: fastPath })).ok).toBe(true);
          const expected = await tamper(handle, size, t);
          if (expected === null) return;
          const result = await verifyLedger(handle, log, { logKey: logKey(), chunk, blocks: false });
          expect(result.ok, JSON.stringify(t)).toBe(false);
          expect({ ...result, message: undefined }, JSON.stringify(t)).toMatchObject(expected);
          expect(result.message?.ja.length).toBeGreaterThan(0);
          expect(result.message?.en.length).toBeGreaterThan(0);
          // The fast path (SQLite: blocks of 16 here) finds the same first problem, told the same way.
          const fast = await verifyLedger(handle, log, { logKey: logKey(), chunk, blocks: fastPath });
          expect(fast, JSON.stringify(t)).toEqual(result);
        },
      ),
      { numRuns: db().dialect === 'sqlite' ? 120 : 50 },
    );
  });
});
