import { hash as oneShotHash } from 'node:crypto';

/**
 * RFC 9162 §2.1 Merkle tree hashing, proofs and their verification. Pure: only node:crypto, so the standalone
 * verifier can ship it. Sizes and indexes are plain numbers (safe up to 2^53): bit operators are avoided
 * because they truncate to 32 bits.
 */

export const HASH_SIZE = 32;

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

// A digest taken as a latin1 ('binary') string and copied into a pooled Buffer costs about 60% of one taken as a
// Buffer, whose own backing store is allocated per call: a leaf and about one node per appended entry.
const sha256 = (data: Buffer): Buffer => Buffer.from(oneShotHash('sha256', data, 'binary'), 'latin1');

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_ROOT: Buffer = sha256(Buffer.alloc(0));

// One scratch buffer for the prefixed input of each hash: no allocation per leaf or node on the hot paths.
let scratch = Buffer.allocUnsafe(4096);
const prefixed = (prefix: number, a: Uint8Array, b?: Uint8Array): Buffer => {
  const length = 1 + a.length + (b?.length ?? 0);
  if (length > scratch.length) scratch = Buffer.allocUnsafe(Math.max(length, scratch.length * 2));
  scratch[0] = prefix;
  scratch.set(a, 1);
  if (b) scratch.set(b, 1 + a.length);
  return scratch.subarray(0, length);
};

/** RFC 9162 §2.1.1: leaf hash = SHA-256(0x00 ‖ entry). */
export const hashLeaf = (entry: Uint8Array): Buffer => sha256(prefixed(LEAF_PREFIX, entry));

/** RFC 9162 §2.1.1: node hash = SHA-256(0x01 ‖ left ‖ right). */
export const hashChildren = (left: Uint8Array, right: Uint8Array): Buffer =>
  sha256(prefixed(NODE_PREFIX, left, right));

/**
 * The lowest level of interior hash the ledger stores. A node below it covers at most 8 leaves and is recomputed
 * from their stored leaf hashes when a proof needs it (one range read), so an append writes one node row per 16
 * entries instead of one per entry.
 */
export const STORED_NODE_MIN_LEVEL = 4;

/** How many interior hashes a log of `size` leaves stores: its complete subtrees from the lowest stored level up. */
export const storedNodeCount = (size: number): number => {
  let count = 0;
  for (let width = 2 ** STORED_NODE_MIN_LEVEL; width <= size; width *= 2) count += Math.floor(size / width);
  return count;
};

/** The hash of a complete subtree from its leaf hashes, left to right (a power of two of them). */
export const subtreeHash = (leaves: readonly Buffer[]): Buffer => {
  let level = [...leaves];
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i + 1 < level.length; i += 2)
      next.push(hashChildren(level[i] as Buffer, level[i + 1] as Buffer));
    level = next;
  }
  const root = level[0];
  if (root === undefined || (leaves.length & (leaves.length - 1)) !== 0)
    throw new RangeError(`a complete subtree needs a power of two of leaves, not ${leaves.length}`);
  return root;
};

/** A complete subtree: level L, index i covers leaves [i·2^L, (i+1)·2^L). Level 0 is a leaf. */
export interface NodeKey {
  readonly level: number;
  readonly index: number;
}

export interface NodeHash extends NodeKey {
  readonly hash: Buffer;
}

export const nodeKeyString = (key: NodeKey): string => `${key.level}/${key.index}`;

const pow2 = (level: number): number => 2 ** level;
const half = (n: number): number => Math.floor(n / 2);
const isOdd = (n: number): boolean => n % 2 === 1;

/** The largest power of two strictly smaller than n (n ≥ 2). */
export const largestPowerOfTwoBelow = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

/**
 * The complete subtrees that make up leaves [start, end), left to right, largest first. Valid for the ranges the
 * RFC 9162 recursion produces (start is a multiple of the largest piece), which is all this module asks for.
 */
export const completeSubtrees = (start: number, end: number): NodeKey[] => {
  const keys: NodeKey[] = [];
  let offset = start;
  let remaining = end - start;
  let level = 0;
  while (pow2(level + 1) <= remaining) level++;
  for (; remaining > 0 && level >= 0; level--) {
    const width = pow2(level);
    if (remaining >= width) {
      if (offset % width !== 0) throw new RangeError(`range [${start}, ${end}) is not aligned at ${offset}`);
      keys.push({ level, index: offset / width });
      offset += width;
      remaining -= width;
    }
  }
  return keys;
};

/** MTH of a range from its complete subtrees (largest first): fold from the right. */
export const foldSubtrees = (hashes: readonly Buffer[]): Buffer => {
  const last = hashes.at(-1);
  if (last === undefined) return EMPTY_ROOT;
  let acc = last;
  for (let i = hashes.length - 2; i >= 0; i--) acc = hashChildren(hashes[i] as Buffer, acc);
  return acc;
};

export interface LeafRange {
  readonly start: number;
  readonly end: number;
}

