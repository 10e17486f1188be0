/**
 * An account made from the directory has no password in Mamori: its people sign in through the hospital's single
 * sign-on. The marker is not an argon2 hash, so no password ever verifies against it (verifyPassword refuses it),
 * and the sign-in route's refusal floor keeps its answer as slow as any other refusal.
 */
export const NO_LOCAL_PASSWORD = '!sso-only';

export const hasLocalPassword = (passwordHash: string): boolean => passwordHash !== NO_LOCAL_PASSWORD;
