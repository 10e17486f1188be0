import { hash, verify, type Options } from '@node-rs/argon2';
import { randomInt } from 'node:crypto';

// OWASP's argon2id minimum: 19 MiB memory, 2 iterations, 1 lane.
// The library's default algorithm is argon2id (its Algorithm enum is ambient, so it cannot be named here);
// password.test.ts checks the stored hash says argon2id.
const params: Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// NFKC first (NIST SP 800-63B-4 §3.1.1.2): full-width and half-width input are the same password.
export const hashPassword = (password: string): Promise<string> => hash(password.normalize('NFKC'), params);

export const verifyPassword = async (stored: string, password: string): Promise<boolean> => {
  try {
    return await verify(stored, password.normalize('NFKC'));
  } catch {
    return false;
  }
};

/** Verified against when the login ID does not exist, so an unknown ID takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;
export const burnVerification = async (password: string): Promise<void> => {
  dummyHash ??= hashPassword('mamori-timing-equalizer');
  await verifyPassword(await dummyHash, password);
};

// No 0/O, 1/l/I: read aloud or copied from a printed sheet without mistakes.
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';

/** A temporary password (7-2(3)イ): random, 16 characters, to be changed at first sign-in. */
export const generateTemporaryPassword = (length = 16): string =>
  Array.from({ length }, () => alphabet[randomInt(alphabet.length)] ?? 'x').join('');
