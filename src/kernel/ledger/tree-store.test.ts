import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness.js';
import type { DatabaseHandle } from '../db/index.js';
import { appendEntries, entryBytes } from './append.js';
import { verifyConsistency, verifyInclusion } from './merkle.js';
import { consistencyProof, inclusionProof, rootAt } from './tree-store.js';
import type { LedgerLog } from './types.js';

/** An independent, naive RFC 9162 MTH over the entry bytes. */
const mth = (entries: readonly Uint8Array[]): Buffer => {
  if (entries.length === 0) return createHash('sha256').digest();
  if (entries.length === 1)
    return createHash('sha256')
      .update(Buffer.from([0]))
      .update(entries[0] as Uint8Array)
      .digest();
  let k = 1;
  while (k * 2 < entries.length) k *= 2;
  return createHash('sha256')
    .update(Buffer.from([1]))
    .update(mth(entries.slice(0, k)))
    .update(mth(entries.slice(k)))
    .digest();
};

const resetLog = async (handle: DatabaseHandle, log: LedgerLog): Promise<void> => {
  await handle.db.deleteFrom('ledger_entries').where('log', '=', log).execute();
  await handle.db.deleteFrom('ledger_nodes').where('log', '=', log).execute();
  await handle.db.updateTable('ledger_heads').set({ size: 0 }).where('log', '=', log).execute();
};

const storedEntries = async (handle: DatabaseHandle, log: LedgerLog): Promise<Buffer[]> =>
  (
    await handle.db
      .selectFrom('ledger_entries')
      .select('entry')
      .where('log', '=', log)
      .orderBy('idx')
      .execute()
  ).map((r) => Buffer.from(r.entry));

describeEachDialect('ledger tree store', (db) => {
  it('stores exactly the entry bytes it hashes, and one interior hash per completed subtree', async () => {
    const { handle } = db();
    await resetLog(handle, 'vault');
    const appended = await handle.db.transaction().execute((tx) =>
      appendEntries(
        tx,
        handle.dialect,
        { actor: 'system:test', time: '2026-04-01T01:00:00.000Z', log: 'vault' },
        [
          { kind: 'vault.ingested', subject: 'host:a', payload: { line: '日本語 ✓' } },
          { kind: 'vault.ingested', subject: 'host:b', payload: { n: 1 } },
          { kind: 'vault.ingested', subject: 'host:c', payload: {} },
        ],
      ),
    );
    expect(appended.map((a) => a.index)).toEqual([0, 1, 2]);
    const entries = await storedEntries(handle, 'vault');
    expect(entries[0]).toEqual(
      entryBytes({
        index: 0,
        time: '2026-04-01T01:00:00.000Z',
        kind: 'vault.ingested',
        actor: 'system:test',
        subject: 'host:a',
        payload: { line: '日本語 ✓' },
      }),
    );
    expect(entries[0]?.toString('utf8')).toBe(
      '{"actor":"system:test","index":0,"kind":"vault.ingested","payload":{"line":"日本語 ✓"},"subject":"host:a","time":"2026-04-01T01:00:00.000Z"}',
    );
    const storedNodes = () =>
      handle.db
        .selectFrom('ledger_nodes')
        .select(['level', 'idx', 'hash'])
        .where('log', '=', 'vault')
        .orderBy('level')
        .orderBy('idx')
        .execute();
    // Nodes below level 4 are recomputed from the leaves, never stored.
    expect(await storedNodes()).toEqual([]);
    expect(await rootAt(handle.db, 'vault', 3)).toEqual(mth(entries));
    await handle.db.transaction().execute((tx) =>
      appendEntries(
        tx,
        handle.dialect,
        { actor: 'system:test', time: '2026-04-01T01:01:00.000Z', log: 'vault' },
        Array.from({ length: 30 }, (_, i) => ({ kind: 'vault.ingested', subject: 'host:d', payload: { i } })),
      ),
    );
    const all = await storedEntries(handle, 'vault');
    const nodes = await storedNodes();
    expect(nodes.map((n) => [n.level, n.idx])).toEqual([
      [4, 0],
      [4, 1],
      [5, 0],
    ]);
    expect(Buffer.from(nodes[0]!.hash)).toEqual(mth(all.slice(0, 16)));
    expect(Buffer.from(nodes[2]!.hash)).toEqual(mth(all.slice(0, 32)));
    expect(await rootAt(handle.db, 'vault', 33)).toEqual(mth(all));
    expect(await rootAt(handle.db, 'vault', 31)).toEqual(mth(all.slice(0, 31)));
  });

  it('for random histories, every proof from the store verifies against a naive recomputation', async () => {
    const { handle } = db();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 24 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 4, maxLength: 12 }),
        async (batches, picks) => {
          await resetLog(handle, 'vault');
          for (const [b, count] of batches.entries()) {
            await handle.db.transaction().execute((tx) =>
              appendEntries(
                tx,
                handle.dialect,
                {
                  actor: `account:${b}`,
                  time: new Date(Date.UTC(2026, 3, 1, 0, b)).toISOString(),
                  log: 'vault',
                },
                Array.from({ length: count }, (_, i) => ({
                  kind: 'test.appended',
                  subject: `batch:${b}`,
                  payload: { i, text: 'x'.repeat(i) },
                })),
              ),
            );
          }
          const entries = await storedEntries(handle, 'vault');
          const n = entries.length;
          expect(n).toBe(batches.reduce((a, b) => a + b, 0));
          for (const [a, b] of picks) {
            const size = 1 + (a % n);
            const index = b % size;
            const root = mth(entries.slice(0, size));
            const inclusion = await inclusionProof(handle.db, 'vault', index, size);
            expect(inclusion.rootHash).toEqual(root);
            expect(verifyInclusion(index, size, inclusion.leafHash, inclusion.proof, root)).toBe(true);
            const from = b % (size + 1);
            const consistency = await consistencyProof(handle.db, 'vault', from, size);
            expect(consistency.fromRoot).toEqual(mth(entries.slice(0, from)));
            expect(verifyConsistency(from, size, consistency.proof, mth(entries.slice(0, from)), root)).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('rolls back the entries and their interior hashes with the transaction that appended them', async () => {
    const { handle } = db();
    await resetLog(handle, 'vault');
    const context = { actor: 'system:test', time: '2026-04-01T01:00:00.000Z', log: 'vault' as const };
    const draft = { kind: 'test.appended', subject: 'x:1', payload: {} };
    await handle.db.transaction().execute((tx) => appendEntries(tx, handle.dialect, context, [draft]));
    await expect(
      handle.db.transaction().execute(async (tx) => {
        await appendEntries(
          tx,
          handle.dialect,
          context,
          Array.from({ length: 40 }, () => draft),
        );
        throw new Error('the domain change failed');
      }),
    ).rejects.toThrow('the domain change failed');
    const nodes = await handle.db
      .selectFrom('ledger_nodes')
      .select('idx')
      .where('log', '=', 'vault')
      .execute();
    expect(nodes).toEqual([]);
    expect(await storedEntries(handle, 'vault')).toHaveLength(1);
    await handle.db.transaction().execute((tx) => appendEntries(tx, handle.dialect, context, [draft]));
    const entries = await storedEntries(handle, 'vault');
    expect(await rootAt(handle.db, 'vault', 2)).toEqual(mth(entries));
  });
});
