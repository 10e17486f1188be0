import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { AppError } from '../../kernel/index.js';

/**
 * Secrets Mamori must send to other systems (the directory's bind password, the OIDC client secret) are never
 * stored in the clear: either sealed with AES-256-GCM under a key kept in a file beside the data (mode 0600, made
 * at first use, never in the database), or named by a file the operator keeps (read at each use).
 */
export interface SecretBox {
  seal(plain: string, purpose: string): string;
  open(sealed: string, purpose: string): string;
}

const PREFIX = 'v1';
const keyField = 'MAMORI_SECRETS_KEY_FILE (secretsKeyFile)';

const configError = (field: string, ja: string, en: string): AppError =>
  new AppError('configuration', { ja, en }, { issues: [{ field, message: { ja, en } }] });

/** Refuses a secret file that anyone but its owner and group can read (a 0644 secret is no secret). */
const checkMode = (file: string, field: string): void => {
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o007) !== 0)
    throw configError(
      field,
      `ファイル ${file} は誰でも読めます（${mode.toString(8)}）。chmod 600 にしてください。`,
      `The file ${file} is readable by anyone (${mode.toString(8)}). Run chmod 600 on it.`,
    );
};

const createKeyFile = (file: string): Buffer => {
  const key = randomBytes(32);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, `${key.toString('base64')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return key;
};

const loadKey = (file: string): Buffer => {
  let text: string;
  try {
    checkMode(file, keyField);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      try {
        return createKeyFile(file);
      } catch (again) {
        // Another process made it first: read theirs.
        if ((again as NodeJS.ErrnoException).code !== 'EEXIST') throw again;
        checkMode(file, keyField);
        text = readFileSync(file, 'utf8');
      }
    } else throw e;
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32)
    throw configError(
      keyField,
      `鍵ファイル ${file} の内容が正しくありません（32バイトの鍵をbase64で1行）。`,
      `The key file ${file} is malformed (one line: a 32-byte key in base64).`,
    );
  return key;
};

/** A box over the key file; the key is read at first use (a server that never seals a secret never makes it). */
export const fileSecretBox = (keyFile: string): SecretBox => {
  let key: Buffer | undefined;
  const keyOf = (): Buffer => (key ??= loadKey(keyFile));
  return {
    // The purpose is authenticated data: a sealed bind password cannot be replayed as a client secret.
    seal: (plain, purpose) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyOf(), iv);
      cipher.setAAD(Buffer.from(purpose));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [
        PREFIX,
        iv.toString('base64'),
        cipher.getAuthTag().toString('base64'),
        body.toString('base64'),
      ].join(':');
    },
    open: (sealed, purpose) => {
      const [prefix, iv, tag, body] = sealed.split(':');
      if (prefix !== PREFIX || iv === undefined || tag === undefined || body === undefined)
        throw configError(
          keyField,
          '保存された秘密情報の形式が正しくありません。',
          'A stored secret is malformed.',
        );
      try {
        const decipher = createDecipheriv('aes-256-gcm', keyOf(), Buffer.from(iv, 'base64'));
        decipher.setAAD(Buffer.from(purpose));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString(
          'utf8',
        );
      } catch (cause) {
        throw new AppError(
          'configuration',
          {
            ja: `保存された秘密情報を復号できません。鍵ファイル（${keyFile}）が替わった可能性があります。設定画面で入力し直してください。`,
            en: `A stored secret cannot be decrypted; the key file (${keyFile}) may have changed. Enter it again in the settings.`,
          },
          {
            cause,
            issues: [{ field: keyField, message: { ja: '復号できません。', en: 'Cannot decrypt.' } }],
          },
        );
      }
    },
  };
};

/** A secret kept in a file the operator names (first line, trimmed); refused when anyone can read it. */
export const readSecretFile = (file: string, field: string): string => {
  if (!isAbsolute(file))
    throw configError(field, 'ファイルは絶対パスで指定してください。', 'Give the file as an absolute path.');
  try {
    checkMode(file, field);
    return (readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '').trim();
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw configError(
      field,
      `ファイル ${file} を読めません（${(e as NodeJS.ErrnoException).code ?? 'error'}）。`,
      `Cannot read the file ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
};

/** How a secret is kept: sealed in the database, in a file, or not at all. */
export type StoredSecret =
  | { readonly kind: 'sealed'; readonly sealed: string }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'none' };

export const revealSecret = (
  box: SecretBox,
  secret: StoredSecret,
  purpose: string,
  field: string,
): string | null => {
  switch (secret.kind) {
    case 'sealed':
      return box.open(secret.sealed, purpose);
    case 'file':
      return readSecretFile(secret.path, field);
    case 'none':
      return null;
  }
};

/** The key file of the stored secrets: MAMORI_SECRETS_KEY_FILE, or secrets.key in the data directory. */
export const secretsKeyFileOf = (config: {
  readonly dataDir: string;
  readonly secretsKeyFile?: string | undefined;
}): string => config.secretsKeyFile ?? join(config.dataDir, 'secrets.key');
