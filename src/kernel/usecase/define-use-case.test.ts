import { z } from 'zod';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness.js';
import { auditEntries, auditSize } from '../../../test/ledger-helpers.js';
import { systemActor } from '../access/index.js';
import type { DatabaseHandle } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { storedNodeCount } from '../ledger/merkle.js';
import { defineUseCase, type LedgerEntries } from './define-use-case.js';

/**
 * The use-case wrapper is the only way to change state (第7 1(4)イ, 1(6)): the change and its ledger entries
 * commit in one transaction or not at all, and a use case cannot leave its entry out.
 */
const lease = (name: string) => ({
  name,
  holder: 'test',
  lease_until: '2026-04-01T00:00:00.000Z',
  last_started_at: null,
  last_finished_at: null,
  last_outcome: null,
  runs: 0,
});

const leases = async (handle: DatabaseHandle, name: string): Promise<number> =>
  (await handle.db.selectFrom('job_leases').select('name').where('name', '=', name).execute()).length;

/** Writes a row, then does what `how` says: succeed, throw, fail its entry, dry-run or return no entry. */
const writeLease = defineUseCase({
  name: 'test.writeLease',
  input: z.object({
    name: z.string(),
    how: z.enum(['ok', 'throwAfterWrite', 'badEntry', 'dryRun', 'noEntry', 'refused']),
  }),
  authorize: (_ctx, input) => {
    if (input.how === 'refused')
      throw new AppError('forbidden', { ja: '権限がありません。', en: 'Not allowed.' });
  },
  execute: async (_ctx, input, tx) => {
    await tx.insertInto('job_leases').values(lease(input.name)).execute();
    if (input.how === 'throwAfterWrite') throw new Error('the rule refused it after the write');
    const entry = {
      kind: 'test.leaseWritten',
      subject: `jobLease:${input.name}`,
      payload: { name: input.name, ...(input.how === 'badEntry' ? { amount: Number.NaN } : {}) },
    };
    if (input.how === 'noEntry') return { result: 'written', ledger: [] as unknown as LedgerEntries };
    return { result: 'written', ledger: [entry], ...(input.how === 'dryRun' ? { commit: false } : {}) };
  },
});

// A use case that returns no entry does not compile (typecheck runs over the tests): `ledger` needs one.
defineUseCase({
  name: 'test.forgets',
  input: z.object({}),
  authorize: () => undefined,
  // @ts-expect-error the empty ledger
  execute: () => Promise.resolve({ result: null, ledger: [] }),
});

describeEachDialect('defineUseCase: the change and its entries in one transaction', (db) => {
  it('commits the change with its entry, by the actor, at the clock time', async () => {
    const { handle } = db();
    const before = await auditSize(handle);
    expect(await writeLease(db().ctx(systemActor('scheduler')), { name: 'a', how: 'ok' })).toBe('written');
    expect(await leases(handle, 'a')).toBe(1);
    expect(await auditEntries(handle, before)).toEqual([
      {
        index: before,
        time: db().clock.now().toISOString(),
        kind: 'test.leaseWritten',
        actor: 'system:scheduler',
        subject: 'jobLease:a',
        payload: { name: 'a' },
      },
    ]);
  });

  it('keeps neither the change nor an entry when the rule, the entry or the authorization fails', async () => {
    const { handle } = db();
    const before = await auditSize(handle);
    for (const [how, message] of [
      ['throwAfterWrite', /refused it after the write/],
      ['badEntry', /NaN/],
      ['noEntry', /no ledger entry/],
      ['refused', /Not allowed/],
    ] as const) {
      await expect(writeLease(db().ctx(), { name: how, how }), how).rejects.toThrow(message);
      expect(await leases(handle, how), how).toBe(0);
    }
    expect(await auditSize(handle)).toBe(before);
    const nodes = await handle.db
      .selectFrom('ledger_nodes')
      .select('idx')
      .where('log', '=', 'audit')
      .execute();
    // Interior hashes only for the entries that exist: the complete subtrees of level 4 and up of n leaves.
    expect(nodes).toHaveLength(storedNodeCount(before));
  });

  it('runs a dry run to the end, entries included, and keeps nothing', async () => {
    const { handle } = db();
    const before = await auditSize(handle);
    expect(await writeLease(db().ctx(), { name: 'dry', how: 'dryRun' })).toBe('written');
    expect(await leases(handle, 'dry')).toBe(0);
    expect(await auditSize(handle)).toBe(before);
  });
});
