import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness.js';
import { loadOrCreateDeploymentKey, logVerifierKey } from './keys.js';
import { parseVerifierKey } from './note.js';
import { verifyLedger } from './verify.js';

const src = new URL('../..', import.meta.url).pathname;
const iterations = Number(process.env['MAMORI_CRASH_ITERATIONS'] ?? 12);

/**
 * The child appends batches in a loop, each in its own transaction, and prints `ack <last index> <leaf hash>` only
 * after the commit returned; every few batches it signs a checkpoint. It is killed with SIGKILL at random.
 */
const childProgram = (keyFile: string): string => `
import { openPostgres, openSqlite } from '${src}kernel/db/index.ts';
import { appendEntries } from '${src}kernel/ledger/append.ts';
import { issueCheckpoint } from '${src}kernel/ledger/checkpoints.ts';
import { loadOrCreateDeploymentKey } from '${src}kernel/ledger/keys.ts';
const target = process.env.CRASH_TARGET;
const handle = target.startsWith('postgres') ? openPostgres(target, 2) : openSqlite(target);
const key = await loadOrCreateDeploymentKey(handle.db, ${JSON.stringify(keyFile)});
process.stdout.write('ready\\n');
for (let batch = 0; ; batch++) {
  const count = 1 + Math.floor(Math.random() * 12);
  const appended = await handle.db.transaction().execute((tx) =>
    appendEntries(tx, handle.dialect, { actor: 'system:crash', time: new Date().toISOString(), log: 'audit' },
      Array.from({ length: count }, (_, i) => ({ kind: 'test.crash', subject: 'crash:' + batch, payload: { batch, i, pad: 'x'.repeat(i * 7) } }))),
  );
  const last = appended.at(-1);
  process.stdout.write('ack ' + last.index + ' ' + last.leafHash.toString('hex') + '\\n');
  if (batch % 5 === 4) await issueCheckpoint(handle, key, 'audit', new Date());
}
`;

const runAndKill = (file: string, target: string): Promise<Map<number, string>> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      env: { ...process.env, CRASH_TARGET: target },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked = new Map<number, string>();
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready' && timer === undefined)
          timer = setTimeout(() => child.kill('SIGKILL'), 50 + Math.floor(Math.random() * 700));
        const [word, index, hash] = line.split(' ');
        if (word === 'ack' && index !== undefined && hash !== undefined) acked.set(Number(index), hash);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`child exited by itself (${String(code)}): ${stderr}`));
    });
  });

describeEachDialect('ledger crash safety', (db) => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mamori-crash-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged entry, and verifies, after each of many SIGKILLs', async () => {
    const { handle } = db();
    const keyFile = join(dir, 'ledger.key');
    const key = await loadOrCreateDeploymentKey(handle.db, keyFile);
    const program = join(dir, 'child.mts');
    writeFileSync(program, childProgram(keyFile));
    const base = process.env['MAMORI_TEST_POSTGRES_URL'];
    let target = handle.location;
    if (handle.dialect === 'postgres' && base) {
      const url = new URL(base);
      url.pathname = new URL(handle.location).pathname;
      target = url.toString();
    }
    const logKey = parseVerifierKey(logVerifierKey(key.name, key.publicKey, 'audit'));
    const everAcked = new Map<number, string>();
    let kills = 0;
    for (let i = 0; i < iterations; i++) {
      for (const [index, hash] of await runAndKill(program, target)) everAcked.set(index, hash);
      kills++;
      const rows = await handle.db
        .selectFrom('ledger_entries')
        .select(['idx', 'leaf_hash'])
        .where('log', '=', 'audit')
        .execute();
      const stored = new Map(rows.map((r) => [r.idx, Buffer.from(r.leaf_hash).toString('hex')]));
      for (const [index, hash] of everAcked)
        expect(stored.get(index), `entry ${index} after kill ${kills}`).toBe(hash);
      const result = await verifyLedger(handle, 'audit', { logKey });
      expect(result, `after kill ${kills}`).toMatchObject({ ok: true, firstBadIndex: null });
    }
    expect(kills).toBe(iterations);
    expect(everAcked.size).toBeGreaterThan(iterations);
  }, 300_000);
});
