import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db-harness.js';
import { carryOutForm } from '../../test/approvals/fixtures.js';
import { auditEntries, auditSize } from '../../test/ledger-helpers.js';
import { call, startSignedInServer, type Browserish } from '../../test/server-harness.js';
import type { MamoriApp } from '../kernel/index.js';

/**
 * Sensitive denials are ledger entries over HTTP too (issue 5, 第7 1(1)): the route's action is decided by the
 * auth hook before anything runs, a record's action by the use case; the error handler writes the entry in its
 * own transaction, once, at most once a minute for the same actor, action and resource.
 */
describeEachDialect('sensitive denials over HTTP', (db) => {
  let app: MamoriApp;
  let as: (loginId: string) => Browserish;
  let dir: string;
  const anonymous: Browserish = { cookie: null, csrf: null };
  const accountOf = async (loginId: string): Promise<string> =>
    `account:${(await db().handle.db.selectFrom('accounts').select('id').where('login_id', '=', loginId).executeTakeFirstOrThrow()).id}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mamori-denials-'));
    ({ app, as } = await startSignedInServer(
      db(),
      { nurse: 'S007', somu: 'S004' },
      { ledgerKeyFile: join(dir, 'ledger.key') },
    ));
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a privileged action refused by the route’s action; not a 401, not an ordinary 403 (第7 1(1), 第7 2(1))', async () => {
    const before = await auditSize(db().handle);
    expect((await call(app, anonymous, 'POST', '/api/ledger/audit/checkpoint')).statusCode).toBe(401);
    // A report her role does not open: refused, not sensitive.
    expect((await call(app, as('nurse'), 'GET', '/api/org/gap-report')).statusCode).toBe(403);
    expect(await auditSize(db().handle)).toBe(before);
    // Signing the audit log's checkpoint (the security office's and auditors'): refused, and on the ledger.
    const res = await call(app, as('nurse'), 'POST', '/api/ledger/audit/checkpoint');
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('forbidden');
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => [e.kind, e.actor, e.subject, e.payload])).toEqual([
      [
        'access.denied',
        await accountOf('nurse'),
        'hospital:hospital',
        { action: 'ledger.checkpoint', ruleIds: [], reasons: ['privilegedAction'], unitId: null },
      ],
    ]);
  });

  it('writes a request of another section refused by the use case once, not once per catcher (第7 1(1)ア, 第4 1)', async () => {
    const submitted = await call(app, as('nurse'), 'POST', '/api/approvals/requests/submit', {
      draft: { typeId: 'people.carryOut', form: carryOutForm() },
    });
    expect(submitted.statusCode).toBe(201);
    const { id } = submitted.json<{ id: string }>();
    const before = await auditSize(db().handle);
    const res = await call(app, as('somu'), 'GET', `/api/approvals/requests/${id}`);
    expect(res.statusCode).toBe(403);
    const entries = await auditEntries(db().handle, before);
    expect(
      entries.map((e) => [e.kind, e.actor, e.subject, e.payload['action'], e.payload['reasons']]),
    ).toEqual([
      [
        'access.denied',
        await accountOf('somu'),
        `request:${id}`,
        'request.read',
        ['classification', 'otherUnit'],
      ],
    ]);
  });

  it('turns a flood of the same refusal into one entry a minute, which counts the rest', async () => {
    db().clock.advance(60_000);
    const before = await auditSize(db().handle);
    for (let i = 0; i < 40; i++)
      expect((await call(app, as('nurse'), 'POST', '/api/ledger/audit/checkpoint')).statusCode).toBe(403);
    expect(await auditSize(db().handle)).toBe(before + 1);
    db().clock.advance(60_000);
    expect((await call(app, as('nurse'), 'POST', '/api/ledger/audit/checkpoint')).statusCode).toBe(403);
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => [e.payload['action'], e.payload['repeated']])).toEqual([
      ['ledger.checkpoint', undefined],
      ['ledger.checkpoint', 39],
    ]);
  });
});
