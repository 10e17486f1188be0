import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db-harness.js';
import { signInWithTotp } from '../../test/factories/identity.js';
import { auditSize } from '../../test/ledger-helpers.js';
import {
  call,
  signInAs,
  startTestServer,
  type Browserish,
  type TestServer,
} from '../../test/server-harness.js';
import { systemActor } from '../kernel/index.js';
import { bootstrapAdministrator } from '../modules/identity/index.js';

interface OpenApi {
  paths: Record<
    string,
    Record<string, { requestBody?: unknown; parameters?: { in: string; name: string }[] }>
  >;
}

interface ErrorBody {
  error: {
    code: string;
    message: { ja: string; en: string };
    issues: { field: string; message: { ja: string; en: string } }[];
  };
}

/** Every route, as the most privileged user, with a body or query that is wrong: 400, fields named, nothing written. */
describeEachDialect('bad input to every route', (db) => {
  let server: TestServer;
  let admin: Browserish;

  it('is refused with a bilingual error naming the field, and changes nothing', async () => {
    server = await startTestServer(db());
    const boot = await bootstrapAdministrator(db().ctx(systemActor('startup')), {});
    const first = await signInAs(server.app, 'admin', boot?.temporaryPassword ?? '');
    const changed = await call(server.app, first.session, 'POST', '/api/account/password', {
      currentPassword: boot?.temporaryPassword,
      newPassword: 'the operator passphrase 42',
    });
    expect(changed.statusCode).toBe(204);
    // The administrator is a privileged ID: its sign-in ends with a second factor (第7 2(1)ウ(エ)).
    admin = (await signInWithTotp(server.app, 'admin', 'the operator passphrase 42', () => db().clock.now()))
      .session;
    const spec = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApi>();
    const before = await auditSize(db().handle);
    let checked = 0;
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const upper = method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'DELETE';
        const url = path.replace(/\{[^}]+\}/g, 'x');
        if (op.requestBody !== undefined) {
          const res = await call(server.app, admin, upper, url, { unexpected: true });
          expect(res.statusCode, `${method} ${path}`).toBe(400);
          const body = res.json<ErrorBody>();
          expect(body.error.code).toBe('validation');
          expect(body.error.issues.length, `${method} ${path}`).toBeGreaterThan(0);
          for (const issue of body.error.issues) {
            expect(issue.field).not.toBe('');
            expect(issue.message.ja).toMatch(/[ぁ-んァ-ヶ一-龯]/);
            expect(issue.message.en).toMatch(/[a-z]/);
          }
          checked++;
        }
        const numeric = (op.parameters ?? []).find(
          (p) => p.in === 'query' && ['limit', 'offset'].includes(p.name),
        );
        if (numeric) {
          const res = await call(server.app, admin, upper, `${url}?${numeric.name}=-5`);
          expect(res.statusCode, `${method} ${path}?${numeric.name}`).toBe(400);
          expect(res.json<ErrorBody>().error.issues[0]?.field).toBe(numeric.name);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(8);
    expect(await auditSize(db().handle)).toBe(before);
    await server.app.close();
  });
});
