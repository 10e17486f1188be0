import { z } from 'zod';
import type {
  LedgerCheckpointView,
  LedgerInclusionProofFile,
  LedgerLogStatusView,
  LedgerSignatureView,
  LedgerStatusView,
  LedgerVerificationView,
} from '../../shared/ledger-api-types.js';
import { requirePermission } from '../access/index.js';
import type { Db } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { defineQuery } from '../usecase/index.js';
import { latestCheckpoint, type StoredCheckpoint } from './checkpoints.js';
import { exportArchive } from './export-archive.js';
import { logVerifierKey, registeredDeploymentKey } from './keys.js';
import { hashLeaf, verifyInclusion } from './merkle.js';
import {
  NoteError,
  SIG_COSIGNATURE_V1,
  cosignatureTime,
  openNote,
  parseNote,
  parseVerifierKey,
  type NoteSignature,
  type VerifierKey,
} from './note.js';
import { ledgerSize } from './read-entries.js';
import { entryKinds } from './search.js';
import { inclusionProof } from './tree-store.js';
import { ledgerLogs, type LedgerLog } from './types.js';
import type { VerifyResult } from './verify.js';

/** The ledger page's reads (`ledger.read`): each log's state, the kinds of entries, an entry's proof file. */

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/** Whether one signature line checks against a key over the checkpoint's text (a display, not the verification). */
const signatureView = (
  note: string,
  s: NoteSignature,
  key: VerifierKey | null,
  verifierKey: string | null,
): LedgerSignatureView => {
  let valid = false;
  if (key !== null && key.name === s.name && key.keyId === s.keyId) {
    try {
      const text = parseNote(note).text;
      valid = openNote(`${text}\n— ${s.name} ${s.base64}\n`, [key]).verified.length === 1;
    } catch (e) {
      if (!(e instanceof NoteError)) throw e;
    }
  }
  const time = key?.type === SIG_COSIGNATURE_V1 ? cosignatureTime(s) : null;
  return {
    name: s.name,
    keyId: hex8(s.keyId),
    verifierKey,
    valid,
    signedAt: time === null ? null : new Date(time * 1000).toISOString(),
  };
};

const checkpointView = async (
  db: Db,
  checkpoint: StoredCheckpoint,
  logKey: string | null,
): Promise<LedgerCheckpointView> => {
  const cosigners = await db
    .selectFrom('ledger_cosignatures')
    .select(['cosigner', 'key_id', 'verifier_key'])
    .where('log', '=', checkpoint.log)
    .where('size', '=', checkpoint.size)
    .execute();
  const parsedKey = (text: string): VerifierKey | null => {
    try {
      return parseVerifierKey(text);
    } catch {
      return null;
    }
  };
  const signer = logKey === null ? null : parsedKey(logKey);
  const views = parseNote(checkpoint.note).signatures.map((s) => {
    if (signer !== null && s.name === signer.name && s.keyId === signer.keyId)
      return { role: 'signer' as const, view: signatureView(checkpoint.note, s, signer, logKey) };
    const row = cosigners.find((c) => c.cosigner === s.name && c.key_id === hex8(s.keyId));
    const key = row === undefined ? null : parsedKey(row.verifier_key);
    return {
      role: 'cosigner' as const,
      view: signatureView(checkpoint.note, s, key, row?.verifier_key ?? null),
    };
  });
  return {
    origin: checkpoint.origin,
    size: checkpoint.size,
    rootHash: checkpoint.root.toString('base64'),
    issuedAt: checkpoint.issuedAt,
    note: checkpoint.note,
    signer: views.find((v) => v.role === 'signer')?.view ?? null,
    cosignatures: views.filter((v) => v.role === 'cosigner').map((v) => v.view),
  };
};

type StoredRun = VerifyResult & { id: string; keySource: string; startedAt: string; finishedAt: string };

const lastVerification = async (db: Db, log: LedgerLog): Promise<LedgerVerificationView | null> => {
  const row = await db
    .selectFrom('ledger_verifications')
    .select(['actor', 'result'])
    .where('log', '=', log)
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const r = JSON.parse(row.result) as StoredRun;
  return {
    id: r.id,
    actor: row.actor,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    ok: r.ok,
    size: r.size,
    verified: r.verified,
    checkpoints: r.checkpoints,
    cosignatures: r.cosignatures,
    firstBadIndex: r.firstBadIndex,
    reason: r.reason,
    checkpointSize: r.checkpointSize,
    message: r.message,
    keySource: r.keySource,
  };
};

