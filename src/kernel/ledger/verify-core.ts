import { CompactRange, STORED_NODE_MIN_LEVEL, hashLeaf, type NodeHash } from './merkle.js';
import type { VerifierKey } from './note.js';
import {
  claimedIndex,
  cosignatureHolds,
  openCheckpoint,
  problem,
  problems,
  type VerifyProblem,
} from './verify-problems.js';

/**
 * Recomputes a log from its stored entries, one at a time in index order, and compares everything stored with
 * what it recomputes: leaf hashes, interior hashes, checkpoint roots and signatures. Memory is O(log n). Pure
 * (no database), shared by `mamori ledger verify` and the standalone verifier.
 *
 * Locating the first bad index. Each entry carries its own index, its leaf hash is stored beside it, and every
 * interior hash was stored by the transaction that appended the leaf completing it. So:
 * - bytes changed in place: the stored leaf hash no longer matches (that index);
 * - an entry removed: a gap (that index), or, if later rows were moved down, an entry claiming a later index;
 * - entries swapped: the first position holds an entry claiming another index (that position);
 * - an entry inserted and later rows moved up: the moved entry claims the index the inserted one took (that
 *   index); a copy of an earlier entry is caught as a duplicate (its position);
 * - a stored interior hash (levels STORED_NODE_MIN_LEVEL and up) changed: it no longer matches the hash
 *   recomputed from the leaves, whose stored hashes do (the first leaf it covers); a missing one points at the
 *   leaf whose append should have written it;
 * - a mismatch at the lowest stored level cannot tell a changed hash from a changed leaf whose stored leaf hash
 *   was changed with it, so the next entry is read first: if it shows a displacement within the 16 leaves the
 *   node covers, that index; otherwise the node's first leaf.
 * A checkpoint whose root does not match names the checkpoint; which entry changed is then only known to lie
 * between the previous good checkpoint and it.
 */

/** The stored interior hash of a node, undefined when none is stored. */
export type StoredNodeLookup = (level: number, index: number) => Buffer | undefined;

/** How far back an inserted copy of an entry is recognised as a copy. */
export const RECENT_LEAVES = 1024;
const RECENT = RECENT_LEAVES;

export class LogVerifier {
  private readonly range = new CompactRange();
  private found: VerifyProblem | null = null;
  private pending: { level: number; index: number } | null = null;
  private pendingCheckpoint: VerifyProblem | null = null;
  private readonly recent: (Buffer | undefined)[] = new Array<Buffer | undefined>(RECENT);
  private lastGoodCheckpoint = 0;
  private checkpointCount = 0;
  private cosignatureCount = 0;

  /** @param storedNode the stored interior hashes, when the source has them. */
  constructor(private readonly storedNode?: StoredNodeLookup) {}

  get size(): number {
    return this.range.size;
  }

  get problem(): VerifyProblem | null {
    return this.found;
  }

  /** No problem found and none awaiting the next entry's evidence. */
  isSettled(): boolean {
    return this.found === null && this.pending === null && this.pendingCheckpoint === null;
  }

  get checkpoints(): number {
    return this.checkpointCount;
  }

  get cosignatures(): number {
    return this.cosignatureCount;
  }

  root(): Buffer {
    return this.range.root();
  }

  /** Feeds the stored entry at `index` (rows in index order). Returns false once a problem is known. */
  push(index: number, entry: Uint8Array, storedLeafHash?: Uint8Array): boolean {
    if (this.found) return false;
    const p = this.range.size;
    if (index !== p) return this.settle(index > p ? problems.missingEntry(p) : this.outOfPlace(p, index));
    const leaf = hashLeaf(entry);
    const leafProblem = this.checkLeaf(p, entry, leaf, storedLeafHash);
    if (leafProblem || this.pending || this.pendingCheckpoint) return this.settle(leafProblem);
    this.recent[p % RECENT] = leaf;
    this.range.push(leaf, (node) => {
      this.checkNode(node, p);
    });
    // checkNode may have found a problem.
    return this.problem === null;
  }