/** RFC 9162 §2.1.3.1: the ranges whose MTH make up the inclusion proof of leaf m in a tree of n, in order. */
export const inclusionRanges = (m: number, n: number): LeafRange[] => {
  if (!Number.isSafeInteger(m) || !Number.isSafeInteger(n) || m < 0 || m >= n)
    throw new RangeError(`no inclusion proof for index ${m} in a tree of ${n}`);
  const ranges: LeafRange[] = [];
  const walk = (index: number, start: number, end: number): void => {
    const size = end - start;
    if (size <= 1) return;
    const k = largestPowerOfTwoBelow(size);
    if (index < k) {
      walk(index, start, start + k);
      ranges.push({ start: start + k, end });
    } else {
      walk(index - k, start + k, end);
      ranges.push({ start, end: start + k });
    }
  };
  walk(m, 0, n);
  return ranges;
};

/** RFC 9162 §2.1.4.1: the ranges whose MTH make up the consistency proof from size m to n, in order. */
export const consistencyRanges = (m: number, n: number): LeafRange[] => {
  if (!Number.isSafeInteger(m) || !Number.isSafeInteger(n) || m < 0 || m > n)
    throw new RangeError(`no consistency proof from ${m} to ${n}`);
  if (m === 0 || m === n) return [];
  const ranges: LeafRange[] = [];
  const sub = (size: number, start: number, end: number, whole: boolean): void => {
    const width = end - start;
    if (size === width) {
      if (!whole) ranges.push({ start, end });
      return;
    }
    const k = largestPowerOfTwoBelow(width);
    if (size <= k) {
      sub(size, start, start + k, whole);
      ranges.push({ start: start + k, end });
    } else {
      sub(size - k, start + k, end, false);
      ranges.push({ start, end: start + k });
    }
  };
  sub(m, 0, n, true);
  return ranges;
};

const equal = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(a, b) === 0;

/** RFC 9162 §2.1.3.2: recomputes the root from an inclusion proof; null when the proof cannot be valid. */
export const rootFromInclusionProof = (
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
): Buffer | null => {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return null;
  if (leaf.length !== HASH_SIZE || proof.some((p) => p.length !== HASH_SIZE)) return null;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leaf);
  for (const p of proof) {
    if (sn === 0) return null;
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : null;
};

export const verifyInclusion = (
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean => {
  const computed = rootFromInclusionProof(index, size, leaf, proof);
  return computed !== null && equal(computed, root);
};

/** RFC 9162 §2.1.4.2, with the edge cases of sizes 0 and equal sizes made explicit. */
export const verifyConsistency = (
  first: number,
  second: number,
  proof: readonly Uint8Array[],
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
): boolean => {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second)
    return false;
  if (first === second) return proof.length === 0 && equal(firstRoot, secondRoot);
  if (first === 0) return proof.length === 0;
  if (proof.length === 0 || proof.some((p) => p.length !== HASH_SIZE)) return false;
  const path: Uint8Array[] = [...proof];
  // A first tree that is a complete subtree is its own root: the proof omits it.
  if (Number.isInteger(Math.log2(first)) && pow2(Math.log2(first)) === first) path.unshift(firstRoot);
  let fn = first - 1;
  let sn = second - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr: Buffer = Buffer.from(path[0] as Uint8Array);
  let sr: Buffer = Buffer.from(path[0] as Uint8Array);
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equal(fr, firstRoot) && equal(sr, secondRoot);
};

/**
 * The right edge of a tree: the complete subtrees that make up leaves [0, size), largest first. Appending a leaf
 * merges equal-sized subtrees and reports each new complete node, so a writer stores interior hashes as it goes.
 */
export class CompactRange {
  private readonly nodes: NodeHash[];
  private count: number;

  constructor(size = 0, nodes: readonly NodeHash[] = []) {
    const expected = completeSubtrees(0, size);
    if (
      expected.length !== nodes.length ||
      expected.some((k, i) => k.level !== nodes[i]?.level || k.index !== nodes[i].index)
    )
      throw new RangeError(`the right edge of a tree of ${size} does not match the nodes given`);
    this.count = size;
    this.nodes = nodes.map((n) => ({ level: n.level, index: n.index, hash: n.hash }));
  }

  get size(): number {
    return this.count;
  }

  /** The complete subtrees of [0, size), largest first. */
  get edge(): readonly NodeHash[] {
    return this.nodes;
  }

  /** Appends a leaf hash; calls `completed` for every interior node (level ≥ 1) it completes, lowest first. */
  push(leaf: Buffer, completed?: (node: NodeHash) => void): void {
    this.merge({ level: 0, index: this.count, hash: leaf }, completed);
  }

  /**
   * Appends a complete subtree of 2^level leaves whose hash is already known (verified elsewhere); the size must
   * be a multiple of 2^level. Calls `completed` for every node above it that this completes.
   */
  pushSubtree(level: number, hash: Buffer, completed?: (node: NodeHash) => void): void {
    const width = pow2(level);
    if (this.count % width !== 0) throw new RangeError(`a subtree of level ${level} at ${this.count}`);
    this.merge({ level, index: this.count / width, hash }, completed);
  }

  private merge(first: NodeHash, completed?: (node: NodeHash) => void): void {
    let node = first;
    this.count += pow2(first.level);
    for (;;) {
      const last = this.nodes.at(-1);
      if (last?.level !== node.level) break;
      this.nodes.pop();
      node = { level: node.level + 1, index: last.index / 2, hash: hashChildren(last.hash, node.hash) };
      completed?.(node);
    }
    this.nodes.push(node);
  }

  root(): Buffer {
    return foldSubtrees(this.nodes.map((n) => n.hash));
  }
}
