import { describe, expect, it } from 'vitest';
import { generateTemporaryPassword, hashPassword, verifyPassword } from './password.js';

describe('passwords', () => {
  it('stores argon2id hashes with the OWASP parameters, never the password', async () => {
    const stored = await hashPassword('パスワード-correct-horse');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored).not.toContain('correct-horse');
    expect(await verifyPassword(stored, 'パスワード-correct-horse')).toBe(true);
    expect(await verifyPassword(stored, 'パスワード-correct-hors')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('makes temporary passwords of 16 unambiguous characters, different each time (第7 2(3)イ)', () => {
    const passwords = new Set(Array.from({ length: 200 }, () => generateTemporaryPassword()));
    expect(passwords.size).toBe(200);
    for (const p of passwords) expect(p).toMatch(/^[A-HJ-NP-Za-km-np-z2-9]{16}$/);
  });
});
