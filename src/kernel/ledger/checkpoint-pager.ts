import type { LedgerSnapshot } from './snapshot.js';

export interface CheckpointRow {
  readonly size: number;
  readonly note: string;
  readonly cosignatures: { readonly line: string; readonly key: string }[];
}

export interface CheckpointPager {
  /** The next checkpoint not yet taken. */
  peek(): Promise<CheckpointRow | undefined>;
  shift(): void;
  /** The checkpoints not yet taken up to `size`, in order (left in place). */
  through(size: number): Promise<CheckpointRow[]>;
  drop(count: number): void;
}

const PAGE = 500;

/** Checkpoints in size order, a page at a time, with their cosignatures. */
export const checkpointPager = (snapshot: LedgerSnapshot): CheckpointPager => {
  let after = -1;
  const queue: CheckpointRow[] = [];
  let done = false;
  const load = async (): Promise<void> => {
    const rows = await snapshot.checkpoints(after, PAGE);
    if (rows.length < PAGE) done = true;
    const first = rows[0];
    const last = rows.at(-1);
    if (first === undefined || last === undefined) return;
    after = last.size;
    const cosigs = await snapshot.cosignatures(first.size, last.size);
    for (const r of rows)
      queue.push({ size: r.size, note: r.note, cosignatures: cosigs.filter((c) => c.size === r.size) });
  };
  return {
    async peek() {
      if (queue.length === 0 && !done) await load();
      return queue[0];
    },
    shift() {
      queue.shift();
    },
    async through(size) {
      while (!done && (queue.at(-1)?.size ?? -1) <= size) await load();
      const upTo = queue.findIndex((c) => c.size > size);
      return queue.slice(0, upTo < 0 ? queue.length : upTo);
    },
    drop(count) {
      queue.splice(0, count);
    },
  };
};
