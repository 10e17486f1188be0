import { createHash, randomBytes } from 'node:crypto';

/** The cookie carries the token; the database keeps only its hash, so a copied table opens no session. */
export const newSessionToken = (): { token: string; id: string } => {
  const token = randomBytes(32).toString('base64url');
  return { token, id: sessionIdOf(token) };
};

export const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('hex');

export const newCsrfToken = (): string => randomBytes(24).toString('base64url');
