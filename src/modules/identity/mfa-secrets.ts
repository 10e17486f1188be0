import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** RFC 6238 TOTP with the parameters every authenticator app supports: SHA-1, 6 digits, 30 seconds. */
const totpFor = (secret: string, label = 'mamori'): TOTP =>
  new TOTP({
    issuer: 'Mamori',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

export const totpUri = (secret: string, loginId: string, issuer: string): string =>
  new TOTP({
    issuer,
    label: loginId,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  }).toString();

/**
 * The time step a code belongs to (±1 step for clock drift), or null. The comparison is otpauth's timing-safe one;
 * the caller refuses a step at or before the last one used (no replay).
 */
export const totpStep = (secret: string, code: string, now: Date): number | null => {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secret).validate({ token, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 30_000) + delta;
};

/** The code an authenticator app shows at a moment (tests and the benchmark use it). */
export const totpCodeAt = (secret: string, at: Date): string =>
  totpFor(secret).generate({ timestamp: at.getTime() });

// No 0/O, 1/I/L: written down on paper and typed back without mistakes.
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Recovery codes: 10 of them, 10 characters (≈49 bits) each, shown once, stored only as hashes. */
export const newRecoveryCodes = (n = 10): string[] =>
  Array.from({ length: n }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)] ?? 'A').join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });

const normalizeCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '');

/** SHA-256 is enough for random codes of this length; argon2 would only slow the sign-in. */
export const hashRecoveryCode = (code: string): string =>
  createHash('sha256')
    .update(`mamori-recovery:${normalizeCode(code)}`)
    .digest('hex');

/** The stored code a typed one matches, compared in constant time against every candidate. */
export const matchRecoveryCode = <T extends { code_hash: string }>(
  rows: readonly T[],
  code: string,
): T | undefined => {
  const typed = Buffer.from(hashRecoveryCode(code), 'hex');
  let found: T | undefined;
  for (const row of rows) {
    const stored = Buffer.from(row.code_hash, 'hex');
    if (stored.length === typed.length && timingSafeEqual(stored, typed)) found ??= row;
  }
  return found;
};

export const looksLikeRecoveryCode = (code: string): boolean => /^[A-Z2-9]{10}$/.test(normalizeCode(code));