  /** Ends the stream: a pending mismatch with no later evidence stands as it is. */
  finish(): VerifyProblem | null {
    if ((this.pending || this.pendingCheckpoint) && !this.found) this.settle(null);
    return this.found;
  }

  /** Checks a checkpoint of the current size: its signature by the log key, its origin and size, and its root. */
  checkCheckpoint(size: number, note: string, logKey: VerifierKey | null): boolean {
    if (this.found) return false;
    // A mismatch already awaits the next entry's evidence; this checkpoint adds nothing to it.
    if (this.pending || this.pendingCheckpoint) return true;
    if (size !== this.range.size)
      throw new RangeError(`checkpoint ${size} checked at size ${this.range.size}`);
    const opened = openCheckpoint(size, note, logKey);
    if ('problem' in opened) return this.fail(opened.problem);
    if (!opened.root.equals(this.range.root())) {
      // The next entry may still show where the change is (an entry pushed out of place by an insertion).
      this.pendingCheckpoint = problem(
        'checkpointRoot',
        null,
        {
          ja: `チェックポイント ${size} の根ハッシュが記録から再計算した値と一致しません。記録 ${this.lastGoodCheckpoint}〜${size - 1} のいずれかが書き換えられています。`,
          en: `The root of checkpoint ${size} does not match the root recomputed from the entries: an entry in ${this.lastGoodCheckpoint}–${size - 1} was rewritten.`,
        },
        { checkpointSize: size, suspectRange: { from: this.lastGoodCheckpoint, to: size } },
      );
      return true;
    }
    this.countCheckpoint(size);
    return true;
  }

  /** Checks one cosignature line on a checkpoint already checked, with the cosigner's verifier key. */
  checkCosignature(size: number, checkpointText: string, line: string, cosigner: VerifierKey): boolean {
    if (this.found) return false;
    if (this.pending || this.pendingCheckpoint) return true;
    if (!cosignatureHolds(checkpointText, line, cosigner))
      return this.fail(
        problem(
          'cosignature',
          null,
          {
            ja: `チェックポイント ${size} への ${cosigner.name} の副署が検証できません。`,
            en: `The cosignature of ${cosigner.name} on checkpoint ${size} does not verify.`,
          },
          { checkpointSize: size },
        ),
      );
    this.cosignatureCount++;
    return true;
  }

  /**
   * Appends a block of 2^level leaves checked elsewhere (the fast path: bytes, leaf hashes, places and the stored
   * interior hashes inside it all hold), by its root; checks the stored interior hashes it completes above it.
   */
  pushBlock(level: number, root: Buffer): boolean {
    if (!this.isSettled()) throw new Error('a block pushed while a problem is found or pending');
    const last = this.range.size + 2 ** level - 1;
    this.range.pushSubtree(level, root, (node) => {
      this.checkNode(node, last);
    });
    return this.problem === null;
  }

  /** The right edge of the tree so far (its complete subtrees, largest first). */
  edge(): Buffer[] {
    return this.range.edge.map((n) => n.hash);
  }

  /** Counts a checkpoint (and its cosignatures) the fast path found to hold. */
  countCheckpoint(size: number, cosignatures = 0): void {
    this.lastGoodCheckpoint = size;
    this.checkpointCount++;
    this.cosignatureCount += cosignatures;
  }

  /** Leaf hashes (checked) of the entries just before the next, for telling an inserted copy from a new entry. */
  remember(from: number, leaves: readonly Buffer[]): void {
    leaves.forEach((leaf, i) => {
      this.recent[(from + i) % RECENT] = leaf;
    });
  }

  /** Records a problem found by the source (rows beyond the head, a truncated end). */
  fail(found: VerifyProblem): false {
    this.found ??= found;
    return false;
  }

  private outOfPlace(p: number, claimed: number): VerifyProblem {
    return problem('entryOutOfPlace', p, {
      ja: `位置 ${p} に記録 ${claimed} があります（削除または並べ替えられています）。`,
      en: `Position ${p} holds entry ${claimed} (entries were deleted or reordered).`,
    });
  }

