import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db-harness.js';
import { assignmentRow, smallHospital } from '../../test/factories/org.js';
import { auditSize } from '../../test/ledger-helpers.js';
import { call, signInAs, type Browserish } from '../../test/server-harness.js';
import { loadConfig, systemActor, type MamoriApp } from '../kernel/index.js';
import { hashLeaf, verifyInclusion } from '../kernel/ledger/merkle.js';
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
import { verifyExport } from '../verifier/verify-export.js';
import { importOrg } from '../modules/org/index.js';
import type {
  LedgerInclusionProofFile,
  LedgerSearchResult,
  LedgerStatusView,
} from '../shared/ledger-api-types.js';
import { buildApp } from './app.js';

interface ErrorBody {
  error: { code: string; message: { ja: string; en: string }; issues: { field: string }[] };
}

const newPassword = 'correct horse battery staple 9';

/** The ledger page's routes (第7 1(4)イ, 1(6), 第9 1(6)): state, search, kinds, an entry's proof file. */
describeEachDialect('ledger page HTTP API', (db) => {
  let app: MamoriApp;
  let dir: string;
  const sessions = new Map<string, Browserish>();
  const as = (who: string): Browserish => sessions.get(who) ?? { cookie: null, csrf: null };
  const search = async (who: string, query: string) =>
    call(app, as(who), 'GET', `/api/ledger/search?${query}`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mamori-ledger-page-'));
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
      config: loadConfig({}, { logLevel: 'silent', ledgerKeyFile: join(dir, 'ledger.key') }),
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
      // Each person signs in five minutes after the one before: entries at different times.
      db().clock.advance(300_000);
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

  it('shows each log with its latest checkpoint, the signer key and cosignatures checked, and the last verification', async () => {
    expect((await call(app, as('ciso'), 'POST', '/api/ledger/audit/checkpoint')).statusCode).toBe(201);
    const note = (await call(app, as('auditor'), 'GET', '/api/ledger/audit/checkpoint')).body;
    const cosigner = noteSigner(
      Buffer.alloc(32, 5),
      SIG_COSIGNATURE_V1,
      'audit.example/w2',
      () => new Date('2026-04-02T00:00:00Z'),
    );
    const cosignerKey = formatVerifierKey(cosigner.name, SIG_COSIGNATURE_V1, cosigner.publicKey);
    const cosigned = signNote(parseNote(note).text, [cosigner], parseNote(note).signatures);
    const recorded = await call(app, as('auditor'), 'POST', '/api/ledger/audit/cosignatures', {
      checkpoint: cosigned,
      cosignerKey,
    });
    expect(recorded.statusCode).toBe(201);
    expect((await call(app, as('auditor'), 'POST', '/api/ledger/audit/verifications')).statusCode).toBe(201);

    const status = (await call(app, as('auditor'), 'GET', '/api/ledger/status')).json<LedgerStatusView>();
    expect(status.logs.map((l) => l.log)).toEqual(['audit', 'vault']);
    const audit = status.logs[0]!;
    const keys = (await call(app, as('auditor'), 'GET', '/api/ledger/public-key')).json<{ audit: string }>();
    expect(audit.verifierKey).toBe(keys.audit);
    const body = parseCheckpoint(openNote(note, [parseVerifierKey(keys.audit)]).text);
    expect(audit.checkpoint).toMatchObject({
      origin: body.origin,
      size: body.size,
      rootHash: body.root.toString('base64'),
      signer: { name: body.origin, keyId: keys.audit.split('+')[1], valid: true, verifierKey: keys.audit },
      cosignatures: [
        {
          name: 'audit.example/w2',
          verifierKey: cosignerKey,
          valid: true,
          signedAt: '2026-04-02T00:00:00.000Z',
        },
      ],
    });
    expect(audit.checkpoint?.note).toContain('— audit.example/w2 ');
    expect(audit.lastVerification).toMatchObject({
      ok: true,
      actor: 'auditor',
      checkpoints: 1,
      firstBadIndex: null,
    });
    expect(audit.size).toBeGreaterThan(body.size);
    expect(status.logs[1]).toMatchObject({ log: 'vault', size: 0, checkpoint: null, lastVerification: null });
  });

  it('finds entries by actor (login ID), kind, subject and time, newest first, a page at a time', async () => {
    const byCiso = (await search('auditor', 'actor=ciso&limit=200')).json<LedgerSearchResult>();
    expect(byCiso.actor).toMatch(/^account:/);
    expect(byCiso.entries.length).toBeGreaterThan(0);
    for (const e of byCiso.entries) {
      expect(e.actor).toBe(byCiso.actor);
      expect(e.actorName).toBe('管理 一郎');
      expect(JSON.parse(e.canonical)).toMatchObject({ index: e.index, actor: e.actor, kind: e.kind });
      expect(hashLeaf(Buffer.from(e.canonical, 'utf8')).toString('base64')).toBe(e.leafHash);
      expect(e.columnsMatch).toBe(true);
    }
    const times = byCiso.entries.map((e) => e.time);
    expect([...times].sort().reverse()).toEqual(times);

    const kinds = (await call(app, as('auditor'), 'GET', '/api/ledger/audit/kinds')).json<string[]>();
    expect(kinds).toEqual([...new Set(kinds)].sort());
    expect(kinds).toContain('identity.signedIn');
    const signIns = (await search('auditor', 'kind=identity.signedIn&limit=200')).json<LedgerSearchResult>();
    expect(new Set(signIns.entries.map((e) => e.kind))).toEqual(new Set(['identity.signedIn']));
    const subject = signIns.entries[0]!.subject;
    const bySubject = (
      await search('auditor', `subject=${encodeURIComponent(subject)}`)
    ).json<LedgerSearchResult>();
    expect(bySubject.entries.every((e) => e.subject === subject)).toBe(true);

    // The auditor signed in at 10:10 Japan time, between the others: that window holds only the auditor's entries.
    const hour = (
      await search('auditor', 'from=2026-04-01T10:08:00%2B09:00&to=2026-04-01T10:12:00%2B09:00')
    ).json<LedgerSearchResult>();
    expect(hour.entries.length).toBeGreaterThan(0);
    for (const e of hour.entries)
      expect(e.time >= '2026-04-01T01:08:00.000Z' && e.time < '2026-04-01T01:12:00.000Z').toBe(true);
    const names = hour.entries.map((e) => e.actorName);
    expect(names).toContain('総務 四郎');
    expect(names).not.toContain('管理 一郎');
    expect(names).not.toContain('職員 七海');

    // Pages of two follow each other without a gap or a repeat.
    const all = (await search('auditor', 'limit=200')).json<LedgerSearchResult>().entries.map((e) => e.index);
    const paged: number[] = [];
    let before: string | null = null;
    do {
      const page: LedgerSearchResult = (
        await search('auditor', `limit=2${before === null ? '' : `&before=${before}`}`)
      ).json<LedgerSearchResult>();
      paged.push(...page.entries.map((e) => e.index));
      before = page.next;
    } while (before !== null);
    expect(paged).toEqual(all);
  });

  it('names the field of bad filters in both languages', async () => {
    const cases: [string, string][] = [
      ['actor=nobody-here', 'actor'],
      ['before=999999', 'before'],
      ['from=2026-04-02T00:00:00Z&to=2026-04-01T00:00:00Z', 'to'],
      ['from=yesterday', 'from'],
      ['limit=0', 'limit'],
      ['log=other', 'log'],
    ];
    for (const [query, field] of cases) {
      const res = await search('auditor', query);
      expect(res.statusCode, query).toBe(400);
      const error = res.json<ErrorBody>().error;
      expect(
        error.issues.map((i) => i.field),
        query,
      ).toEqual([field]);
      expect(error.message.ja, query).toMatch(/[ぁ-んァ-ヶ一-龯]/);
    }
  });

  it("hands out an entry's proof as a file that verifies with the public key alone, once a checkpoint covers it", async () => {
    const res = await call(app, as('auditor'), 'GET', '/api/ledger/audit/entries/1/proof');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="mamori-audit-1-inclusion-proof.json"',
    );
    const proof = res.json<LedgerInclusionProofFile>();
    const keys = (await call(app, as('auditor'), 'GET', '/api/ledger/public-key')).json<{ audit: string }>();
    const checkpoint = parseCheckpoint(openNote(proof.checkpoint, [parseVerifierKey(keys.audit)]).text);
    const b = (s: string): Buffer => Buffer.from(s, 'base64');
    expect(proof).toMatchObject({
      format: 'mamori-inclusion-proof/1',
      log: 'audit',
      leaf_index: 1,
      tree_size: checkpoint.size,
    });
    expect(b(proof.root_hash)).toEqual(checkpoint.root);
    expect(hashLeaf(b(proof.entry))).toEqual(b(proof.leaf_hash));
    expect(
      verifyInclusion(1, checkpoint.size, b(proof.leaf_hash), proof.inclusion_path.map(b), checkpoint.root),
    ).toBe(true);
    const stored = await db()
      .handle.db.selectFrom('ledger_entries')
      .select('entry')
      .where('log', '=', 'audit')
      .where('idx', '=', 1)
      .executeTakeFirstOrThrow();
    expect(b(proof.entry)).toEqual(Buffer.from(stored.entry));

    const newest = (await search('auditor', 'limit=1')).json<LedgerSearchResult>().entries[0]!;
    expect(newest.index).toBeGreaterThanOrEqual(checkpoint.size);
    const early = await call(app, as('auditor'), 'GET', `/api/ledger/audit/entries/${newest.index}/proof`);
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorBody>().error.message.ja).toContain('署名済みチェックポイントに含まれていません');
    const missing = await call(app, as('auditor'), 'GET', '/api/ledger/vault/entries/0/proof');
    expect(missing.statusCode).toBe(404);
  });

  it('exports over HTTP as a tar archive that the standalone verifier checks with the public key alone', async () => {
    const res = await call(app, as('auditor'), 'GET', '/api/ledger/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-tar');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="mamori-ledger-export-\d{4}-\d{2}-\d{2}\.tar"$/,
    );
    const out = mkdtempSync(join(tmpdir(), 'mamori-ledger-tar-'));
    writeFileSync(join(out, 'export.tar'), res.rawPayload);
    // The system's own tar reads it: a real ustar archive.
    const untar = spawnSync('tar', ['-xf', 'export.tar'], { cwd: out, encoding: 'utf8' });
    expect(untar.status, untar.stderr).toBe(0);
    const dir = join(out, 'mamori-ledger-export');
    expect(readdirSync(dir).sort()).toEqual(['audit', 'manifest.json', 'vault']);
    const keys = (await call(app, as('auditor'), 'GET', '/api/ledger/public-key')).json<{ audit: string }>();
    const results = await verifyExport(dir, { key: parseVerifierKey(keys.audit) });
    expect(results.map((r) => [r.log, r.ok])).toEqual([
      ['audit', true],
      ['vault', true],
    ]);
    expect(results[0]!.size).toBe(await auditSize(db().handle));
    // A changed byte in the unpacked file is found, with its index.
    const file = join(dir, 'audit', 'entries.jsonl');
    const rows = readFileSync(file, 'utf8').trim().split('\n');
    const row = JSON.parse(rows[3] ?? '') as { entry: string };
    const bytes = Buffer.from(row.entry, 'base64');
    bytes[9] = (bytes[9] ?? 0) ^ 1;
    rows[3] = JSON.stringify({ ...row, entry: bytes.toString('base64') });
    writeFileSync(file, `${rows.join('\n')}\n`);
    const bad = await verifyExport(dir, { key: parseVerifierKey(keys.audit), logs: ['audit'] });
    expect(bad[0]).toMatchObject({ ok: false, firstBadIndex: 3, reason: 'leafHashMismatch' });
    rmSync(out, { recursive: true, force: true });
    const one = await call(app, as('auditor'), 'GET', '/api/ledger/export?log=vault');
    expect(one.statusCode).toBe(200);
    expect(one.rawPayload.includes(Buffer.from('mamori-ledger-export/audit/'))).toBe(false);
    expect((await call(app, as('staff'), 'GET', '/api/ledger/export')).statusCode).toBe(403);
  });

  it('refuses the page to staff without a ledger role and to anyone without a session', async () => {
    for (const url of [
      '/api/ledger/status',
      '/api/ledger/search',
      '/api/ledger/audit/kinds',
      '/api/ledger/audit/entries/0/proof',
    ]) {
      expect((await call(app, as('nobody'), 'GET', url)).statusCode, url).toBe(401);
      expect((await call(app, as('staff'), 'GET', url)).statusCode, url).toBe(403);
      expect((await call(app, as('ciso'), 'GET', url)).statusCode, url).toBe(200);
    }
  });
});
