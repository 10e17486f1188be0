import { sql } from 'kysely';
import type { DatabaseHandle, Tx } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { logKeyName, logSigner, logVerifierKey, type DeploymentKey } from './keys.js';
import { verifyConsistency } from './merkle.js';
import {
  NoteError,
  SIG_COSIGNATURE_V1,
  cosignatureTime,
  formatCheckpoint,
  openNote,
  parseCheckpoint,
  parseNote,
  parseVerifierKey,
  signatureLine,
  signNote,
  type Checkpoint,
  type VerifierKey,
} from './note.js';
import { consistencyProof, rootAt, type LedgerReader } from './tree-store.js';
import type { LedgerLog } from './types.js';

export interface StoredCheckpoint extends Checkpoint {
  readonly log: LedgerLog;
  /** The signed note: the deployment key's signature, then any cosignatures. */
  readonly note: string;
  readonly issuedAt: string;
}

/** Appends the stored cosignature lines to a checkpoint's signed note. */
const withCosignatures = (note: string, lines: readonly string[]): string =>
  lines.length === 0 ? note : `${note}${lines.filter((l) => !note.includes(l)).join('')}`;

const cosignatureLines = async (db: LedgerReader, log: LedgerLog, size: number): Promise<string[]> =>
  (
    await db
      .selectFrom('ledger_cosignatures')
      .select('signature')
      .where('log', '=', log)
      .where('size', '=', size)
      .orderBy('created_at')
      .execute()
  ).map((r) => r.signature);

const toStored = (
  log: LedgerLog,
  row: { size: number; root: Uint8Array; note: string; issued_at: string },
  lines: readonly string[],
): StoredCheckpoint => {
  const body = parseCheckpoint(parseNote(row.note).text);
  return {
    log,
    origin: body.origin,
    size: body.size,
    root: body.root,
    note: withCosignatures(row.note, lines),
    issuedAt: row.issued_at,
  };
};

