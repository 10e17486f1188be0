import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/index.js';
import { fileSecretBox, readSecretFile } from './secret-box.js';

const dir = mkdtempSync(join(tmpdir(), 'mamori-box-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const thrown = (run: () => unknown): AppError => {
  try {
    run();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
};

describe('stored secrets (the directory bind password, the OIDC client secret)', () => {
  it('seals with a key made at first use (mode 0600) and opens only for the same purpose', () => {
    const file = join(dir, 'a', 'secrets.key');
    const box = fileSecretBox(file);
    const sealed = box.seal('Bind-Passw0rd', 'directory.bindPassword');
    expect(sealed).not.toContain('Bind-Passw0rd');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(fileSecretBox(file).open(sealed, 'directory.bindPassword')).toBe('Bind-Passw0rd');
    expect(thrown(() => box.open(sealed, 'oidc.clientSecret')).code).toBe('configuration');
    // Each seal is fresh (random IV): equal passwords do not look equal.
    expect(box.seal('Bind-Passw0rd', 'directory.bindPassword')).not.toBe(sealed);
  });

  it('refuses a key file or a secret file that anyone can read, naming it', () => {
    const key = join(dir, 'open.key');
    writeFileSync(key, `${Buffer.alloc(32, 7).toString('base64')}\n`);
    chmodSync(key, 0o644);
    const error = thrown(() => fileSecretBox(key).seal('x', 'p'));
    expect(error.issues[0]?.field).toBe('MAMORI_SECRETS_KEY_FILE (secretsKeyFile)');
    expect(error.userMessage.en).toContain('chmod 600');
    const secret = join(dir, 'bind.secret');
    writeFileSync(secret, 'pw\n');
    chmodSync(secret, 0o604);
    expect(thrown(() => readSecretFile(secret, 'bindPassword')).issues[0]?.field).toBe('bindPassword');
    chmodSync(secret, 0o640);
    expect(readSecretFile(secret, 'bindPassword')).toBe('pw');
  });
});