  private checkLeaf(p: number, entry: Uint8Array, leaf: Buffer, stored?: Uint8Array): VerifyProblem | null {
    if (stored !== undefined && Buffer.compare(leaf, stored) !== 0)
      return problem('leafHashMismatch', p, {
        ja: `記録 ${p} の内容が書き換えられています（保存された葉ハッシュと一致しません）。`,
        en: `Entry ${p} was altered (its bytes no longer match its stored leaf hash).`,
      });
    const claimed = claimedIndex(entry);
    if (claimed === null)
      return problem('entryMalformed', p, {
        ja: `記録 ${p} に番号がありません（書き換えられています）。`,
        en: `Entry ${p} carries no index (it was altered).`,
      });
    if (claimed > p) return this.outOfPlace(p, claimed);
    if (claimed < p) {
      const earlier = p - claimed <= RECENT ? this.recent[claimed % RECENT] : undefined;
      if (earlier?.equals(leaf))
        return problem('duplicateEntry', p, {
          ja: `位置 ${p} の記録は記録 ${claimed} の複製です（挿入されています）。`,
          en: `The entry at position ${p} is a copy of entry ${claimed} (it was inserted).`,
        });
      return problem('entryDisplaced', claimed, {
        ja: `記録 ${claimed} が位置 ${p} にずれています。位置 ${claimed} に記録が挿入されています。`,
        en: `Entry ${claimed} was pushed to position ${p}: an entry was inserted at ${claimed}.`,
      });
    }
    return null;
  }

  private checkNode(node: NodeHash, completingLeaf: number): void {
    if (this.found || this.pending || this.storedNode === undefined) return;
    if (node.level < STORED_NODE_MIN_LEVEL) return;
    const stored = this.storedNode(node.level, node.index);
    const first = node.index * 2 ** node.level;
    if (stored === undefined) {
      this.fail(
        problem('interiorHashMissing', completingLeaf, {
          ja: `記録 ${completingLeaf} の追加時に保存されるはずの内部ハッシュ（段 ${node.level}、番号 ${node.index}）がありません（台帳を経ずに追加されています）。`,
          en: `The interior hash (level ${node.level}, index ${node.index}) that appending entry ${completingLeaf} stores is missing (the entry was added outside the ledger).`,
        }),
      );
      return;
    }
    if (stored.equals(node.hash)) return;
    if (node.level === STORED_NODE_MIN_LEVEL) {
      this.pending = { level: node.level, index: node.index };
      return;
    }
    this.fail(this.nodeMismatch(node.level, node.index, first));
  }

  private nodeMismatch(level: number, index: number, first: number): VerifyProblem {
    const last = first + 2 ** level - 1;
    return problem('interiorHashMismatch', first, {
      ja: `内部ハッシュ（段 ${level}、番号 ${index}、記録 ${first}〜${last}）が書き換えられています。`,
      en: `The interior hash (level ${level}, index ${index}, entries ${first}–${last}) was altered.`,
    });
  }

  /**
   * Settles what is pending with the next evidence: a mismatch at the lowest stored level yields to a problem
   * inside (or before) the leaves it covers, a checkpoint root mismatch to a problem before the checkpoint's size;
   * otherwise they stand.
   */
  private settle(next: VerifyProblem | null): false {
    const [pending, pendingCheckpoint] = [this.pending, this.pendingCheckpoint];
    this.pending = null;
    this.pendingCheckpoint = null;
    const at = next?.firstBadIndex ?? null;
    if (pending) {
      const width = 2 ** pending.level;
      const first = pending.index * width;
      return this.fail(
        next && at !== null && at < first + width
          ? next
          : this.nodeMismatch(pending.level, pending.index, first),
      );
    }
    if (pendingCheckpoint) {
      const before = next && at !== null && at < (pendingCheckpoint.checkpointSize ?? 0);
      return this.fail(before ? next : pendingCheckpoint);
    }
    if (next) return this.fail(next);
    return false;
  }
}
