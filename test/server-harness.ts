import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, systemActor, type MamoriApp } from '../src/kernel/index.js';
import { createAccount } from '../src/modules/identity/index.js';
import { importOrg } from '../src/modules/org/index.js';
import { buildApp } from '../src/server/index.js';
import type { TestDatabase } from './db-harness.js';
import { smallHospital } from './factories/org.js';

// Module tests reach the HTTP app through here: a module itself never imports the server.
export { buildApp };

export interface TestServer {
  readonly app: MamoriApp;
  /** Temporary passwords of the accounts made for the small hospital, by login ID. */
  readonly passwords: Map<string, string>;
}

/** The real HTTP app over a test database holding the small hospital and accounts for a few of its people. */
export const startTestServer = async (
  db: TestDatabase,
  accounts: Record<string, string> = {},
): Promise<TestServer> => {
  const ctx = db.ctx(systemActor('test'));
  await importOrg(ctx, { data: smallHospital() });
  const passwords = new Map<string, string>();
  for (const [loginId, employeeNumber] of Object.entries(accounts)) {
    passwords.set(loginId, (await createAccount(ctx, { loginId, employeeNumber })).temporaryPassword);
  }
  const config = loadConfig({}, { logLevel: 'silent' });
  const app = await buildApp({
    config,
    app: {
      database: db.handle,
      clock: db.clock,
      timeZone: 'Asia/Tokyo',
      hospitalName: { ja: 'テスト病院', en: 'Test Hospital' },
    },
    logger: false,
  });
  await app.ready();
  return { app, passwords };
};

export interface Browserish {
  cookie: string | null;
  csrf: string | null;
}

/** Sign in like the web app does, keeping the session cookie and CSRF token for later requests. */
export const signInAs = async (
  app: MamoriApp,
  loginId: string,
  password: string,
): Promise<{ res: LightMyRequestResponse; session: Browserish }> => {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { loginId, password } });
  const setCookie = res.cookies.find((c) => c.name === 'mamori_session');
  const body = res.json<{ csrfToken?: string }>();
  return {
    res,
    session: { cookie: setCookie ? `mamori_session=${setCookie.value}` : null, csrf: body.csrfToken ?? null },
  };
};

export const call = (
  app: MamoriApp,
  session: Browserish,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> =>
  app.inject({
    method,
    url,
    headers: {
      ...(session.cookie ? { cookie: session.cookie } : {}),
      ...(session.csrf ? { 'x-csrf-token': session.csrf } : {}),
    },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });

/**
 * The real HTTP app with the small hospital, accounts for the given people (login ID → employee number) whose
 * temporary passwords are already changed, and a session for each; config overrides (e.g. the ledger key file).
 */
export const startSignedInServer = async (
  db: TestDatabase,
  people: Record<string, string>,
  overrides: Parameters<typeof loadConfig>[1] = {},
): Promise<{ app: MamoriApp; as: (loginId: string) => Browserish }> => {
  const ctx = db.ctx(systemActor('test'));
  await importOrg(ctx, { data: smallHospital() });
  const passwords = new Map<string, string>();
  for (const [loginId, employeeNumber] of Object.entries(people))
    passwords.set(loginId, (await createAccount(ctx, { loginId, employeeNumber })).temporaryPassword);
  const app = await buildApp({
    config: loadConfig({}, { logLevel: 'silent', ...overrides }),
    app: {
      database: db.handle,
      clock: db.clock,
      timeZone: 'Asia/Tokyo',
      hospitalName: { ja: 'テスト病院', en: 'Test Hospital' },
    },
    logger: false,
  });
  await app.ready();
  const sessions = new Map<string, Browserish>();
  const newPassword = 'correct horse battery staple 9';
  for (const loginId of Object.keys(people)) {
    const { session } = await signInAs(app, loginId, passwords.get(loginId) ?? '');
    await call(app, session, 'POST', '/api/account/password', {
      currentPassword: passwords.get(loginId),
      newPassword,
    });
    sessions.set(loginId, (await signInAs(app, loginId, newPassword)).session);
  }
  return { app, as: (loginId) => sessions.get(loginId) ?? { cookie: null, csrf: null } };
};