/** The latest signed checkpoint of a log with its cosignatures, or null before the first one. */
export const latestCheckpoint = async (
  db: LedgerReader,
  log: LedgerLog,
): Promise<StoredCheckpoint | null> => {
  const row = await db
    .selectFrom('ledger_checkpoints')
    .select(['size', 'root', 'note', 'issued_at'])
    .where('log', '=', log)
    .orderBy('size', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toStored(log, row, await cosignatureLines(db, log, row.size)) : null;
};

export const checkpointAt = async (
  db: LedgerReader,
  log: LedgerLog,
  size: number,
): Promise<StoredCheckpoint | null> => {
  const row = await db
    .selectFrom('ledger_checkpoints')
    .select(['size', 'root', 'note', 'issued_at'])
    .where('log', '=', log)
    .where('size', '=', size)
    .executeTakeFirst();
  return row ? toStored(log, row, await cosignatureLines(db, log, size)) : null;
};

const refuse = (log: LedgerLog, ja: string, en: string): AppError =>
  new AppError(
    'conflict',
    {
      ja: `台帳（${log}）のチェックポイントに署名しませんでした: ${ja}。mamori ledger verify で確認してください。`,
      en: `Did not sign a checkpoint of the ${log} ledger: ${en}. Run mamori ledger verify.`,
    },
    { internal: `checkpoint refused: ${en}` },
  );

/**
 * Serializes checkpoint issuers of one log: an advisory lock on PostgreSQL (appenders are not blocked); on
 * SQLite a write to the head row, which takes the write lock at once instead of failing on upgrade.
 */
const lockCheckpoints = async (tx: Tx, database: DatabaseHandle, log: LedgerLog): Promise<void> => {
  if (database.dialect === 'postgres')
    await sql`select pg_advisory_xact_lock(hashtext(${`mamori.ledger.checkpoint.${log}`}))`.execute(tx);
  else await sql`update ledger_heads set size = size where log = ${log}`.execute(tx);
};

/**
 * Signs a checkpoint of the log's current size, unless the latest one already covers it. Before signing, the
 * previous checkpoint's signature is checked and the current tree is proven consistent with it, so Mamori never
 * signs two inconsistent checkpoints, whatever was done to the database in between.
 */
export const issueCheckpoint = async (
  database: DatabaseHandle,
  key: DeploymentKey,
  log: LedgerLog,
  now: Date,
): Promise<{ checkpoint: StoredCheckpoint; issued: boolean }> => {
  const result = await database.db.transaction().execute(async (tx) => {
    await lockCheckpoints(tx, database, log);
    const head = await tx.selectFrom('ledger_heads').select('size').where('log', '=', log).executeTakeFirst();
    const size = head?.size ?? 0;
    const previous = await latestCheckpoint(tx, log);
    const verifier = parseVerifierKey(logVerifierKey(key.name, key.publicKey, log));
    if (previous) {
      try {
        openNote(previous.note, [verifier]);
      } catch (e) {
        if (!(e instanceof NoteError)) throw e;
        throw refuse(
          log,
          `前回のチェックポイント（${previous.size}）の署名が検証できません`,
          `the previous checkpoint (size ${previous.size}) does not verify with the deployment key`,
        );
      }
      if (previous.size === size) return { checkpoint: previous, issued: false };
      if (previous.size > size)
        throw refuse(
          log,
          `記録数 ${size} が前回のチェックポイント ${previous.size} より少なくなっています`,
          `the log has ${size} entries, fewer than the previous checkpoint's ${previous.size}`,
        );
    }
    const root = await rootAt(tx, log, size);
    if (previous) {
      const proof = await consistencyProof(tx, log, previous.size, size);
      if (!verifyConsistency(previous.size, size, proof.proof, previous.root, root))
        throw refuse(
          log,
          `現在の記録は前回のチェックポイント（${previous.size}）と整合しません`,
          `the stored log is not consistent with the previous checkpoint (size ${previous.size})`,
        );
    }
    const body = formatCheckpoint({ origin: logKeyName(key.name, log), size, root });
    const note = signNote(body, [logSigner(key, log)]);
    const issuedAt = now.toISOString();
    await tx
      .insertInto('ledger_checkpoints')
      .values({ log, size, root, note, issued_at: issuedAt })
      .execute();
    return { checkpoint: toStored(log, { size, root, note, issued_at: issuedAt }, []), issued: true };
  });
  return result;
};

/** Issues a checkpoint for each log that grew since its last one (the interval job and `mamori serve`). */
export const issueCheckpointsIfGrown = async (
  database: DatabaseHandle,
  key: DeploymentKey,
  logs: readonly LedgerLog[],
  now: Date,
): Promise<StoredCheckpoint[]> => {
  const issued: StoredCheckpoint[] = [];
  for (const log of logs) {
    const head = await database.db
      .selectFrom('ledger_heads')
      .select('size')
      .where('log', '=', log)
      .executeTakeFirst();
    const latest = await database.db
      .selectFrom('ledger_checkpoints')
      .select('size')
      .where('log', '=', log)
      .orderBy('size', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (latest !== undefined && (head?.size ?? 0) <= latest.size) continue;
    const result = await issueCheckpoint(database, key, log, now);
    if (result.issued) issued.push(result.checkpoint);
  }
  return issued;
};

/** The latest checkpoint this cosigner has cosigned, if any. */
export const lastCosignedBy = async (
  db: LedgerReader,
  log: LedgerLog,
  cosigner: VerifierKey,
): Promise<StoredCheckpoint | null> => {
  const row = await db
    .selectFrom('ledger_cosignatures')
    .select('size')
    .where('log', '=', log)
    .where('cosigner', '=', cosigner.name)
    .where('key_id', '=', cosigner.keyId.toString(16).padStart(8, '0'))
    .orderBy('size', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? checkpointAt(db, log, row.size) : null;
};

const badCosignature = (ja: string, en: string): AppError =>
  new AppError(
    'validation',
    { ja: `副署を登録できません: ${ja}`, en: `Cannot record the cosignature: ${en}` },
    { issues: [{ field: 'checkpoint', message: { ja, en } }] },
  );

/**
 * Records an auditor's cosignature (c2sp.org/tlog-cosignature, Ed25519 v1) of a stored checkpoint. The cosigned
 * note must carry a valid signature by the given cosigner key over exactly the stored checkpoint's text.
 */
export const recordCosignature = async (
  db: LedgerReader,
  log: LedgerLog,
  cosignedNote: string,
  cosignerKey: VerifierKey,
  now: Date,
): Promise<StoredCheckpoint> => {
  if (cosignerKey.type !== SIG_COSIGNATURE_V1)
    throw badCosignature('副署鍵（種類 0x04）ではありません', 'the key is not a cosigner key (type 0x04)');
  let opened;
  try {
    opened = openNote(cosignedNote, [cosignerKey]);
  } catch (e) {
    if (!(e instanceof NoteError)) throw e;
    throw badCosignature('副署者の署名が検証できません', 'no valid signature by the cosigner key');
  }
  let body: Checkpoint;
  try {
    body = parseCheckpoint(opened.text);
  } catch {
    throw badCosignature('チェックポイントの形式ではありません', 'the note is not a checkpoint');
  }
  const stored = await checkpointAt(db, log, body.size);
  if (!stored || parseNote(stored.note).text !== opened.text)
    throw badCosignature(
      `台帳（${log}）に同じチェックポイント（${body.size}）がありません`,
      `the ${log} ledger has no such checkpoint at size ${body.size}`,
    );
  const signature = opened.verified[0];
  if (!signature) throw badCosignature('署名がありません', 'no signature');
  const time = cosignatureTime(signature);
  await db
    .insertInto('ledger_cosignatures')
    .values({
      log,
      size: body.size,
      cosigner: cosignerKey.name,
      key_id: cosignerKey.keyId.toString(16).padStart(8, '0'),
      verifier_key: `${cosignerKey.name}+${cosignerKey.keyId.toString(16).padStart(8, '0')}+${Buffer.concat([Buffer.from([cosignerKey.type]), cosignerKey.publicKey]).toString('base64')}`,
      signature: signatureLine(signature),
      signed_at: new Date((time ?? 0) * 1000).toISOString(),
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['log', 'size', 'cosigner', 'key_id']).doNothing())
    .execute();
  return (await checkpointAt(db, log, body.size)) ?? stored;
};
