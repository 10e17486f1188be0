import { expect } from 'vitest';
import { AppError, systemActor, type Actor } from '../../src/kernel/index.js';
import {
  authenticateSession,
  changePassword,
  createAccount,
  signIn,
  type AuthenticatedSession,
} from '../../src/modules/identity/index.js';
import { importOrg } from '../../src/modules/org/index.js';
import type { TestDatabase } from '../db-harness.js';
import { smallHospital } from './org.js';

/** A password that passes every profile's rules, distinct per call (for history tests). */
let counter = 0;
export const goodPassword = (): string => `Tsuki-ga-kirei-desu-ne-${String(++counter)}!`;

/** The small hospital with accounts for some of its people (login ID → employee number); temporary passwords. */
export const hospitalWithAccounts = async (
  db: TestDatabase,
  accounts: Record<string, string>,
): Promise<Map<string, string>> => {
  const ctx = db.ctx(systemActor('test'));
  await importOrg(ctx, { data: smallHospital() });
  const passwords = new Map<string, string>();
  for (const [loginId, employeeNumber] of Object.entries(accounts))
    passwords.set(loginId, (await createAccount(ctx, { loginId, employeeNumber })).temporaryPassword);
  return passwords;
};

export interface SignedIn extends AuthenticatedSession {
  readonly token: string;
}

/** Signs in through the use case, as the sign-in route does; fails the test when refused. */
export const signInSession = async (
  db: TestDatabase,
  loginId: string,
  password: string,
  ip = '192.0.2.10',
): Promise<SignedIn> => {
  const result = await signIn(db.ctx(), { loginId, password, ip, userAgent: 'vitest' });
  if (!result.ok) throw new Error(`sign-in of ${loginId} refused`);
  const session = await authenticateSession(db.ctx(), result.token, 30);
  if (!session) throw new Error(`session of ${loginId} not found`);
  return { ...session, token: result.token };
};

/** First sign-in with the temporary password, then the change it forces; returns a full session. */
export const activate = async (
  db: TestDatabase,
  loginId: string,
  temporary: string,
  password = goodPassword(),
): Promise<{ session: SignedIn; password: string }> => {
  const first = await signInSession(db, loginId, temporary);
  await changePassword(db.ctx(first.actor), {
    currentPassword: temporary,
    newPassword: password,
    sessionId: first.sessionId,
  });
  return { session: await signInSession(db, loginId, password), password };
};

export const actorOf = (session: AuthenticatedSession): Actor => session.actor;

/** Awaits a rejection and checks it is an AppError with the code; returns it for further checks. */
export const rejection = async (p: Promise<unknown>, code: AppError['code']): Promise<AppError> => {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
};
