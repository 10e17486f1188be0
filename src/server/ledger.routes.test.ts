import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db-harness.js';
import { assignmentRow, smallHospital } from '../../test/factories/org.js';
import { call, signInAs, type Browserish } from '../../test/server-harness.js';
import { loadConfig, systemActor, type MamoriApp } from '../kernel/index.js';
import { verifyConsistency, verifyInclusion } from '../kernel/ledger/merkle.js';
import {
  SIG_COSIGNATURE_V1,
  formatVerifierKey,
  noteSigner,
  openNote,
  parseCheckpoint,
  parseNote,
  parseVerifierKey,
  signNote,
} from '../kernel/ledger/note.js';
import { createAccount } from '../modules/identity/index.js';
import { importOrg } from '../modules/org/index.js';
import { buildApp } from './app.js';

interface ErrorBody {
  error: { code: string; message: { ja: string; en: string }; issues: { field: string }[] };
}

const newPassword = 'correct horse battery staple 9';

describeEachDialect('ledger HTTP API', (db) => {
  let app: MamoriApp;
  let dir: string;
  const sessions = new Map<string, Browserish>();
  const as = (who: string): Browserish => sessions.get(who) ?? { cookie: null, csrf: null };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mamori-ledger-routes-'));
    const ctx = db().ctx(systemActor('test'));
    const org = smallHospital();
    await importOrg(ctx, {
      data: {
        ...org,
        assignments: [...org.assignments, assignmentRow({ role: 'auditor', employeeNumber: 'S004' })],
      },
    });
    const people = { ciso: 'S001', auditor: 'S004', staff: 'S007' };
    const passwords = new Map<string, string>();
    for (const [loginId, employeeNumber] of Object.entries(people))
      passwords.set(loginId, (await createAccount(ctx, { loginId, employeeNumber })).temporaryPassword);
    app = await buildApp({
      config: loadConfig({}, { logLevel: 'silent', ledgerKeyFile: join(dir, 'keys', 'ledger.key') }),
      app: {
        database: db().handle,
        clock: db().clock,
        timeZone: 'Asia/Tokyo',
        hospitalName: { ja: 'テスト病院', en: 'Test Hospital' },
      },
      logger: false,
    });
    await app.ready();
    for (const loginId of Object.keys(people)) {
      const { session } = await signInAs(app, loginId, passwords.get(loginId) ?? '');
      await call(app, session, 'POST', '/api/account/password', {
        currentPassword: passwords.get(loginId),
        newPassword,
      });
      sessions.set(loginId, (await signInAs(app, loginId, newPassword)).session);
    }
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs a checkpoint on demand with a key made on first use (mode 0600), and serves it as text', async () => {
    const signed = await call(app, as('ciso'), 'POST', '/api/ledger/audit/checkpoint');
    expect(signed.statusCode).toBe(201);
    expect(signed.headers['content-type']).toContain('text/plain');
    expect(statSync(join(dir, 'keys', 'ledger.key')).mode & 0o777).toBe(0o600);
    const again = await call(app, as('ciso'), 'POST', '/api/ledger/audit/checkpoint');
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(signed.body);
    const keys = (await call(app, as('auditor'), 'GET', '/api/ledger/public-key')).json<{ audit: string }>();
    const opened = openNote(signed.body, [parseVerifierKey(keys.audit)]);
    const body = parseCheckpoint(opened.text);
    expect(body.origin).toBe(keys.audit.split('+')[0]);
    const latest = await call(app, as('auditor'), 'GET', '/api/ledger/audit/checkpoint');
    expect(latest.body).toBe(signed.body);
  });

  it('serves entries with their exact bytes and proofs that verify against the signed root', async () => {
    const checkpoint = parseCheckpoint(
      parseNote((await call(app, as('auditor'), 'GET', '/api/ledger/audit/checkpoint')).body).text,
    );
    const n = checkpoint.size;
    const entries = (
      await call(app, as('auditor'), 'GET', `/api/ledger/audit/entries?start=0&end=${n}`)
    ).json<{ entries: { index: number; entry: string }[] }>().entries;
    expect(entries.map((e) => e.index)).toEqual(Array.from({ length: n }, (_, i) => i));
    const stored = await db()
      .handle.db.selectFrom('ledger_entries')
      .select('entry')
      .where('log', '=', 'audit')
      .where('idx', '=', 1)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(entries[1]!.entry, 'base64')).toEqual(Buffer.from(stored.entry));
    const inclusion = (
      await call(app, as('auditor'), 'GET', `/api/ledger/audit/proofs/inclusion?index=1&size=${n}`)
    ).json<{ leafHash: string; rootHash: string; proof: string[] }>();
    expect(inclusion.rootHash).toBe(checkpoint.root.toString('base64'));
    const b = (s: string): Buffer => Buffer.from(s, 'base64');
    expect(verifyInclusion(1, n, b(inclusion.leafHash), inclusion.proof.map(b), checkpoint.root)).toBe(true);
    const consistency = (
      await call(app, as('auditor'), 'GET', `/api/ledger/audit/proofs/consistency?from=2&to=${n}`)
    ).json<{ fromRoot: string; proof: string[] }>();
    expect(verifyConsistency(2, n, consistency.proof.map(b), b(consistency.fromRoot), checkpoint.root)).toBe(
      true,
    );
  });

  it('names the field and the reason of bad input in both languages', async () => {
    const bad = await call(app, as('auditor'), 'GET', '/api/ledger/audit/proofs/inclusion?index=5&size=3');
    expect(bad.statusCode).toBe(400);
    const error = bad.json<ErrorBody>().error;
    expect(error.issues.map((i) => i.field)).toEqual(['index']);
    expect(error.message.ja).toContain('size より小さく');
    expect(error.message.en).toContain('less than size');
    const beyond = await call(app, as('auditor'), 'GET', '/api/ledger/audit/entries?start=0&end=999999');
    expect(beyond.json<ErrorBody>().error.issues.map((i) => i.field)).toEqual(['end']);
    const log = await call(app, as('auditor'), 'GET', '/api/ledger/nope/checkpoint');
    expect(log.statusCode).toBe(400);
    expect(log.json<ErrorBody>().error.issues.map((i) => i.field)).toEqual(['log']);
  });

  it('runs a recorded verification, and accepts an auditor cosignature of a stored checkpoint only', async () => {
    const run = await call(app, as('auditor'), 'POST', '/api/ledger/audit/verifications');
    expect(run.statusCode).toBe(201);
    expect(run.json()).toMatchObject({ ok: true, log: 'audit', keySource: 'keyFile', checkpoints: 1 });
    const runs = (await call(app, as('ciso'), 'GET', '/api/ledger/audit/verifications')).json<
      { id: string }[]
    >();
    expect(runs[0]?.id).toBe(run.json<{ id: string }>().id);

    const checkpoint = (await call(app, as('auditor'), 'GET', '/api/ledger/audit/checkpoint')).body;
    const cosigner = noteSigner(Buffer.alloc(32, 3), SIG_COSIGNATURE_V1, 'audit.example/w1');
    const cosignerKey = formatVerifierKey(cosigner.name, SIG_COSIGNATURE_V1, cosigner.publicKey);
    const cosigned = signNote(parseNote(checkpoint).text, [cosigner], parseNote(checkpoint).signatures);
    const byStaff = await call(app, as('ciso'), 'POST', '/api/ledger/audit/cosignatures', {
      checkpoint: cosigned,
      cosignerKey,
    });
    expect(byStaff.statusCode).toBe(403);
    const recorded = await call(app, as('auditor'), 'POST', '/api/ledger/audit/cosignatures', {
      checkpoint: cosigned,
      cosignerKey,
    });
    expect(recorded.statusCode).toBe(201);
    const withCosig = (await call(app, as('staff'), 'GET', '/api/ledger/audit/checkpoint')).statusCode;
    expect(withCosig).toBe(403);
    const latest = (await call(app, as('auditor'), 'GET', '/api/ledger/audit/checkpoint')).body;
    expect(openNote(latest, [parseVerifierKey(cosignerKey)]).verified.map((s) => s.name)).toEqual([
      'audit.example/w1',
    ]);
    const forged = signNote(parseNote(checkpoint).text.replace(/\n\d+\n/, '\n999\n'), [cosigner]);
    const refused = await call(app, as('auditor'), 'POST', '/api/ledger/audit/cosignatures', {
      checkpoint: forged,
      cosignerKey,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ErrorBody>().error.issues.map((i) => i.field)).toEqual(['checkpoint']);
  });

  it('refuses every ledger route without a session, and to staff without a ledger role', async () => {
    const routes: ['GET' | 'POST', string][] = [
      ['GET', '/api/ledger/public-key'],
      ['GET', '/api/ledger/audit/checkpoint'],
      ['POST', '/api/ledger/audit/checkpoint'],
      ['GET', '/api/ledger/audit/entries?start=0&end=1'],
      ['GET', '/api/ledger/audit/proofs/inclusion?index=0&size=1'],
      ['GET', '/api/ledger/audit/proofs/consistency?from=0&to=1'],
      ['POST', '/api/ledger/audit/verifications'],
      ['GET', '/api/ledger/audit/verifications'],
    ];
    for (const [method, url] of routes) {
      expect((await call(app, as('nobody'), method, url)).statusCode, `${method} ${url}`).toBe(401);
      expect((await call(app, as('staff'), method, url)).statusCode, `${method} ${url}`).toBe(403);
    }
  });
});
