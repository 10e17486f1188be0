import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openSqlite } from '../kernel/db/index.js';
import { appendEntries } from '../kernel/ledger/append.js';
import { hashLeaf, verifyConsistency, verifyInclusion } from '../kernel/ledger/merkle.js';
import { openNote, parseCheckpoint, parseVerifierKey } from '../kernel/ledger/note.js';

const root = new URL('../..', import.meta.url).pathname;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `mamori` command (from source) against its own data directory. */
const mamori = (dataDir: string, ...args: string[]): Run => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, MAMORI_DATA_DIR: dataDir, MAMORI_DATABASE_URL: '', MAMORI_LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

const b64 = (s: string): Buffer => Buffer.from(s, 'base64');

describe('mamori ledger commands', () => {
  const base = mkdtempSync(join(tmpdir(), 'mamori-ledger-cli-'));
  const dataDir = join(base, 'data');
  let vkey = '';

  beforeAll(async () => {
    mkdirSync(dataDir);
    const db = openSqlite(join(dataDir, 'mamori.sqlite'));
    await migrateToLatest(db);
    await db.db.transaction().execute((tx) =>
      appendEntries(
        tx,
        db.dialect,
        { actor: 'system:test', time: '2026-04-01T01:00:00.000Z' },
        Array.from({ length: 40 }, (_, i) => ({ kind: 'test.entry', subject: `t:${i}`, payload: { i } })),
      ),
    );
    await db.close();
  });
  afterAll(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it('prints the latest checkpoint, signed on demand with a key made at first use, and the verifier key', () => {
    const checkpoint = mamori(dataDir, 'ledger', 'checkpoint');
    expect(checkpoint.status, checkpoint.stderr).toBe(0);
    expect(statSync(join(dataDir, 'ledger-ed25519.key')).mode & 0o777).toBe(0o600);
    const key = mamori(dataDir, 'ledger', 'public-key');
    vkey = key.stdout.trim();
    expect(vkey).toMatch(/^mamori\.[a-z0-9.-]+\/audit\+[0-9a-f]{8}\+[A-Za-z0-9+/]+=*$/);
    const body = parseCheckpoint(openNote(checkpoint.stdout, [parseVerifierKey(vkey)]).text);
    expect(body).toMatchObject({ origin: vkey.split('+')[0], size: 40 });
    expect(mamori(dataDir, 'ledger', 'checkpoint', '--no-issue').stdout).toBe(checkpoint.stdout);
    expect(mamori(dataDir, 'ledger', 'public-key', '--log', 'vault').stdout).toContain('/vault+');
  });

  it('prints entries with their exact bytes, and proofs that verify', () => {
    const entries = mamori(dataDir, 'ledger', 'entries', '--start', '0', '--end', '40');
    expect(entries.status, entries.stderr).toBe(0);
    const lines = entries.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { index: number; entry: string });
    expect(lines.map((l) => l.index)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(b64(lines[3]!.entry).toString('utf8')).toBe(
      '{"actor":"system:test","index":3,"kind":"test.entry","payload":{"i":3},"subject":"t:3","time":"2026-04-01T01:00:00.000Z"}',
    );
    const leaves = lines.map((l) => hashLeaf(b64(l.entry)));
    const inclusion = JSON.parse(
      mamori(dataDir, 'ledger', 'proof', 'inclusion', '--index', '7', '--size', '20').stdout,
    ) as { rootHash: string; proof: string[] };
    expect(verifyInclusion(7, 20, leaves[7]!, inclusion.proof.map(b64), b64(inclusion.rootHash))).toBe(true);
    const consistency = JSON.parse(
      mamori(dataDir, 'ledger', 'proof', 'consistency', '--from', '5', '--to', '20').stdout,
    ) as { fromRoot: string; toRoot: string; proof: string[] };
    expect(consistency.toRoot).toBe(inclusion.rootHash);
    expect(
      verifyConsistency(
        5,
        20,
        consistency.proof.map(b64),
        b64(consistency.fromRoot),
        b64(consistency.toRoot),
      ),
    ).toBe(true);
  });

  it('refuses bad input naming the field in both languages, with a non-zero exit', () => {
    const bad = mamori(dataDir, 'ledger', 'proof', 'inclusion', '--index', '30', '--size', '20');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('index: size より小さくしてください。 / Must be less than size.');
    const beyond = mamori(dataDir, 'ledger', 'entries', '--end', '99');
    expect(beyond.status).toBe(1);
    expect(beyond.stderr).toMatch(/end: .*start ≤ end ≤ 40/);
    const log = mamori(dataDir, 'ledger', 'checkpoint', '--log', 'nope');
    expect(log.status).toBe(1);
    expect(log.stderr).toContain(
      '--log: audit か vault を指定してください（nope）。 / Must be audit or vault (got nope).',
    );
  });

  it('exports, and the standalone verifier checks the export with plain node and only the public key', () => {
    const cosignerKey = join(base, 'auditor.key');
    const made = mamori(
      dataDir,
      'ledger',
      'cosigner-key',
      '--name',
      'audit.example/w1',
      '--out',
      cosignerKey,
    );
    expect(made.status, made.stderr).toBe(0);
    const cosignerVkey = made.stdout.trim().split('\n').at(-1) ?? '';
    const cosigned = mamori(dataDir, 'ledger', 'cosign', '--key', cosignerKey);
    expect(cosigned.status, cosigned.stderr).toBe(0);
    expect(cosigned.stdout).toContain('— audit.example/w1 ');

    const exportDir = join(base, 'export');
    const exported = mamori(dataDir, 'ledger', 'export', exportDir);
    expect(exported.status, exported.stderr).toBe(0);
    expect(readdirSync(exportDir).sort()).toEqual(['audit', 'manifest.json', 'vault']);

    // Build the verifier alone, outside the repository: no node_modules anywhere above it.
    const out = mkdtempSync(join(tmpdir(), 'mamori-verifier-'));
    const tsc = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/typescript/bin/tsc'),
        ...['--outDir', out, '--rootDir', join(root, 'src'), '--module', 'nodenext', '--moduleResolution'],
        ...['nodenext', '--target', 'es2022', '--strict', '--skipLibCheck', '--types', 'node'],
        join(root, 'src/verifier/main.ts'),
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(tsc.status, tsc.stdout).toBe(0);
    writeFileSync(join(out, 'package.json'), '{"type":"module"}');
    const verifier = (...args: string[]): Run => {
      const r = spawnSync(process.execPath, [join(out, 'verifier/main.js'), ...args], {
        cwd: out,
        encoding: 'utf8',
      });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const ok = verifier(exportDir, '--key', vkey, '--cosigner', cosignerVkey);
    expect(ok.status, ok.stderr).toBe(0);
    // 41: cosigning is itself an entry (ledger.cosigned), after the checkpoint it cosigned.
    expect(ok.stdout).toMatch(/^OK audit: .*41 entries and 1 checkpoints verified/m);
    expect(ok.stdout).toContain('not yet under a checkpoint: 1');
    expect(ok.stdout).toContain('audit.example/w1: 1 (latest 40)');

    // A byte changed in the exported file is found, with its index.
    const file = join(exportDir, 'audit', 'entries.jsonl');
    const rows = readFileSync(file, 'utf8').trim().split('\n');
    const row = JSON.parse(rows[17] ?? '') as { entry: string };
    const bytes = b64(row.entry);
    bytes[5] = (bytes[5] ?? 0) ^ 1;
    rows[17] = JSON.stringify({ ...row, entry: bytes.toString('base64') });
    writeFileSync(file, `${rows.join('\n')}\n`);
    const bad = verifier(exportDir, '--key', vkey, '--json', '--log', 'audit');
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      ok: false,
      firstBadIndex: 17,
      reason: 'leafHashMismatch',
    });
    const wrongKey = verifier(
      exportDir,
      '--key',
      'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
    );
    expect(wrongKey.status).toBe(1);
    expect(verifier(exportDir).status).toBe(2);
    rmSync(out, { recursive: true, force: true });
  });

  it('verifies every log (exit 0), then names the first bad index after tampering (exit 1, JSON)', async () => {
    const good = mamori(dataDir, 'ledger', 'verify', '--json');
    expect(good.status, good.stderr).toBe(0);
    const results = good.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { ok: boolean; log: string });
    expect(results.map((r) => [r.log, r.ok])).toEqual([
      ['audit', true],
      ['vault', true],
    ]);
    const db = openSqlite(join(dataDir, 'mamori.sqlite'));
    // The verification is on the ledger, naming the operating-system account and host the command ran from.
    const last = await db.db
      .selectFrom('ledger_entries')
      .select('entry')
      .where('log', '=', 'audit')
      .orderBy('idx', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(Buffer.from(last.entry).toString('utf8'))).toMatchObject({
      actor: `system:cli:${userInfo().username}@${hostname()}`,
    });
    const row = await db.db
      .selectFrom('ledger_entries')
      .select('entry')
      .where('log', '=', 'audit')
      .where('idx', '=', 13)
      .executeTakeFirstOrThrow();
    const bytes = Buffer.from(row.entry);
    bytes[20] = (bytes[20] ?? 0) ^ 1;
    await db.db
      .updateTable('ledger_entries')
      .set({ entry: bytes })
      .where('log', '=', 'audit')
      .where('idx', '=', 13)
      .execute();
    await db.close();
    const bad = mamori(dataDir, 'ledger', 'verify', '--log', 'audit', '--json');
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      ok: false,
      firstBadIndex: 13,
      reason: 'leafHashMismatch',
    });
    const text = mamori(dataDir, 'ledger', 'verify', '--log', 'audit');
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('NG audit: index 13 (leafHashMismatch)');
    expect(text.stdout).toContain('記録 13 の内容が書き換えられています');
  });
});