export const getLedgerStatus = defineQuery({
  name: 'ledger.status',
  input: z.object({}).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'ledger.read'),
  execute: async (ctx): Promise<LedgerStatusView> => {
    const db = ctx.database.db;
    const key = await registeredDeploymentKey(db);
    const logs: LedgerLogStatusView[] = [];
    for (const log of ledgerLogs) {
      const verifierKey = key === null ? null : logVerifierKey(key.name, key.publicKey, log);
      const checkpoint = await latestCheckpoint(db, log);
      logs.push({
        log,
        size: await ledgerSize(db, log),
        verifierKey,
        checkpoint: checkpoint === null ? null : await checkpointView(db, checkpoint, verifierKey),
        lastVerification: await lastVerification(db, log),
      });
    }
    return { logs };
  },
});

const logField = z.enum(ledgerLogs).default('audit');

export const listEntryKinds = defineQuery({
  name: 'ledger.kinds',
  input: z.object({ log: logField }).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'ledger.read'),
  execute: async (ctx, input): Promise<string[]> => entryKinds(ctx.database.db, input.log),
});

const damaged = (log: LedgerLog, index: number, what: { ja: string; en: string }): AppError =>
  new AppError(
    'conflict',
    {
      ja: `記録 ${index}（${log}）の証明を作れません: ${what.ja}。mamori ledger verify で確認してください。`,
      en: `Cannot prove entry ${index} (${log}): ${what.en}. Run mamori ledger verify.`,
    },
    { internal: `proof refused: ${what.en}` },
  );

/**
 * An entry's inclusion proof against the latest signed checkpoint, as a file an auditor checks with the log's
 * public key alone. Checked before it is handed out: the entry's bytes give the stored leaf hash, and the path
 * reaches the signed root; otherwise the store was changed and the answer says so instead.
 */
export const getEntryProof = defineQuery({
  name: 'ledger.entryProof',
  input: z
    .object({ log: logField, index: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER) })
    .strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'ledger.read'),
  execute: async (ctx, input): Promise<LedgerInclusionProofFile> => {
    const db = ctx.database.db;
    const { log, index } = input;
    const row = await db
      .selectFrom('ledger_entries')
      .select(['entry'])
      .where('log', '=', log)
      .where('idx', '=', index)
      .executeTakeFirst();
    if (!row)
      throw new AppError('notFound', {
        ja: `台帳（${log}）に記録 ${index} はありません。`,
        en: `The ${log} log has no entry ${index}.`,
      });
    const checkpoint = await latestCheckpoint(db, log);
    if (checkpoint === null || checkpoint.size <= index)
      throw new AppError('conflict', {
        ja: `記録 ${index} はまだ署名済みチェックポイントに含まれていません（30秒以内に署名されます。「今すぐ署名」もできます）。`,
        en: `Entry ${index} is not under a signed checkpoint yet (one is signed within 30 seconds, or sign one now).`,
      });
    const entry = Buffer.from(row.entry);
    const proof = await inclusionProof(db, log, index, checkpoint.size);
    if (!hashLeaf(entry).equals(proof.leafHash))
      throw damaged(log, index, {
        ja: '記録の内容が保存された葉ハッシュと一致しません',
        en: 'its bytes do not match the stored leaf hash',
      });
    if (!verifyInclusion(index, checkpoint.size, proof.leafHash, proof.proof, checkpoint.root))
      throw damaged(log, index, {
        ja: '保存された木が署名済みチェックポイントの根に届きません',
        en: 'the stored tree does not reach the signed root',
      });
    const key = await registeredDeploymentKey(db);
    return {
      format: 'mamori-inclusion-proof/1',
      log,
      origin: checkpoint.origin,
      leaf_index: index,
      tree_size: checkpoint.size,
      inclusion_path: proof.proof.map((h) => h.toString('base64')),
      leaf_hash: proof.leafHash.toString('base64'),
      root_hash: checkpoint.root.toString('base64'),
      entry: entry.toString('base64'),
      checkpoint: checkpoint.note,
      verifier_key: key === null ? null : logVerifierKey(key.name, key.publicKey, log),
    };
  },
});

/** The export of `mamori ledger export` as a tar archive, for the auditor's standalone verifier (第9 1(6)). */
export const exportLedgerArchive = defineQuery({
  name: 'ledger.export',
  input: z.object({ log: z.enum([...ledgerLogs, 'all']).default('all') }).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'ledger.read'),
  execute: (ctx, input) =>
    exportArchive(ctx.database, input.log === 'all' ? ledgerLogs : [input.log], ctx.clock.now()),
});
