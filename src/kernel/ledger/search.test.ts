import fc from 'fast-check';
import { CompiledQuery, sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness.js';
import type { DatabaseHandle } from '../db/index.js';
import { appendEntries } from './append.js';
import { entryKinds, searchEntries, searchQuery, type EntrySearch } from './search.js';

const log = 'vault';
const actors = ['account:a', 'account:b', 'system:job'];
const kinds = ['org.unit.created', 'identity.signedIn', 'vault.ingested', 'ledger.verified'];
const subjects = ['unit:1', 'unit:2', 'host:x'];

interface Model {
  index: number;
  time: string;
  actor: string;
  kind: string;
  subject: string;
}

/** Batches at times that go back and forth (appenders in several processes, clocks apart). */
const batchArb = fc.array(
  fc.record({
    minute: fc.integer({ min: 0, max: 30 }),
    actor: fc.constantFrom(...actors),
    items: fc.array(fc.record({ kind: fc.constantFrom(...kinds), subject: fc.constantFrom(...subjects) }), {
      minLength: 1,
      maxLength: 6,
    }),
  }),
  { minLength: 1, maxLength: 12 },
);

const at = (minute: number): string => new Date(Date.UTC(2026, 3, 1, 0, minute)).toISOString();

const reset = async (handle: DatabaseHandle): Promise<void> => {
  await handle.db.deleteFrom('ledger_entries').where('log', '=', log).execute();
  await handle.db.deleteFrom('ledger_nodes').where('log', '=', log).execute();
  await handle.db.updateTable('ledger_heads').set({ size: 0 }).where('log', '=', log).execute();
};

interface Batch {
  minute: number;
  actor: string;
  items: { kind: string; subject: string }[];
}

const build = async (handle: DatabaseHandle, batches: readonly Batch[]): Promise<Model[]> => {
  await reset(handle);
  const model: Model[] = [];
  for (const b of batches) {
    const appended = await handle.db.transaction().execute((tx) =>
      appendEntries(
        tx,
        handle.dialect,
        { actor: b.actor, time: at(b.minute), log },
        b.items.map((i) => ({ kind: i.kind, subject: i.subject, payload: { note: '記録' } })),
      ),
    );
    appended.forEach((a, j) =>
      model.push({ index: a.index, time: at(b.minute), actor: b.actor, ...b.items[j]! }),
    );
  }
  return model;
};

/** Every page after the first continues from the last index shown, until `next` is null. */
const allPages = async (handle: DatabaseHandle, q: Omit<EntrySearch, 'before'>): Promise<number[]> => {
  const seen: number[] = [];
  let before: number | undefined;
  for (let pages = 0; pages < 200; pages++) {
    const page = await searchEntries(handle, before === undefined ? q : { ...q, before });
    if (page === null) throw new Error('cursor lost');
    seen.push(...page.entries.map((e) => e.index));
    if (page.next === null) return seen;
    expect(page.entries).toHaveLength(q.limit);
    before = page.next;
  }
  throw new Error('too many pages');
};

describeEachDialect('ledger search (the ledger page)', (db) => {
  it('pages through exactly the matching entries, newest first, for any filters and times that go back', async () => {
    const { handle } = db();
    await fc.assert(
      fc.asyncProperty(
        batchArb,
        fc.record({
          actor: fc.option(fc.constantFrom(...actors), { nil: undefined }),
          kind: fc.option(fc.constantFrom(...kinds), { nil: undefined }),
          subject: fc.option(fc.constantFrom(...subjects), { nil: undefined }),
          from: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
          span: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
          limit: fc.integer({ min: 1, max: 7 }),
        }),
        async (batches, f) => {
          const model = await build(handle, batches);
          const from = f.from === undefined ? undefined : at(f.from);
          const to = f.span === undefined ? undefined : at((f.from ?? 0) + f.span);
          const q: Omit<EntrySearch, 'before'> = {
            log,
            limit: f.limit,
            ...(f.actor === undefined ? {} : { actor: f.actor }),
            ...(f.kind === undefined ? {} : { kind: f.kind }),
            ...(f.subject === undefined ? {} : { subject: f.subject }),
            ...(from === undefined ? {} : { from }),
            ...(to === undefined ? {} : { to }),
          };
          const expected = model
            .filter(
              (m) =>
                (q.actor === undefined || m.actor === q.actor) &&
                (q.kind === undefined || m.kind === q.kind) &&
                (q.subject === undefined || m.subject === q.subject) &&
                (from === undefined || m.time >= from) &&
                (to === undefined || m.time < to),
            )
            .sort((a, b) => (a.time === b.time ? b.index - a.index : a.time < b.time ? 1 : -1))
            .map((m) => m.index);
          expect(await allPages(handle, q)).toEqual(expected);
        },
      ),
      { numRuns: db().dialect === 'sqlite' ? 80 : 30 },
    );
  });

  it('reads each entry from its bytes, flags index columns changed behind the ledger, and lists the kinds', async () => {
    const { handle } = db();
    await build(handle, [
      { minute: 1, actor: 'account:a', items: [{ kind: 'org.unit.created', subject: 'unit:1' }] },
      { minute: 2, actor: 'account:b', items: [{ kind: 'identity.signedIn', subject: 'unit:2' }] },
    ]);
    // Someone hides entry 0 from a search by actor: the search no longer finds it there, but shows the truth.
    await handle.db
      .updateTable('ledger_entries')
      .set({ actor: 'account:b' })
      .where('log', '=', log)
      .where('idx', '=', 0)
      .execute();
    const page = await searchEntries(handle, { log, actor: 'account:b', limit: 10 });
    expect(page?.entries.map((e) => [e.index, e.actor, e.columnsMatch])).toEqual([
      [1, 'account:b', true],
      [0, 'account:a', false],
    ]);
    expect(page?.entries[1]?.entry.toString('utf8')).toBe(
      '{"actor":"account:a","index":0,"kind":"org.unit.created","payload":{"note":"記録"},"subject":"unit:1","time":"2026-04-01T00:01:00.000Z"}',
    );
    expect(await entryKinds(handle.db, log)).toEqual(['identity.signedIn', 'org.unit.created']);
    expect(await searchEntries(handle, { log, before: 99, limit: 5 })).toBeNull();
  });

  it('reads one index range in the order shown for every filter, never the whole log', async () => {
    const { handle, dialect } = db();
    const plan = async (q: EntrySearch, cursor: { time: string; index: number } | null) => {
      const compiled = searchQuery(handle, q, cursor).compile(handle.db);
      if (dialect === 'sqlite') {
        const rows = await handle.db.executeQuery<{ detail: string }>(
          CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
        );
        return rows.rows.map((r) => r.detail).join(' | ');
      }
      // A handful of rows: tell the planner what a large log costs (no scan of the table, no sort).
      return handle.db.connection().execute(async (c) => {
        await sql`set enable_seqscan = off`.execute(c);
        await sql`set enable_sort = off`.execute(c);
        await sql`set enable_bitmapscan = off`.execute(c);
        const rows = await c.executeQuery<{ 'QUERY PLAN': string }>(
          CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
        );
        await sql`reset all`.execute(c);
        return rows.rows.map((r) => r['QUERY PLAN']).join(' | ');
      });
    };
    const cursor = { time: at(5), index: 9 };
    const range = { from: at(1), to: at(9) };
    const cases: [Omit<EntrySearch, 'log' | 'limit'>, typeof cursor | null, string, RegExp][] = [
      [{}, null, 'time', /log=\?\)/],
      [{}, cursor, 'time', /log=\? AND \(created_at,idx\)<\(\?,\?\)/],
      [range, null, 'time', /log=\? AND created_at>\? AND created_at<\?/],
      [{ actor: 'account:a' }, null, 'actor', /log=\? AND actor=\?\)/],
      [{ kind: 'org.unit.created', ...range }, null, 'kind', /kind=\? AND created_at>\? AND created_at<\?/],
      [
        { subject: 'unit:1', ...range },
        cursor,
        'subject',
        /subject=\? AND created_at>\? AND \(created_at,idx\)<\(\?,\?\)/,
      ],
      [
        { subject: 'unit:1', actor: 'account:a', kind: 'x' },
        cursor,
        'subject',
        /subject=\? AND \(created_at,idx\)<\(\?,\?\)/,
      ],
      [
        { actor: 'account:a', kind: 'org.unit.created', from: at(2) },
        cursor,
        'actor',
        /actor=\? AND created_at>\? AND \(created_at,idx\)<\(\?,\?\)/,
      ],
    ];
    for (const [filters, c, index, constraints] of cases) {
      const detail = await plan({ log, limit: 50, ...filters }, c);
      const what = JSON.stringify({ filters, c });
      if (dialect === 'sqlite') {
        expect(detail, what).toContain(`USING INDEX ledger_entries_${index} (`);
        expect(detail, what).toMatch(constraints);
        expect(detail, what).not.toContain('TEMP B-TREE');
      } else {
        expect(detail, what).toMatch(new RegExp(`Index Scan Backward using ledger_entries_${index} `));
        expect(detail, what).not.toMatch(/Sort|Seq Scan/);
        // The page starts right after the cursor inside the index, not by filtering rows read before it.
        if (c !== null) expect(detail, what).toMatch(/Index Cond: .*ROW\(created_at, idx\) < ROW/);
      }
    }
  });
});
