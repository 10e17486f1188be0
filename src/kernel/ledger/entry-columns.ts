/**
 * The columns stored beside an entry (kind, actor, subject, time: what searches and history tabs select on) must
 * say what its canonical bytes say, or an entry could be hidden from them without touching a hash. Pure, shared by
 * the exact path of verification and its worker threads.
 */

/** An entry's columns as they appear in its canonical bytes: before the index, between it and the payload, at the end. */
export interface ColumnParts {
  readonly head: Buffer;
  readonly kind: Buffer;
  readonly tail: Buffer;
}

/** RFC 8785 key order: actor, index, kind, payload, subject, time. */
export const encodeColumns = (
  kind: string,
  actor: string,
  subject: string,
  createdAt: string,
): ColumnParts => ({
  head: Buffer.from(`{"actor":${JSON.stringify(actor)},"index":`),
  kind: Buffer.from(`,"kind":${JSON.stringify(kind)},"payload":`),
  tail: Buffer.from(`,"subject":${JSON.stringify(subject)},"time":${JSON.stringify(createdAt)}}`),
});

const digitCount = (n: number): number => {
  let count = 1;
  for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) count++;
  return count;
};

/** Whether bytes [at, at + count) are the decimal digits of `n` (count of them, no leading zero). */
const digitsAt = (bytes: Buffer, at: number, n: number, count: number): boolean => {
  let rest = n;
  for (let q = at + count - 1; q >= at; q--) {
    if (bytes[q] !== 0x30 + (rest % 10)) return false;
    rest = Math.floor(rest / 10);
  }
  return true;
};

/** Whether `bytes` holds `part` at `at`. */
const holds = (bytes: Buffer, part: Buffer, at: number): boolean =>
  bytes.compare(part, 0, part.length, at, at + part.length) === 0;

/**
 * Whether the entry in bytes [from, end) says what its columns say: it begins with actor, index, kind and ends
 * with subject and time. Works on a range, so a block of concatenated entries is checked without a view each.
 */
export const partsAgree = (
  bytes: Buffer,
  from: number,
  end: number,
  idx: number,
  parts: ColumnParts,
): boolean => {
  const digits = digitCount(idx);
  const kindAt = from + parts.head.length + digits;
  return (
    end - from >= parts.head.length + digits + parts.kind.length + parts.tail.length &&
    holds(bytes, parts.head, from) &&
    digitsAt(bytes, from + parts.head.length, idx, digits) &&
    holds(bytes, parts.kind, kindAt) &&
    holds(bytes, parts.tail, end - parts.tail.length)
  );
};

// Entries of one append share actor, kind, subject and time: their parts are encoded once.
let last: { key: readonly [string, string, string, string]; parts: ColumnParts } | null = null;

/**
 * Whether the columns beside an entry (what searches and history tabs select on) say what its canonical bytes
 * say: the bytes begin with actor, index, kind and end with subject and time, in RFC 8785 key order.
 */
export const columnsAgree = (
  entry: Buffer,
  idx: number,
  kind: string,
  actor: string,
  subject: string,
  createdAt: string,
): boolean => {
  const [k, a, s, t] = last?.key ?? [];
  if (last === null || k !== kind || a !== actor || s !== subject || t !== createdAt)
    last = { key: [kind, actor, subject, createdAt], parts: encodeColumns(kind, actor, subject, createdAt) };
  return partsAgree(entry, 0, entry.length, idx, last.parts);
};
