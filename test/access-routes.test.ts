import { expect, it } from 'vitest';
import { loadConfig, type Action } from '../src/kernel/index.js';
import { buildApp } from '../src/server/index.js';
import { describeEachDialect } from './db-harness.js';

/** 第7 1(1): the server refuses to start while an API route that needs a session does not say what it does. */
describeEachDialect('route actions at start-up', (db) => {
  const build = () =>
    buildApp({
      config: loadConfig({}, { logLevel: 'silent' }),
      app: {
        database: db().handle,
        clock: db().clock,
        timeZone: 'Asia/Tokyo',
        hospitalName: { ja: 'テスト病院', en: 'Test Hospital' },
      },
      logger: false,
    });

  it('starts when every route declares its action', async () => {
    const app = await build();
    await expect(app.ready()).resolves.toBeDefined();
    await app.close();
  });

  it('refuses to start on a route without an action, naming it; public routes need none', async () => {
    const app = await build();
    app.get('/api/forgotten', () => 'x');
    app.get('/api/public-thing', { config: { public: true } }, () => 'x');
    app.get('/not-api', () => 'x');
    await expect(app.ready()).rejects.toThrow(
      /^API routes without a declared action:\nGET \/api\/forgotten: no action declared/,
    );
  });

  it('refuses an action the access rules do not know', async () => {
    const app = await build();
    app.post('/api/typo', { config: { action: 'org.mange' as Action } }, () => 'x');
    await expect(app.ready()).rejects.toThrow("POST /api/typo: unknown action 'org.mange'");
  });
});
