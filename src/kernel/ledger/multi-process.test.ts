import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openPostgres, type DatabaseHandle } from '../db/index.js';
import { loadOrCreateDeploymentKey, logVerifierKey } from './keys.js';
import { parseVerifierKey } from './note.js';
import { verifyLedger } from './verify.js';

const postgresUrl = process.env['MAMORI_TEST_POSTGRES_URL'];
const src = new URL('../..', import.meta.url).pathname;

/** One Mamori process: appends batches as fast as it can and signs checkpoints as its interval job would. */
const childProgram = (keyFile: string): string => `
import { openPostgres } from '${src}kernel/db/index.ts';
import { appendEntries } from '${src}kernel/ledger/append.ts';
import { issueCheckpointsIfGrown } from '${src}kernel/ledger/checkpoints.ts';
import { loadOrCreateDeploymentKey } from '${src}kernel/ledger/keys.ts';
const handle = openPostgres(process.env.TARGET, 4);
const key = await loadOrCreateDeploymentKey(handle.db, ${JSON.stringify(keyFile)});
const name = process.env.NAME;
const lines = [];
for (let batch = 0; batch < 120; batch++) {
  const count = 1 + (batch % 7);
  const appended = await handle.db.transaction().execute((tx) =>
    appendEntries(tx, handle.dialect, { actor: 'system:' + name, time: new Date().toISOString(), log: 'audit' },
      Array.from({ length: count }, (_, i) => ({ kind: 'test.concurrent', subject: name + ':' + batch, payload: { i } }))),
  );
  for (const a of appended) lines.push(a.index + ' ' + a.leafHash.toString('hex'));
  if (batch % 10 === 9) await issueCheckpointsIfGrown(handle, key, ['audit'], new Date());
}
await handle.close();
process.stdout.write(lines.join('\\n') + '\\n');
`;

const run = (file: string, target: string, name: string): Promise<Map<number, string>> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      env: { ...process.env, TARGET: target, NAME: name },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      if (code !== 0) {
        reject(new Error(`${name} failed: ${err}`));
        return;
      }
      const acked = new Map<number, string>();
      for (const line of out.trim().split('\n')) {
        const [index, hash] = line.split(' ');
        acked.set(Number(index), hash ?? '');
      }
      resolve(acked);
    });
  });

describe.runIf(postgresUrl)('ledger with two Mamori processes on PostgreSQL', () => {
  const name = `mamori_mp_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let handle: DatabaseHandle;
  let target: string;
  let dir: string;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(postgresUrl ?? '');
    url.pathname = `/${name}`;
    target = url.toString();
    handle = openPostgres(target, 2);
    await migrateToLatest(handle);
    dir = mkdtempSync(join(tmpdir(), 'mamori-mp-'));
  });
  afterAll(async () => {
    await handle.close();
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appending at the same time gives one log: no gaps, no forks, every checkpoint consistent', async () => {
    const keyFile = join(dir, 'ledger.key');
    const key = await loadOrCreateDeploymentKey(handle.db, keyFile);
    const program = join(dir, 'child.mts');
    writeFileSync(program, childProgram(keyFile));
    const [a, b] = await Promise.all([run(program, target, 'a'), run(program, target, 'b')]);
    const total = a.size + b.size;
    expect(total).toBe(2 * Array.from({ length: 120 }, (_, i) => 1 + (i % 7)).reduce((x, y) => x + y, 0));
    // Each index was handed out once, to one process.
    for (const index of a.keys()) expect(b.has(index)).toBe(false);
    const rows = await handle.db
      .selectFrom('ledger_entries')
      .select(['idx', 'leaf_hash', 'actor'])
      .where('log', '=', 'audit')
      .orderBy('idx')
      .execute();
    expect(rows.map((r) => r.idx)).toEqual(Array.from({ length: total }, (_, i) => i));
    for (const r of rows) expect(Buffer.from(r.leaf_hash).toString('hex')).toBe(a.get(r.idx) ?? b.get(r.idx));
    // The two really ran at the same time: their entries interleave.
    const switches = rows.filter((r, i) => i > 0 && r.actor !== rows[i - 1]?.actor).length;
    expect(switches).toBeGreaterThan(2);
    const checkpoints = await handle.db
      .selectFrom('ledger_checkpoints')
      .select('size')
      .where('log', '=', 'audit')
      .execute();
    expect(checkpoints.length).toBeGreaterThan(2);
    const result = await verifyLedger(handle, 'audit', {
      logKey: parseVerifierKey(logVerifierKey(key.name, key.publicKey, 'audit')),
    });
    expect(result).toMatchObject({ ok: true, size: total, checkpoints: checkpoints.length });
  }, 120_000);
});
