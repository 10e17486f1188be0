import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db-harness.js';
import { auditEntries, auditSize } from '../../test/ledger-helpers.js';
import { call, signInAs, startTestServer, type TestServer } from '../../test/server-harness.js';
import { latestMigration, systemActor } from '../kernel/index.js';
import { bootstrapAdministrator } from '../modules/identity/index.js';

interface ErrorBody {
  error: {
    code: string;
    message: { ja: string; en: string };
    issues: { field: string; row?: number; message: { ja: string; en: string } }[];
  };
}

describeEachDialect('HTTP server', (db) => {
  let server: TestServer;
  const newPassword = 'correct horse battery staple 9';

  it('answers health, OpenAPI and docs without a session', async () => {
    server = await startTestServer(db(), { staff7: 'S007', director: 'S002' });
    const health = await server.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toMatchObject({
      status: 'ok',
      database: { dialect: db().dialect, migration: latestMigration, pending: 0 },
    });
    const openapi = await server.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const spec = openapi.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/session',
        '/api/org/units',
        '/api/org/import',
        '/api/records/{subject}/history',
      ]),
    );
    const docs = await server.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('refuses every other API route without a session, in both languages', async () => {
    for (const url of ['/api/org/units', '/api/org/staff', '/api/session', '/api/org/contact-chart']) {
      const res = await server.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json<ErrorBody>().error.message).toEqual({
        ja: 'サインインが必要です。',
        en: 'You need to sign in.',
      });
    }
  });

  it('sends a strict CSP with no unsafe-inline, and a per-request nonce in the page', async () => {
    const page = await server.app.inject({ method: 'GET', url: '/org' });
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('gives the same answer for a wrong password and an unknown ID, and records both', async () => {
    const before = await auditSize(db().handle);
    const wrong = await signInAs(server.app, 'staff7', 'not the password');
    const unknown = await signInAs(server.app, 'nobody', 'not the password');
    expect(wrong.res.statusCode).toBe(401);
    expect(unknown.res.statusCode).toBe(401);
    expect(wrong.res.json<ErrorBody>().error).toEqual(unknown.res.json<ErrorBody>().error);
    expect(wrong.res.json<ErrorBody>().error.message.ja).toBe(
      'ログインIDまたはパスワードが正しくありません。',
    );
    const kinds = (await auditEntries(db().handle, before)).map((e) => [e.kind, e.subject.split(':')[0]]);
    expect(kinds).toEqual([
      ['identity.signInFailed', 'account'],
      ['identity.signInFailed', 'login'],
    ]);
  });

  it('makes a temporary password be changed before anything else (第7 2(3)イ)', async () => {
    const { res, session } = await signInAs(server.app, 'staff7', server.passwords.get('staff7') ?? '');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      account: { loginId: 'staff7', displayName: '職員 七海', mustChangePassword: true },
    });
    const blocked = await call(server.app, session, 'GET', '/api/org/units');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<ErrorBody>().error.code).toBe('passwordChangeRequired');
    const noCsrf = await call(server.app, { ...session, csrf: null }, 'POST', '/api/account/password', {
      currentPassword: server.passwords.get('staff7'),
      newPassword,
    });
    expect(noCsrf.statusCode).toBe(403);
    const tooShort = await call(server.app, session, 'POST', '/api/account/password', {
      currentPassword: server.passwords.get('staff7'),
      newPassword: 'short',
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json<ErrorBody>().error.issues[0]).toMatchObject({
      field: 'newPassword',
      message: { ja: '13文字以上で入力してください。' },
    });
    const changed = await call(server.app, session, 'POST', '/api/account/password', {
      currentPassword: server.passwords.get('staff7'),
      newPassword,
    });
    expect(changed.statusCode).toBe(204);
    const units = await call(server.app, session, 'GET', '/api/org/units');
    expect(units.statusCode).toBe(200);
    expect(units.json<{ code: string }[]>().map((u) => u.code)).toContain('JIMU-IRYOJOHO');
  });

  it('shows the previous sign-in after signing in again (第7 2(2))', async () => {
    const { res } = await signInAs(server.app, 'staff7', newPassword);
    expect(res.json<{ previousSignIn: { at: string } | null }>().previousSignIn?.at).toBe(
      db().clock.now().toISOString(),
    );
  });

  it('rejects bad input naming the field, changing nothing; staff without a role cannot change the organisation', async () => {
    const { session } = await signInAs(server.app, 'staff7', newPassword);
    const before = await auditSize(db().handle);
    const bad = await call(server.app, session, 'POST', '/api/org/units', {
      code: 'x y',
      nameJa: '',
      kind: 'ward',
      validFrom: '2026-13-01',
      extra: 1,
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json<ErrorBody>().error.issues.map((i) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining(['code', 'nameJa', 'nameEn', 'kind', 'validFrom', 'extra']),
    );
    const forbidden = await call(server.app, session, 'POST', '/api/org/units', {
      code: 'OK-1',
      nameJa: '新しい課',
      nameEn: 'New Section',
      kind: 'section',
      validFrom: '2026-04-01',
    });
    expect(forbidden.statusCode).toBe(403);
    // Nothing changed; the refused change of the organisation (a privileged action) is itself on the ledger.
    const after = await auditEntries(db().handle, before);
    expect(after.map((e) => [e.kind, e.payload['action']])).toEqual([['access.denied', 'org.manage']]);
    const malformed = await server.app.inject({
      method: 'POST',
      url: '/api/org/units',
      headers: {
        cookie: session.cookie ?? '',
        'x-csrf-token': session.csrf ?? '',
        'content-type': 'application/json',
      },
      payload: '{not json',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<ErrorBody>().error.code).toBe('validation');
  });

  it('lets the Director import a file: dry run, per-row errors, then the real import', async () => {
    const password = server.passwords.get('director') ?? '';
    const first = await signInAs(server.app, 'director', password);
    await call(server.app, first.session, 'POST', '/api/account/password', {
      currentPassword: password,
      newPassword,
    });
    const { session } = await signInAs(server.app, 'director', newPassword);
    const csv =
      '\uFEFF部署コード,部署名,部署名（英語）,種別,上位部署コード,有効開始日\r\nJIMU-KEIRI,経理課,Accounts Section,section,JIMU,2026-04-01\r\nBAD,悪い課,Bad,ward,JIMU,2026-04-01\r\n';
    const before = await auditSize(db().handle);
    const rejected = await call(server.app, session, 'POST', '/api/org/import?dryRun=true', {
      format: 'csv',
      sheet: 'units',
      contentBase64: Buffer.from(csv).toString('base64'),
    });
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json<ErrorBody>().error.issues).toEqual([
      expect.objectContaining({ row: 3, field: 'units.kind' }),
    ]);
    const good = csv.split('\r\n').slice(0, 2).join('\r\n');
    const dry = await call(server.app, session, 'POST', '/api/org/import?dryRun=true', {
      format: 'csv',
      sheet: 'units',
      contentBase64: Buffer.from(good).toString('base64'),
    });
    expect(dry.json()).toMatchObject({ dryRun: true, counts: { units: { created: 1 } } });
    expect(await auditSize(db().handle)).toBe(before);
    const real = await call(server.app, session, 'POST', '/api/org/import?dryRun=false', {
      format: 'csv',
      sheet: 'units',
      contentBase64: Buffer.from(good).toString('base64'),
    });
    expect(real.json()).toMatchObject({ dryRun: false, counts: { units: { created: 1 } } });
    const units = (await call(server.app, session, 'GET', '/api/org/units')).json<
      { id: string; code: string }[]
    >();
    const keiri = units.find((u) => u.code === 'JIMU-KEIRI');
    const history = await call(
      server.app,
      session,
      'GET',
      `/api/records/${encodeURIComponent(`unit:${keiri?.id ?? ''}`)}/history`,
    );
    expect(history.json<{ kind: string; actorName: string }[]>()).toEqual([
      expect.objectContaining({ kind: 'org.unit.created', actorName: '事務 二郎' }),
    ]);
    const exported = await call(server.app, session, 'GET', '/api/org/export?format=csv&sheet=units');
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.body).toContain('経理課');
    const pdf = await call(server.app, session, 'GET', '/api/org/contact-chart.pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('signs out: the session is revoked and the cookie no longer works', async () => {
    const { session } = await signInAs(server.app, 'staff7', newPassword);
    expect((await call(server.app, session, 'DELETE', '/api/session')).statusCode).toBe(204);
    expect((await call(server.app, session, 'GET', '/api/session')).statusCode).toBe(401);
    const [last] = (await auditEntries(db().handle, (await auditSize(db().handle)) - 1)).slice(-1);
    expect(last?.kind).toBe('identity.signedOut');
  });

  it('creates the first administrator once, with a temporary password', async () => {
    const ctx = db().ctx(systemActor('startup'));
    const first = await bootstrapAdministrator(ctx, {});
    expect(first?.loginId).toBe('admin');
    expect(first?.temporaryPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(await bootstrapAdministrator(ctx, {})).toBeNull();
    const { res } = await signInAs(server.app, 'admin', first?.temporaryPassword ?? '');
    expect(res.json()).toMatchObject({ account: { systemRole: 'administrator', mustChangePassword: true } });
    await server.app.close();
  });
});
