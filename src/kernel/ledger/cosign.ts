import { AppError } from '../errors/index.js';
import type { UseCaseContext } from '../usecase/index.js';
import { lastCosignedBy, latestCheckpoint } from './checkpoints.js';
import { verifyConsistency } from './merkle.js';
import {
  NoteError,
  SIG_COSIGNATURE_V1,
  formatVerifierKey,
  noteSigner,
  openNote,
  parseCheckpoint,
  parseNote,
  parseVerifierKey,
  signNote,
  type Checkpoint,
  type SignerKey,
  type VerifierKey,
} from './note.js';
import { addCosignature } from './operations.js';
import { consistencyProof } from './tree-store.js';
import type { LedgerLog } from './types.js';

const refused = (ja: string, en: string): AppError =>
  new AppError('conflict', { ja: `副署しませんでした: ${ja}`, en: `Not cosigned: ${en}` }, { internal: en });

/** Opens a checkpoint note with the log's key; null if it does not verify. */
const openCheckpoint = (note: string, logKey: VerifierKey): Checkpoint | null => {
  try {
    return parseCheckpoint(openNote(note, [logKey]).text);
  } catch (e) {
    if (e instanceof NoteError) return null;
    throw e;
  }
};

export interface CosignOutcome {
  /** The checkpoint with every signature, the new cosignature last. */
  readonly note: string;
  readonly size: number;
  /** The sizes this cosignature was proven consistent with. */
  readonly checkedAgainst: readonly number[];
}

/**
 * An auditor cosigns the latest checkpoint with a key Mamori never holds (c2sp.org/tlog-cosignature, Ed25519).
 * First the checkpoint must verify with the log key the auditor pinned, and be proven consistent (RFC 9162
 * consistency proof, checked against the two signed roots only) with the last checkpoint this key cosigned, both
 * the one the auditor kept and the one the database says; a log rewritten since is refused, not cosigned.
 */
export const cosignLatest = async (
  ctx: UseCaseContext,
  options: {
    log: LedgerLog;
    cosigner: SignerKey;
    logKey: VerifierKey;
    /** The last checkpoint this key cosigned, as the auditor kept it. */
    previous: string | null;
  },
): Promise<CosignOutcome> => {
  const { log, logKey } = options;
  const latest = await latestCheckpoint(ctx.database.db, log);
  if (!latest)
    throw refused(`台帳（${log}）にチェックポイントがありません`, `the ${log} log has no checkpoint`);
  const current = openCheckpoint(latest.note, logKey);
  if (!current)
    throw refused(
      `最新のチェックポイントが台帳の鍵 ${logKey.name} で検証できません`,
      `the latest checkpoint does not verify with the log key ${logKey.name}`,
    );
  const signer = noteSigner(options.cosigner.seed, SIG_COSIGNATURE_V1, options.cosigner.name, () =>
    ctx.clock.now(),
  );
  const cosignerKey = parseVerifierKey(formatVerifierKey(signer.name, SIG_COSIGNATURE_V1, signer.publicKey));
  const earlier: Checkpoint[] = [];
  if (options.previous !== null) {
    const kept = openCheckpoint(options.previous, logKey);
    if (!kept)
      throw refused(
        '保管していた前回のチェックポイントが台帳の鍵で検証できません',
        'the checkpoint kept from the last cosigning does not verify with the log key',
      );
    earlier.push(kept);
  }
  const inDatabase = await lastCosignedBy(ctx.database.db, log, cosignerKey);
  if (inDatabase) {
    const fromDb = openCheckpoint(inDatabase.note, logKey);
    if (fromDb) earlier.push(fromDb);
  }
  for (const before of earlier) {
    if (before.size > current.size)
      throw refused(
        `最新のチェックポイント（${current.size}）が前回副署したもの（${before.size}）より小さくなっています`,
        `the latest checkpoint (${current.size}) is smaller than the one last cosigned (${before.size})`,
      );
    const proof = await consistencyProof(ctx.database.db, log, before.size, current.size);
    if (!verifyConsistency(before.size, current.size, proof.proof, before.root, current.root))
      throw refused(
        `最新のチェックポイント（${current.size}）は前回副署したもの（${before.size}）と整合しません。台帳が書き換えられています`,
        `the latest checkpoint (${current.size}) is not consistent with the one last cosigned (${before.size}): the log was rewritten`,
      );
  }
  const text = parseNote(latest.note).text;
  const cosigned = signNote(text, [signer], parseNote(latest.note).signatures);
  const recorded = await addCosignature(ctx, {
    log,
    checkpoint: cosigned,
    cosignerKey: formatVerifierKey(signer.name, SIG_COSIGNATURE_V1, signer.publicKey),
  });
  return { note: recorded.note, size: current.size, checkedAgainst: earlier.map((e) => e.size) };
};
