import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db-harness.js';
import { signInAs } from '../../test/server-harness.js';
import { loadConfig, systemActor } from '../kernel/index.js';
import { bootstrapAdministrator } from '../modules/identity/index.js';
import { buildApp } from './app.js';
import { serverLogger } from './request-log.js';

/** Issue 4: secrets never logged — the server's own log, written by the logger the server starts with. */
describeEachDialect("the server's request log", (db) => {
  it('keeps no query string, cookie, CSRF token or password of any request', async () => {
    const stream = new PassThrough();
    let log = '';
    stream.on('data', (chunk: Buffer) => {
      log += chunk.toString('utf8');
    });
    const app = await buildApp({
      config: loadConfig({}, { logLevel: 'info' }),
      app: {
        database: db().handle,
        clock: db().clock,
        timeZone: 'Asia/Tokyo',
        hospitalName: { ja: 'テスト病院', en: 'Test Hospital' },
      },
      logger: serverLogger('info', stream),
    });
    await app.ready();
    const boot = await bootstrapAdministrator(db().ctx(systemActor('startup')), {});
    const password = boot?.temporaryPassword ?? '';
    const { session } = await signInAs(app, 'admin', password);
    // Single sign-on's callback carries the authorization code and state in its query string.
    await app.inject({
      method: 'GET',
      url: '/api/identity/oidc/callback?code=SECRET-AUTH-CODE&state=SECRET-STATE',
    });
    await app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: session.cookie ?? '', 'x-csrf-token': session.csrf ?? '' },
    });
    await app.close();
    const lines = log
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { req?: { method: string; path: string } });
    const paths = lines.flatMap((l) => (l.req ? [`${l.req.method} ${l.req.path}`] : []));
    expect(paths).toEqual(['POST /api/session', 'GET /api/identity/oidc/callback?…', 'GET /api/session']);
    for (const secret of [
      'SECRET-AUTH-CODE',
      'SECRET-STATE',
      password,
      session.cookie?.split('=')[1] ?? 'no cookie',
      session.csrf ?? 'no csrf',
    ])
      expect(log).not.toContain(secret);
  });
});
