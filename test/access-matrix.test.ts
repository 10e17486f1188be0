import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig, systemActor, type MamoriApp } from '../src/kernel/index.js';
import { seedDemoHospital } from '../src/modules/demo/index.js';
import { buildApp } from '../src/server/index.js';
import { describeEachDialect } from './db-harness.js';

/**
 * Every route × the demo hospital's people (第7 1(1), brief: "tests walk the whole endpoint × role matrix"). Each
 * route from the OpenAPI document is called by: no session, the CISO, the Director, an Officer (看護部), the Manager
 * of 4階東病棟, a nurse of that ward with no role, a contractor, an auditor; routes about a unit are called for the
 * ward (own unit) and for 総務課 (another unit). The statuses must equal test/access-matrix.json. A route missing
 * from the file fails the test: add its row, and a request below if it needs a body or parameters.
 * `UPDATE_ACCESS_MATRIX=1` writes what the server answered, for review before committing.
 */

import { requests } from './access-matrix-cases.js';
import { columns, fixed, type Column, type Who, type World } from './access-matrix-kit.js';

const matrixFile = new URL('./access-matrix.json', import.meta.url);
/** The file: the columns once, then one row of statuses per route (and case), in column order. */
interface MatrixFile {
  readonly columns: readonly Column[];
  readonly routes: Record<string, number[]>;
}

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
}
interface ErrorBody {
  error?: { code?: string; message?: { ja?: string; en?: string } };
}

describeEachDialect('access matrix: every route × the demo hospital’s people', (db) => {
  let app: MamoriApp;
  let world: World;
  const people = new Map<Column, Who>();

  const send = (who: Who, method: string, url: string, body?: unknown, session = who) =>
    app.inject({
      method: method as 'GET',
      url,
      remoteAddress: who.address,
      headers: {
        ...(session.cookie === null ? {} : { cookie: session.cookie }),
        ...(session.csrf === null ? {} : { 'x-csrf-token': session.csrf }),
      },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });

  const signIn = async (who: Who): Promise<Who> => {
    const res = await send(who, 'POST', '/api/session', { loginId: who.loginId, password: who.password });
    expect(res.statusCode, `${who.key} signs in`).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'mamori_session');
    const view = res.json<{ csrfToken: string; account: { id: string } }>();
    return {
      ...who,
      cookie: `mamori_session=${cookie?.value ?? ''}`,
      csrf: view.csrfToken,
      accountId: view.account.id,
    };
  };

  const keyDir = mkdtempSync(join(tmpdir(), 'mamori-access-matrix-'));

  beforeAll(async () => {
    const seeded = await seedDemoHospital(db().ctx(systemActor('test')), { seed: 7, asOf: '2026-04-01' });
    app = await buildApp({
      config: loadConfig({}, { logLevel: 'silent', ledgerKeyFile: join(keyDir, 'ledger.key') }),
      app: {
        database: db().handle,
        clock: db().clock,
        timeZone: 'Asia/Tokyo',
        hospitalName: seeded.hospital.hospitalName,
      },
      logger: false,
    });
    await app.ready();
    const anonymous: Who = {
      key: 'anonymous',
      loginId: '',
      address: '10.0.0.1',
      password: 'not a password at all',
      cookie: null,
      csrf: null,
      accountId: '',
      created: new Map(),
    };
    people.set('anonymous', anonymous);
    for (const [i, persona] of seeded.personas.entries()) {
      const first = await signIn({
        key: persona.key,
        loginId: persona.loginId,
        address: `10.0.1.${String(i + 1)}`,
        password: persona.temporaryPassword,
        cookie: null,
        csrf: null,
        accountId: '',
        created: new Map(),
      });
      // 7-2(3)イ: nothing else answers before the temporary password is changed.
      expect((await send(first, 'GET', '/api/org/units')).statusCode).toBe(403);
      const password = `Matrix passphrase ${String(i)} for ${persona.key.slice(0, 3)} 4Qz!`;
      const changed = await send(first, 'POST', '/api/account/password', {
        currentPassword: first.password,
        newPassword: password,
      });
      expect(changed.statusCode, `${persona.key} changes the temporary password`).toBe(204);
      people.set(persona.key, { ...first, password });
    }
    const ciso = people.get('ciso');
    if (!ciso) throw new Error('no CISO persona');
    const units = (await send(ciso, 'GET', '/api/org/units')).json<{ id: string; code: string }[]>();
    const idOf = (c: string): string => units.find((u) => u.code === c)?.id ?? `missing ${c}`;
    const manager = seeded.personas.find((p) => p.key === 'securityManager');
    const csv = await send(ciso, 'GET', '/api/org/export?format=csv&sheet=units');
    world = {
      ownUnitId: idOf('KANGO-4E'),
      otherUnitId: idOf('JIMU-SOMU'),
      managerEmployeeNumber: manager?.employeeNumber ?? '',
      otherAccountId: people.get('securityDirector')?.accountId ?? '',
      unitsCsv: csv.rawPayload.toString('base64'),
    };
  });

  afterAll(async () => {
    await app.close();
    rmSync(keyDir, { recursive: true, force: true });
  });

  it('answers each route for each person as test/access-matrix.json says, with the bilingual reason', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApi>();
    const actual: Record<string, number[]> = {};
    const unexplained: string[] = [];
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        const route = `${method} ${path}`;
        const cases =
          requests[route] ?? (method === 'GET' && !path.includes('{') ? [{ url: fixed(path) }] : null);
        if (cases === null) {
          unexplained.push(`${route}: add a request for it in test/access-matrix.test.ts`);
          continue;
        }
        for (const c of cases) {
          const row: number[] = [];
          for (const column of columns) {
            const who = people.get(column);
            if (!who) throw new Error(`no ${column}`);
            const session = c.fresh === true && column !== 'anonymous' ? await signIn(who) : who;
            const res = await send(who, method, c.url(who, world), c.body?.(who, world), session);
            c.then?.(who, res);
            row.push(res.statusCode);
            if (res.statusCode === 401 || res.statusCode === 403) {
              const error = res.json<ErrorBody>().error;
              const expectedCode =
                res.statusCode === 403 ? ['forbidden'] : ['unauthenticated', 'invalidCredentials'];
              expect(expectedCode, `${route} ${column}`).toContain(error?.code);
              expect(error?.message?.ja, `${route} ${column}`).toMatch(/[ぁ-んァ-ヶ一-龯]/);
              expect(error?.message?.en, `${route} ${column}`).toMatch(/[a-z]/);
            }
          }
          actual[c.name === undefined ? route : `${route} (${c.name})`] = row;
        }
      }
    }
    if (process.env['UPDATE_ACCESS_MATRIX'] === '1' && db().dialect === 'sqlite') {
      const rows = Object.entries(actual).map(
        ([route, row]) => `    ${JSON.stringify(route)}: [${row.join(', ')}]`,
      );
      const header = `  "columns": [${columns.map((c) => JSON.stringify(c)).join(', ')}],`;
      writeFileSync(matrixFile, `{\n${header}\n  "routes": {\n${rows.join(',\n')}\n  }\n}\n`);
    }
    expect(unexplained).toEqual([]);
    const expected = JSON.parse(readFileSync(matrixFile, 'utf8')) as MatrixFile;
    expect(expected.columns).toEqual(columns);
    const missing = Object.keys(actual).filter((route) => !(route in expected.routes));
    expect(
      missing,
      'routes without a row in test/access-matrix.json (UPDATE_ACCESS_MATRIX=1 writes them)',
    ).toEqual([]);
    expect(actual).toEqual(expected.routes);
  });
});
