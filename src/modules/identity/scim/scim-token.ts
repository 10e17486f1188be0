import { createHash, randomBytes } from 'node:crypto';

/** The prefix makes a leaked token recognisable (secret scanners, logs). */
const PREFIX = 'mamori_scim_';

/** A new bearer token: 256 random bits. Only its SHA-256 is stored; the token is shown once. */
export const newScimToken = (): string => `${PREFIX}${randomBytes(32).toString('base64url')}`;

/**
 * The stored form. A fast hash is enough for 256 random bits (nothing to guess), and looking the hash up in the
 * database compares no secret byte by byte in JavaScript.
 */
export const scimTokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export const looksLikeScimToken = (token: string): boolean => /^mamori_scim_[A-Za-z0-9_-]{43}$/.test(token);
