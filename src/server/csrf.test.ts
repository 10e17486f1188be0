import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db-harness.js';
import { signInWithTotp } from '../../test/factories/identity.js';
import { auditSize } from '../../test/ledger-helpers.js';
import { call, signInAs, startTestServer } from '../../test/server-harness.js';
import { systemActor } from '../kernel/index.js';
import { bootstrapAdministrator } from '../modules/identity/index.js';

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
}

/** The state-changing routes a browser may call without a session, so without a CSRF token (issue 4). */
const withoutSession = ['POST /api/session'];

/**
 * Issue 4 (CSRF protection on every state-changing form): every POST, PUT, PATCH and DELETE of the API, called
 * with the most privileged session but without its CSRF token, or with another one, is refused with 403 and a
 * bilingual message, and nothing is written.
 */
describeEachDialect('CSRF protection on every state-changing route', (db) => {
  it('refuses a missing or wrong token on every route, changing nothing', async () => {
    const server = await startTestServer(db());
    const boot = await bootstrapAdministrator(db().ctx(systemActor('startup')), {});
    const first = await signInAs(server.app, 'admin', boot?.temporaryPassword ?? '');
    const changed = await call(server.app, first.session, 'POST', '/api/account/password', {
      currentPassword: boot?.temporaryPassword,
      newPassword: 'the operator passphrase 42',
    });
    expect(changed.statusCode).toBe(204);
    const admin = (
      await signInWithTotp(server.app, 'admin', 'the operator passphrase 42', () => db().clock.now())
    ).session;
    const spec = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApi>();
    const before = await auditSize(db().handle);
    const open: string[] = [];
    let checked = 0;
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
        const url = path.replace(/\{[^}]+\}/g, 'x');
        for (const csrf of [null, 'f'.repeat(64)]) {
          const res = await server.app.inject({
            method: method as 'POST' | 'PUT' | 'PATCH' | 'DELETE',
            url,
            headers: { cookie: admin.cookie ?? '', ...(csrf === null ? {} : { 'x-csrf-token': csrf }) },
            payload: {},
          });
          if (res.statusCode !== 403) {
            open.push(`${method} ${path}`);
            continue;
          }
          const body = res.json<{ error: { code: string; message: { ja: string; en: string } } }>();
          expect(body.error.code, `${method} ${path}`).toBe('forbidden');
          expect(body.error.message.ja).toContain('CSRF');
          expect(body.error.message.en).toContain('CSRF token mismatch');
          checked++;
        }
      }
    }
    expect([...new Set(open)]).toEqual(withoutSession);
    expect(checked).toBeGreaterThan(100);
    expect(await auditSize(db().handle)).toBe(before);
    await server.app.close();
  });
});
