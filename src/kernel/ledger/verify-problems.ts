import type { Bilingual } from '../errors/bilingual.js';
import { NoteError, openNote, parseCheckpoint, type VerifierKey } from './note.js';

/**
 * What verification reports (the closed set of reasons and their messages in Japanese and English) and the pure
 * checks the exact and fast paths share: the index an entry claims, a checkpoint's signature and body, a
 * cosignature. No state; the verifier that keeps it is `LogVerifier` (verify-core.ts).
 */

export type VerifyReason =
  | 'missingEntry'
  | 'entryOutOfPlace'
  | 'entryDisplaced'
  | 'duplicateEntry'
  | 'entryMalformed'
  | 'leafHashMismatch'
  | 'interiorHashMismatch'
  | 'interiorHashMissing'
  | 'extraEntry'
  | 'logTruncated'
  | 'checkpointSignature'
  | 'checkpointMalformed'
  | 'checkpointRoot'
  | 'cosignature'
  | 'indexColumnsMismatch';

export interface VerifyProblem {
  readonly reason: VerifyReason;
  /** The lowest index whose entry is not what was committed; null when only a checkpoint is known bad. */
  readonly firstBadIndex: number | null;
  /** The checkpoint (by tree size) a checkpoint or cosignature problem is about. */
  readonly checkpointSize: number | null;
  /** For a checkpoint root mismatch: the entries known to hold the change, [from, to). */
  readonly suspectRange: { readonly from: number; readonly to: number } | null;
  readonly message: Bilingual;
}

export const problem = (
  reason: VerifyReason,
  firstBadIndex: number | null,
  message: Bilingual,
  extra: Partial<Pick<VerifyProblem, 'checkpointSize' | 'suspectRange'>> = {},
): VerifyProblem => ({
  reason,
  firstBadIndex,
  checkpointSize: extra.checkpointSize ?? null,
  suspectRange: extra.suspectRange ?? null,
  message,
});

export const problems = {
  missingEntry: (p: number): VerifyProblem =>
    problem('missingEntry', p, {
      ja: `記録 ${p} がありません（削除されています）。`,
      en: `Entry ${p} is missing (deleted).`,
    }),
  unreadableEntry: (p: number): VerifyProblem =>
    problem('entryMalformed', p, {
      ja: `記録 ${p} の行が読めません（書き換えられています）。`,
      en: `The line of entry ${p} cannot be read (it was altered).`,
    }),
  extraEntry: (p: number): VerifyProblem =>
    problem('extraEntry', p, {
      ja: `記録 ${p} は台帳の長さを超えて保存されています（台帳を経ずに追加されています）。`,
      en: `Entry ${p} is stored beyond the length of the log (added outside the ledger).`,
    }),
  indexColumnsMismatch: (p: number): VerifyProblem =>
    problem('indexColumnsMismatch', p, {
      ja: `記録 ${p} の検索用の列（種類・実行者・対象・日時）が記録本体と一致しません（台帳の外で書き換えられ、検索や履歴から隠れている可能性があります）。`,
      en: `The search columns (kind, actor, subject, time) of entry ${p} disagree with the entry (changed outside the ledger; it may be hidden from searches and history tabs).`,
    }),
  logTruncated: (size: number, what: Bilingual): VerifyProblem =>
    problem('logTruncated', size, {
      ja: `台帳は ${size} 件で終わっていますが、それを超える${what.ja}があります（後ろが切り詰められています）。`,
      en: `The log ends at ${size} entries but ${what.en} beyond it exist (the end was cut off).`,
    }),
};

const INDEX_KEY = Buffer.from('"index":');

/**
 * The index an entry claims. Canonical JSON sorts keys, and only "actor" sorts before "index", whose string value
 * cannot contain `"index":` unescaped: the first occurrence is the entry's own.
 */
export const claimedIndex = (entry: Uint8Array): number | null => {
  const bytes = Buffer.isBuffer(entry)
    ? entry
    : Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength);
  const at = bytes.indexOf(INDEX_KEY);
  if (at < 0) return null;
  let value = 0;
  let digits = 0;
  for (let i = at + INDEX_KEY.length; i < bytes.length; i++) {
    const c = bytes[i] as number;
    if (c < 0x30 || c > 0x39) break;
    value = value * 10 + (c - 0x30);
    digits++;
  }
  return digits === 0 || digits > 15 ? null : value;
};

/** A checkpoint's signature by the log key, its origin and its size; its root when they hold. */
export const openCheckpoint = (
  size: number,
  note: string,
  logKey: VerifierKey | null,
): { readonly problem: VerifyProblem } | { readonly root: Buffer } => {
  const badSignature = {
    problem: problem(
      'checkpointSignature',
      null,
      {
        ja: `チェックポイント ${size} の署名が配備鍵で検証できません（差し替えられています）。`,
        en: `Checkpoint ${size} does not verify with the deployment key (it was replaced).`,
      },
      { checkpointSize: size },
    ),
  };
  if (logKey === null) return badSignature;
  try {
    openNote(note, [logKey]);
  } catch (e) {
    if (!(e instanceof NoteError)) throw e;
    return badSignature;
  }
  let body;
  try {
    body = parseCheckpoint(note.slice(0, note.lastIndexOf('\n\n') + 1));
  } catch {
    body = null;
  }
  if (body?.origin !== logKey.name || body.size !== size)
    return {
      problem: problem(
        'checkpointMalformed',
        null,
        {
          ja: `チェックポイント ${size} の内容が別のもの（${body ? `${body.origin} ${body.size}` : '不明'}）です。`,
          en: `Checkpoint ${size} holds another checkpoint (${body ? `${body.origin} ${body.size}` : 'unreadable'}).`,
        },
        { checkpointSize: size },
      ),
    };
  return { root: body.root };
};

/** Whether a cosignature line verifies over a checkpoint's text with the cosigner's key. */
export const cosignatureHolds = (checkpointText: string, line: string, cosigner: VerifierKey): boolean => {
  try {
    openNote(`${checkpointText}\n${line}`, [cosigner]);
    return true;
  } catch (e) {
    if (!(e instanceof NoteError)) throw e;
    return false;
  }
};
