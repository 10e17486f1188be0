import { describe, expect, it } from 'vitest';
import { entryBytes } from './append.js';
import { BlockHasher, type BlockRows } from './block-verify.js';
import { CompactRange, STORED_NODE_MIN_LEVEL, hashLeaf, subtreeHash } from './merkle.js';

const level = 5;
const width = 2 ** level;

const entryAt = (index: number): Buffer =>
  entryBytes({
    index,
    time: '2026-11-26T00:00:00.000Z',
    kind: 'org.staff.updated',
    actor: 'account:bench',
    subject: `staff:${index % 7}`,
    payload: { n: index },
  });

const columnsOf = (entry: Buffer): string => {
  const e = JSON.parse(entry.toString('utf8')) as Record<string, string>;
  return [e['actor'], e['kind'], e['subject'], e['time']].join('\u0001');
};

/** The rows the block reader would return for a block of well-formed entries from `start`. */
const rowsOf = (start: number, entries: readonly Buffer[] = []): BlockRows => {
  const list = entries.length > 0 ? entries : Array.from({ length: width }, (_, i) => entryAt(start + i));
  // A tree from 0 to the block's end gives the block's stored nodes with their global indexes.
  const range = new CompactRange();
  const nodes: [number, number, Buffer][] = [];
  for (let i = 0; i < start + list.length; i++) {
    const leaf = i < start ? hashLeaf(entryAt(i)) : hashLeaf(list[i - start] as Buffer);
    range.push(leaf, (n) => {
      if (n.level >= STORED_NODE_MIN_LEVEL && n.level <= level && n.index * 2 ** n.level >= start)
        nodes.push([n.level, n.index, n.hash]);
    });
  }
  return {
    count: list.length,
    minIdx: start,
    maxIdx: start + list.length - 1,
    entries: Buffer.concat(list.flatMap((e) => [Buffer.of(0), e])),
    leafHashes: Buffer.concat(list.map(hashLeaf)),
    leafHashSizes: true,
    columns: list.map(columnsOf).join('\u0002'),
    columnsText: true,
    nodes,
  };
};

const hasher = new BlockHasher(level);
const task = (start: number, prefixes: number[] = []) => ({ start, level, prefixes });

describe('the fast path of verification: one block at once', () => {
  it('recomputes the block root and the tree edge at each checkpoint size inside it', () => {
    const start = 3 * width;
    const outcome = hasher.verify(task(start, [1, 5, 17, width]), rowsOf(start));
    const leaves = Array.from({ length: width }, (_, i) => hashLeaf(entryAt(start + i)));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(Buffer.from(outcome.root).equals(subtreeHash(leaves))).toBe(true);
    for (const [i, p] of [1, 5, 17, width].entries()) {
      const range = new CompactRange();
      for (const leaf of leaves.slice(0, p)) range.push(leaf);
      expect(outcome.prefixEdges[i]?.map((h) => Buffer.from(h).toString('hex'))).toEqual(
        range.edge.map((n) => n.hash.toString('hex')),
      );
    }
  });

  it('checks the search columns of every entry against its bytes', () => {
    expect(hasher.verify(task(0), rowsOf(0))).toMatchObject({ columnSuspects: [], columnsUnchecked: false });
    const rows = rowsOf(0);
    const columns = (rows.columns ?? '').split('\u0002');
    columns[4] = columns[4]?.replace('staff:4', 'staff:elsewhere') ?? '';
    columns[9] = columns[9]?.replace('org.staff.updated', 'org.staff.viewed') ?? '';
    expect(hasher.verify(task(0), { ...rows, columns: columns.join('\u0002') })).toMatchObject({
      ok: true,
      columnSuspects: [4, 9],
      columnsUnchecked: false,
    });
  });

  const unsplittable: [string, (rows: BlockRows) => BlockRows][] = [
    ['a value holding the row separator', (r) => ({ ...r, columns: `${r.columns ?? ''}\u0002x` })],
    [
      'a value holding the field separator',
      (r) => ({ ...r, columns: (r.columns ?? '').replace('staff:3', 'staff\u00013') }),
    ],
    [
      'a row left out (a null value)',
      (r) => ({ ...r, columns: (r.columns ?? '').split('\u0002').slice(1).join('\u0002') }),
    ],
    ['a value that is not text', (r) => ({ ...r, columnsText: false })],
  ];
  for (const [what, change] of unsplittable)
    it(`leaves the columns to an exact check on ${what}`, () => {
      expect(hasher.verify(task(0), change(rowsOf(0)))).toMatchObject({
        ok: true,
        columnSuspects: [],
        columnsUnchecked: true,
      });
    });

  const changes: [string, (rows: BlockRows) => BlockRows][] = [
    ['a missing row', (r) => ({ ...r, count: r.count - 1 })],
    ['a row of another block', (r) => ({ ...r, minIdx: (r.minIdx ?? 0) - 1 })],
    ['no rows at all', (r) => ({ ...r, count: 0, minIdx: null, maxIdx: null, entries: null })],
    [
      'a flipped byte in an entry',
      (r) => {
        const entries = Buffer.from(r.entries ?? []);
        entries[40] = (entries[40] ?? 0) ^ 1;
        return { ...r, entries };
      },
    ],
    [
      'a zero byte inside an entry (one entry read as two)',
      (r) => {
        const entries = Buffer.from(r.entries ?? []);
        entries[30] = 0;
        return { ...r, entries };
      },
    ],
    [
      'two entries swapped with their leaf hashes',
      () => {
        const list = Array.from({ length: width }, (_, i) => entryAt(i));
        [list[3], list[4]] = [list[4] as Buffer, list[3] as Buffer];
        const rows = rowsOf(0);
        return { ...rows, entries: Buffer.concat(list.flatMap((e) => [Buffer.of(0), e])) };
      },
    ],
    [
      'an altered stored leaf hash',
      (r) => {
        const leafHashes = Buffer.from(r.leafHashes ?? []);
        leafHashes[70] = (leafHashes[70] ?? 0) ^ 1;
        return { ...r, leafHashes };
      },
    ],
    ['a stored leaf hash of another length', (r) => ({ ...r, leafHashSizes: false })],
    ['a missing interior hash', (r) => ({ ...r, nodes: r.nodes.slice(1) })],
    [
      'a duplicated interior hash standing in for a missing one',
      (r) => ({ ...r, nodes: [...r.nodes.slice(1), r.nodes[2] as BlockRows['nodes'][number]] }),
    ],
    [
      'an altered interior hash',
      (r) => ({
        ...r,
        nodes: r.nodes.map(([l, i, h], k) => [l, i, k === 1 ? Buffer.alloc(32) : h] as const),
      }),
    ],
    [
      'an interior hash of another block',
      (r) => ({ ...r, nodes: r.nodes.map(([l, i, h], k) => [l, k === 0 ? i + 5 : i, h] as const) }),
    ],
  ];
  for (const [what, change] of changes)
    it(`hands the block back to the exact path on ${what}`, () => {
      expect(hasher.verify(task(0), rowsOf(0)).ok).toBe(true);
      expect(hasher.verify(task(0), change(rowsOf(0))).ok).toBe(false);
    });

  it('refuses a block that is not aligned or of another size', () => {
    expect(() => hasher.verify(task(3), rowsOf(0))).toThrow(RangeError);
    expect(() => new BlockHasher(STORED_NODE_MIN_LEVEL - 1)).toThrow(RangeError);
  });
});
