/**
 * The columns stored beside an entry (kind, actor, subject, time: what searches and history tabs select on) must
 * say what its canonical bytes say, or an entry could be hidden from them without touching a hash. Pure, shared by
 * the exact path of verification and its worker threads.
 */

/** An entry's columns as its canonical bytes hold them: before the index, before the payload, at the end. */
export interface ColumnParts {
  readonly head: Buffer;
  readonly kind: Buffer;
  readonly tail: Buffer;
}

/**
 * Encodes the parts, RFC 8785 key order (actor, index, kind, payload, subject, time), keeping each part's last
 * value: entries of one append share their actor, kind and time, and a log often alternates only its subjects.
 */
export class ColumnEncoder {
  private actor: string | null = null;
  private kind: string | null = null;
  private subject: string | null = null;
  private time: string | null = null;
  private head = Buffer.alloc(0);
  private middle = Buffer.alloc(0);
  private tail = Buffer.alloc(0);

  parts(kind: string, actor: string, subject: string, createdAt: string): ColumnParts {
    if (actor !== this.actor) {
      this.actor = actor;
      this.head = Buffer.from(`{"actor":${JSON.stringify(actor)},"index":`);
    }
    if (kind !== this.kind) {
      this.kind = kind;
      this.middle = Buffer.from(`,"kind":${JSON.stringify(kind)},"payload":`);
    }
    if (subject !== this.subject || createdAt !== this.time) {
      this.subject = subject;
      this.time = createdAt;
      this.tail = Buffer.from(`,"subject":${JSON.stringify(subject)},"time":${JSON.stringify(createdAt)}}`);
    }
    return { head: this.head, kind: this.middle, tail: this.tail };
  }
}

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

const encoder = new ColumnEncoder();

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
  return partsAgree(entry, 0, entry.length, idx, encoder.parts(kind, actor, subject, createdAt));
};
