import { afterAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/db-harness.js';
import { accountOf, staffActor, staffOf } from '../../../../test/factories/lifecycle.js';
import { auditEntries, auditSize } from '../../../../test/ledger-helpers.js';
import { call, signInAs, startTestServer, type TestServer } from '../../../../test/server-harness.js';
import { issueScimToken, revokeScimToken } from '../index.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const MAMORI = 'urn:mamori:params:scim:schemas:extension:hospital:2.0:User';

interface ScimError {
  schemas: string[];
  status: string;
  scimType?: string;
  detail: string;
}

/** SCIM 2.0 for HR systems (RFC 7643/7644) over real HTTP: accounts follow HR's changes (第7 2(1)イ(ア)). */
describeEachDialect('SCIM 2.0 Users over HTTP (第7 2(1)イ(ア))', (db) => {
  let server: TestServer;
  let base: string;
  let token: string;
  let tokenId: string;
  let hanakoId: string;

  const scim = (method: string, path: string, body?: unknown, bearer: string | null = token) =>
    fetch(`${base}/scim/v2${path}`, {
      method,
      headers: {
        ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
  const hire = (over: Record<string, unknown> = {}) => ({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE, MAMORI],
    userName: 'Hanako.Hr',
    externalId: 'hr-000123',
    name: { familyName: '人事', givenName: '花子' },
    emails: [{ value: 'hanako@hospital.test', primary: true }],
    active: true,
    [ENTERPRISE]: { employeeNumber: 'H123', department: 'KANGO-3E' },
    [MAMORI]: { nameKana: 'ジンジ ハナコ', employment: 'regular' },
    ...over,
  });

  afterAll(async () => {
    await server.app.close();
  });

  it('starts the server on a real port with a token issued by the Security Director', async () => {
    db().clock.set('2026-04-01T01:00:00.000Z');
    server = await startTestServer(db(), { s002: 'S002', staff7: 'S007' });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    base = `http://127.0.0.1:${String(typeof address === 'object' && address !== null ? address.port : 0)}`;
    const before = await auditSize(db().handle);
    const issued = await issueScimToken(db().ctx(await staffActor(db(), 'S002', 'account-director')), {
      name: '人事給与システム',
    });
    token = issued.token;
    tokenId = issued.id;
    expect(token).toMatch(/^mamori_scim_[A-Za-z0-9_-]{43}$/);
    const [entry] = await auditEntries(db().handle, before);
    expect(entry).toMatchObject({ kind: 'identity.scimTokenIssued', payload: { name: '人事給与システム' } });
    expect(JSON.stringify(entry)).not.toContain(token);
    const stored = await db()
      .handle.db.selectFrom('scim_tokens')
      .select('token_hash')
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a request without a token, with a wrong one, or with only a session cookie (401, SCIM error), each on the ledger', async () => {
    const before = await auditSize(db().handle);
    for (const bearer of [null, 'mamori_scim_' + 'x'.repeat(43), 'not-a-token']) {
      const res = await scim('GET', '/Users', undefined, bearer);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/scim+json');
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
      const body = await json<ScimError>(res);
      expect(body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
      expect(body.status).toBe('401');
      expect(body.detail).toContain('SCIMのベアラートークン');
    }
    const { session } = await signInAs(server.app, 's002', server.passwords.get('s002') ?? '');
    const res = await fetch(`${base}/scim/v2/Users`, { headers: { cookie: session.cookie ?? '' } });
    expect(res.status).toBe(401);
    const refusals = (await auditEntries(db().handle, before)).filter(
      (e) => e.kind === 'identity.scimRefused',
    );
    expect(refusals.map((e) => [e.subject, (e.payload as { reason: string }).reason])).toEqual([
      ['address:127.0.0.1', 'missing'],
      ['address:127.0.0.1', 'unknown'],
      ['address:127.0.0.1', 'malformed'],
      ['address:127.0.0.1', 'missing'],
    ]);
    // The token itself is never on the ledger.
    expect(JSON.stringify(refusals)).not.toContain('x'.repeat(43));
  });

  it('creates a hire from a POSTed User: staff record, a pending account without password, and the ledger (201)', async () => {
    const before = await auditSize(db().handle);
    const res = await scim('POST', '/Users', hire());
    expect(res.status).toBe(201);
    const user = await json<Record<string, unknown> & { id: string; meta: { location: string } }>(res);
    hanakoId = user.id;
    expect(res.headers.get('location')).toBe(`${base}/scim/v2/Users/${user.id}`);
    expect(user).toMatchObject({
      userName: 'hanako.hr',
      externalId: 'hr-000123',
      name: { formatted: '人事 花子' },
      active: true,
      emails: [{ value: 'hanako@hospital.test', primary: true }],
      [ENTERPRISE]: { employeeNumber: 'H123', department: 'KANGO-3E' },
      [MAMORI]: { nameKana: 'ジンジ ハナコ', startDate: '2026-04-01' },
      meta: { resourceType: 'User', location: `${base}/scim/v2/Users/${user.id}` },
    });
    const account = await accountOf(db(), 'hanako.hr');
    expect([account.password_hash, account.external_id, account.source]).toEqual(['!', 'hr-000123', 'local']);
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => e.kind)).toEqual([
      'identity.scimUserCreated',
      'org.staff.registered',
      'identity.accountCreated',
      'identity.personnelEventRecorded',
      'identity.personnelEventApplied',
      'identity.externalIdChanged',
    ]);
    expect(new Set(entries.map((e) => e.actor))).toEqual(new Set([`system:scim:${tokenId}`]));
    expect(entries[2]?.payload).toMatchObject({ temporaryPassword: false, source: 'scim' });
  });

  it('answers bad requests in SCIM’s error form, naming the attribute, and writes nothing', async () => {
    const before = await auditSize(db().handle);
    const cases: [unknown, number, string, string][] = [
      [hire(), 409, 'uniqueness', 'userName hanako.hr'],
      [
        hire({ userName: 'other.one', [ENTERPRISE]: { employeeNumber: 'H124' }, [MAMORI]: {} }),
        400,
        'invalidValue',
        `${MAMORI}:nameKana`,
      ],
      [
        hire({ userName: 'other.one', [ENTERPRISE]: { employeeNumber: 'H124' }, password: 'Secret-123' }),
        400,
        'mutability',
        'password',
      ],
      [
        hire({
          userName: 'other.one',
          [ENTERPRISE]: { employeeNumber: 'H124', department: '存在しない部署' },
        }),
        400,
        'invalidValue',
        '存在しない部署',
      ],
      [{ userName: 'x' }, 400, 'invalidValue', 'employeeNumber'],
    ];
    for (const [body, status, scimType, mentions] of cases) {
      const res = await scim('POST', '/Users', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      const error = await json<ScimError>(res);
      expect(error).toMatchObject({ status: String(status), scimType });
      expect(error.detail).toContain(mentions);
    }
    const syntax = await fetch(`${base}/scim/v2/Users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
      body: '{"userName":',
    });
    expect(syntax.status).toBe(400);
    expect((await json<ScimError>(syntax)).scimType).toBe('invalidSyntax');
    expect(await auditSize(db().handle)).toBe(before);
  });

  it('gets a User, lists with filter=userName eq "…" and pages; another filter is invalidFilter', async () => {
    const one = await scim('GET', `/Users/${hanakoId}`);
    expect(one.status).toBe(200);
    expect((await json<{ userName: string }>(one)).userName).toBe('hanako.hr');
    const missing = await scim('GET', '/Users/nobody');
    expect(missing.status).toBe(404);
    expect(await json<ScimError>(missing)).toMatchObject({ status: '404', scimType: 'noTarget' });
    const filtered = await json<{ totalResults: number; Resources: { id: string }[]; schemas: string[] }>(
      await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "Hanako.HR"')}`),
    );
    expect(filtered).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 1,
      Resources: [{ id: hanakoId }],
    });
    const page = await json<{ totalResults: number; itemsPerPage: number; startIndex: number }>(
      await scim('GET', '/Users?startIndex=2&count=1'),
    );
    expect(page).toMatchObject({ totalResults: 3, itemsPerPage: 1, startIndex: 2 });
    const bad = await scim('GET', `/Users?filter=${encodeURIComponent('name.givenName co "花"')}`);
    expect(bad.status).toBe(400);
    expect((await json<ScimError>(bad)).scimType).toBe('invalidFilter');
  });

  it('PATCHes department (a transfer today) and active (disabled, then enabled), each on the ledger', async () => {
    let before = await auditSize(db().handle);
    const moved = await scim('PATCH', `/Users/${hanakoId}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Replace', path: `${ENTERPRISE}:department`, value: '総務課' }],
    });
    expect(moved.status).toBe(200);
    expect((await json<Record<string, { department: string }>>(moved))[ENTERPRISE]?.department).toBe(
      'JIMU-SOMU',
    );
    expect((await auditEntries(db().handle, before)).map((e) => e.kind)).toEqual([
      'identity.scimUserPatched',
      'identity.personnelEventRecorded',
      'identity.personnelEventApplied',
      'org.staff.transferred',
      'identity.accountRescoped',
    ]);
    before = await auditSize(db().handle);
    const off = await scim('PATCH', `/Users/${hanakoId}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { active: 'False' } }],
    });
    expect((await json<{ active: boolean }>(off)).active).toBe(false);
    expect((await accountOf(db(), 'hanako.hr')).disabled_reason).toBe('hrSystem');
    const on = await scim('PATCH', `/Users/${hanakoId}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'active', value: true }],
    });
    expect((await json<{ active: boolean }>(on)).active).toBe(true);
    expect((await auditEntries(db().handle, before)).map((e) => e.kind)).toEqual([
      'identity.scimUserPatched',
      'identity.accountDisabled',
      'identity.scimUserPatched',
      'identity.accountEnabled',
    ]);
    const badPath = await scim('PATCH', `/Users/${hanakoId}`, {
      Operations: [{ op: 'replace', path: 'title', value: '師長' }],
    });
    expect(badPath.status).toBe(400);
    expect((await json<ScimError>(badPath)).scimType).toBe('invalidPath');
  });

  it('PUT replaces the person’s details; the employee number cannot change', async () => {
    const before = await auditSize(db().handle);
    const res = await scim(
      'PUT',
      `/Users/${hanakoId}`,
      hire({ emails: [{ value: 'h.jinji@hospital.test' }], [ENTERPRISE]: { employeeNumber: 'H123' } }),
    );
    expect(res.status).toBe(200);
    expect((await staffOf(db(), 'H123')).email).toBe('h.jinji@hospital.test');
    expect((await auditEntries(db().handle, before)).map((e) => e.kind)).toEqual([
      'identity.scimUserReplaced',
      'org.staff.updated',
    ]);
    const immutable = await scim(
      'PUT',
      `/Users/${hanakoId}`,
      hire({ [ENTERPRISE]: { employeeNumber: 'H999' } }),
    );
    expect(immutable.status).toBe(400);
    expect((await json<ScimError>(immutable)).scimType).toBe('mutability');
  });

  it('links an account to someone already on the staff register instead of hiring them again', async () => {
    const res = await scim(
      'POST',
      '/Users',
      hire({ userName: 'kango.mutsuko', externalId: 'hr-6', [ENTERPRISE]: { employeeNumber: 'S006' } }),
    );
    expect(res.status).toBe(201);
    const account = await accountOf(db(), 'kango.mutsuko');
    expect(account.staff_id).toBe((await staffOf(db(), 'S006')).id);
    const again = await scim(
      'POST',
      '/Users',
      hire({ userName: 'someone.else', [ENTERPRISE]: { employeeNumber: 'S006' } }),
    );
    expect(again.status).toBe(409);
  });

  it('DELETE disables the account (nothing deleted) and SCIM no longer finds it', async () => {
    const before = await auditSize(db().handle);
    const res = await scim('DELETE', `/Users/${hanakoId}`);
    expect(res.status).toBe(204);
    expect((await scim('GET', `/Users/${hanakoId}`)).status).toBe(404);
    const account = await accountOf(db(), 'hanako.hr');
    expect(account.disabled_reason).toBe('hrDeleted');
    const [entry] = await auditEntries(db().handle, before);
    expect(entry).toMatchObject({ kind: 'identity.accountDisabled', payload: { reason: 'hrDeleted' } });
  });

  it('describes itself, and stops answering a revoked token', async () => {
    const config = await scim('GET', '/ServiceProviderConfig');
    expect(await json<{ patch: { supported: boolean } }>(config)).toMatchObject({
      patch: { supported: true },
    });
    const before = await auditSize(db().handle);
    await revokeScimToken(db().ctx(await staffActor(db(), 'S002', 'account-director')), {
      tokenId,
      reason: '試験の終了',
    });
    expect(await auditEntries(db().handle, before)).toMatchObject([
      {
        kind: 'identity.scimTokenRevoked',
        subject: `scimToken:${tokenId}`,
        payload: { reason: '試験の終了' },
      },
    ]);
    expect((await scim('GET', '/Users')).status).toBe(401);
    expect((await auditEntries(db().handle, before)).at(-1)).toMatchObject({
      kind: 'identity.scimRefused',
      subject: `scimToken:${tokenId}`,
      payload: { reason: 'revoked' },
    });
    // The session API's documents do not list SCIM (it describes itself).
    const spec = await call(server.app, { cookie: null, csrf: null }, 'GET', '/api/openapi.json');
    expect(Object.keys(spec.json<{ paths: object }>().paths).some((p) => p.startsWith('/scim'))).toBe(false);
  });
});
