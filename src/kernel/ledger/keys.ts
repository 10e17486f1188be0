import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import type { Db } from '../db/index.js';
import { AppError } from '../errors/index.js';
import {
  NoteError,
  SIG_COSIGNATURE_V1,
  SIG_ED25519,
  formatSignerKey,
  formatVerifierKey,
  noteSigner,
  parseSignerKey,
  parseVerifierKey,
  type NoteSigner,
  type SignatureType,
  type SignerKey,
  type VerifierKey,
} from './note.js';
import type { LedgerLog } from './types.js';

/**
 * The deployment key signs every checkpoint. It is an Ed25519 key kept in a file (mode 0600) in the signed-note
 * signer form `PRIVATE+KEY+<name>+<keyid>+<base64>`, where <name> is `mamori.<host>` at first start. Each log
 * signs under its own key name, `<name>/audit` and `<name>/vault`, which is also the checkpoint's origin line.
 * The public half is registered in the database at first start, so a second process on PostgreSQL with another
 * key, or a replaced key file, is refused rather than signing a second history.
 */
export interface DeploymentKey {
  readonly name: string;
  readonly seed: Buffer;
  readonly publicKey: Buffer;
}

export const logKeyName = (baseName: string, log: LedgerLog): string => `${baseName}/${log}`;

export const logSigner = (key: DeploymentKey, log: LedgerLog): NoteSigner =>
  noteSigner(key.seed, SIG_ED25519, logKeyName(key.name, log));

export const logVerifierKey = (baseName: string, publicKey: Buffer, log: LedgerLog): string =>
  formatVerifierKey(logKeyName(baseName, log), SIG_ED25519, publicKey);

const keyFileField = 'MAMORI_LEDGER_KEY_FILE (ledgerKeyFile)';

const configError = (ja: string, en: string, field = keyFileField): AppError =>
  new AppError('configuration', { ja, en }, { issues: [{ field, message: { ja, en } }] });

/** `mamori.<host>`: a key name without spaces or plus signs, stable once written into the key file. */
export const defaultKeyName = (host = hostname()): string =>
  `mamori.${host.toLowerCase().replace(/[^a-z0-9.-]/g, '-') || 'localhost'}`;

/** Writes a new secret key file with mode 0600, refusing to overwrite one; durable before it returns. */
export const writeKeyFile = (file: string, content: string): void => {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const dir = openSync(dirname(file), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
};

/** Reads a signer key file, refusing one that others can read (like ssh does). */
export const readSignerKeyFile = (file: string, type: SignatureType, field = keyFileField): SignerKey => {
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0)
    throw configError(
      `鍵ファイル ${file} は所有者以外も読めます（${mode.toString(8)}）。chmod 600 にしてください。`,
      `The key file ${file} is readable by others (${mode.toString(8)}). Run chmod 600 on it.`,
      field,
    );
  let key: SignerKey;
  try {
    key = parseSignerKey(readFileSync(file, 'utf8').trim());
  } catch (e) {
    if (!(e instanceof NoteError)) throw e;
    throw configError(
      `鍵ファイル ${file} の形式が正しくありません（PRIVATE+KEY+名前+鍵ID+鍵）。`,
      `The key file ${file} is not a signed-note signer key (PRIVATE+KEY+name+id+key).`,
      field,
    );
  }
  if (key.type !== type)
    throw configError(
      `鍵ファイル ${file} の種類が違います（${type === SIG_ED25519 ? '署名鍵' : '副署鍵'}が必要です）。`,
      `The key file ${file} holds the wrong kind of key (a ${type === SIG_ED25519 ? 'log signing' : 'cosigner'} key is needed).`,
      field,
    );
  return key;
};

const exists = (file: string): boolean => {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
};

export interface RegisteredKey {
  readonly name: string;
  readonly publicKey: Buffer;
}

export const registeredDeploymentKey = async (db: Db): Promise<RegisteredKey | null> => {
  const row = await db
    .selectFrom('ledger_keys')
    .select(['name', 'public_key'])
    .where('purpose', '=', 'deployment')
    .executeTakeFirst();
  return row ? { name: row.name, publicKey: Buffer.from(row.public_key, 'base64') } : null;
};

/**
 * The deployment key: read from its file, or generated there at first start. Its public half is registered in
 * the database; a key file that does not match the registered key is refused, and no key is generated when the
 * database already has one (copy the file from the first server instead).
 */
export const loadOrCreateDeploymentKey = async (
  db: Db,
  file: string,
  now: () => Date = () => new Date(),
): Promise<DeploymentKey> => {
  if (!exists(file)) {
    if (await registeredDeploymentKey(db))
      throw configError(
        `台帳の署名鍵ファイル ${file} がありません。データベースには既に鍵が登録されています。最初のサーバーから鍵ファイルをコピーしてください。`,
        `The ledger key file ${file} is missing, but the database already has a registered key. Copy the key file from the first server.`,
      );
    try {
      writeKeyFile(file, `${formatSignerKey(defaultKeyName(), SIG_ED25519, randomBytes(32))}\n`);
    } catch (e) {
      // Another process on this machine created it first: use theirs.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const signer = readSignerKeyFile(file, SIG_ED25519);
  const key: DeploymentKey = { name: signer.name, seed: signer.seed, publicKey: signer.publicKey };
  await db
    .insertInto('ledger_keys')
    .values({
      purpose: 'deployment',
      name: key.name,
      public_key: key.publicKey.toString('base64'),
      created_at: now().toISOString(),
    })
    .onConflict((oc) => oc.column('purpose').doNothing())
    .execute();
  const registered = await registeredDeploymentKey(db);
  if (registered?.name !== key.name || !registered.publicKey.equals(key.publicKey))
    throw configError(
      `台帳の署名鍵ファイル ${file} はデータベースに登録された鍵（${registered?.name ?? '?'}）と一致しません。`,
      `The ledger key file ${file} does not match the key registered in the database (${registered?.name ?? '?'}).`,
    );
  return key;
};

/** A new cosigner key for an auditor: the secret goes to a file (0600), the verifier key is returned. */
export const createCosignerKey = (file: string, name: string): string => {
  const seed = randomBytes(32);
  let skey: string;
  try {
    skey = formatSignerKey(name, SIG_COSIGNATURE_V1, seed);
  } catch {
    throw configError(
      `副署者名 ${name} は使えません（空白や + を含めないでください）。`,
      `The cosigner name ${name} is not allowed (no spaces or plus signs).`,
      '--name',
    );
  }
  if (exists(file))
    throw configError(`${file} は既に存在します。`, `${file} already exists: not overwriting it.`, '--out');
  writeKeyFile(file, `${skey}\n`);
  return formatVerifierKey(name, SIG_COSIGNATURE_V1, parseSignerKey(skey).publicKey);
};

/** Parses a verifier key given by an operator, as a validation error naming the field. */
export const parseVerifierKeyOption = (text: string, field: string, type?: SignatureType): VerifierKey => {
  try {
    const key = parseVerifierKey(text.trim());
    if (type === undefined || key.type === type) return key;
  } catch (e) {
    if (!(e instanceof NoteError)) throw e;
  }
  throw new AppError(
    'validation',
    {
      ja: `${field}: 検証鍵の形式が正しくありません（名前+鍵ID+鍵）。`,
      en: `${field}: not a signed-note verifier key (name+id+key).`,
    },
    {
      issues: [
        {
          field,
          message: {
            ja: '検証鍵（名前+鍵ID+base64）を指定してください。',
            en: 'Give a verifier key (name+id+base64).',
          },
        },
      ],
    },
  );
};
