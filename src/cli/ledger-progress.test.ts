import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openSqlite } from '../kernel/db/index.js';
import { appendEntries } from '../kernel/ledger/append.js';

const root = new URL('../..', import.meta.url).pathname;
const entries = 5_000;

/**
 * `mamori ledger verify` draws a progress bar on a terminal and nothing else there otherwise (第7 1(6): a long
 * verification shows it is working). The terminal is real: util-linux `script` runs the command on a pseudo-tty.
 */
describe('mamori ledger verify progress bar', () => {
  const base = mkdtempSync(join(tmpdir(), 'mamori-ledger-progress-'));
  const dataDir = join(base, 'data');
  const env = {
    ...process.env,
    MAMORI_DATA_DIR: dataDir,
    MAMORI_DATABASE_URL: '',
    MAMORI_LOG_LEVEL: 'silent',
  };
  const command = ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'ledger', 'verify', '--log', 'audit'];

  beforeAll(async () => {
    mkdirSync(dataDir);
    const db = openSqlite(join(dataDir, 'mamori.sqlite'));
    await migrateToLatest(db);
    await db.db.transaction().execute((tx) =>
      appendEntries(
        tx,
        db.dialect,
        { actor: 'system:test', time: '2026-04-01T01:00:00.000Z' },
        Array.from({ length: entries }, (_, i) => ({
          kind: 'test.entry',
          subject: `t:${i}`,
          payload: { i },
        })),
      ),
    );
    await db.close();
  });
  afterAll(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it('draws the bar on a terminal, redrawn in place up to 100%, then the result', () => {
    const quoted = [process.execPath, ...command].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const r = spawnSync('script', ['-qec', quoted, '/dev/null'], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/\raudit \[#{30}\] 100\.0% 5,000\/5,000/);
    expect(out).toContain('OK audit:');
    // The bar ends its line before the result is printed.
    expect(out.indexOf('5,000/5,000')).toBeLessThan(out.indexOf('OK audit:'));
  });

  it('prints no bar when the output is not a terminal (a pipe, a log file)', () => {
    const r = spawnSync(process.execPath, command, { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('[#');
    expect(r.stdout).not.toContain('\r');
    expect(r.stdout).toContain('OK audit:');
  });
});
