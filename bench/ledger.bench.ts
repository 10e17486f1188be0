import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { sql } from 'kysely';
import {
  migrateToLatest,
  openSqlite,
  type DatabaseHandle,
  type LedgerEntryTable,
} from '../src/kernel/db/index.js';
import { appendEntries, type LedgerDraft } from '../src/kernel/ledger/append.js';
import { searchEntries, type EntrySearch } from '../src/kernel/ledger/search.js';
import { inclusionProof } from '../src/kernel/ledger/tree-store.js';
import { defaultBlockPlan } from '../src/kernel/ledger/verify-blocks.js';
import type { verifyLedger } from '../src/kernel/ledger/verify.js';
import { median, report, type Measurement } from './bench-kit.js';

const root = new URL('..', import.meta.url).pathname;
const actor = 'account:9b2d7c1e-5a4f-4e3b-8c2d-1f0e9d8c7b6a';
const subject = 'staff:7e6d5c4b-3a2f-4e1d-9c8b-7a6f5e4d3c2b';
const kind = 'org.staff.updated';
/** A typical audit entry: a field of a staff record changed, with Japanese text (≈ 370 bytes of canonical JSON). */
const payload = (i: number) => ({
  unitId: '3f1c2a9e-8d7b-4c1a-9e2f-0a1b2c3d4e5f',
  field: 'phone',
  before: '048-287-2525',
  after: `048-287-${String(1000 + (i % 9000))}`,
  note: '内線番号の変更（第3 2(6) 緊急連絡網）',
});
const drafts = (from: number, count: number): LedgerDraft[] =>
  Array.from({ length: count }, (_, j) => ({ kind, subject, payload: payload(from + j) }));

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Runs a command to its end, sampling its peak resident memory (VmHWM) from /proc. */
const peakRss = (
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ peakMiB: number; seconds: number; stdout: string }> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${String(child.pid)}/status`, 'utf8');
        peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // exited between samples
      }
    }, 20);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0 && code !== 1)
        reject(new Error(`${args.join(' ')} failed (${String(code)}): ${stderr}`));
      else
        resolve({
          peakMiB: Math.round((peakKb / 1024) * 10) / 10,
          seconds: (performance.now() - started) / 1000,
          stdout,
        });
    });
  });

/** Builds Mamori into a scratch folder (with the project's node_modules), as `npm run build` does. */
const buildScratch = (dir: string): string => {
  const build = join(dir, 'build');
  const tsc = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/typescript/bin/tsc'),
      '-p',
      join(root, 'tsconfig.build.json'),
      '--outDir',
      join(build, 'dist'),
    ],
    { cwd: root, encoding: 'utf8' },
  );
  if (tsc.status !== 0) throw new Error(`build failed: ${tsc.stdout}`);
  symlinkSync(join(root, 'node_modules'), join(build, 'node_modules'));
  copyFileSync(join(root, 'package.json'), join(build, 'package.json'));
  return build;
};

/** The baseline: the same rows (same columns, indexes and batching) inserted plainly, with no hashing and no tree. */
const createPlainTable = async (handle: DatabaseHandle): Promise<void> => {
  await sql`create table bench_plain_entries (log text not null, idx integer not null, entry blob not null,
    leaf_hash blob not null, kind text not null, actor text not null, subject text not null,
    created_at text not null, primary key (log, idx))`.execute(handle.db);
  // The same indexes as ledger_entries (migration 010: the ledger page's search).
  await sql`create index bench_plain_time on bench_plain_entries (log, created_at, idx)`.execute(handle.db);
  await sql`create index bench_plain_kind on bench_plain_entries (log, kind, created_at, idx)`.execute(
    handle.db,
  );
  await sql`create index bench_plain_actor on bench_plain_entries (log, actor, created_at, idx)`.execute(
    handle.db,
  );
  await sql`create index bench_plain_subject on bench_plain_entries (log, subject, created_at, idx)`.execute(
    handle.db,
  );
};

const noHash = Buffer.alloc(32);

const plainBatch = async (handle: DatabaseHandle, from: number, count: number): Promise<void> => {
  const time = new Date().toISOString();
  await handle.db.transaction().execute(async (tx) => {
    const rows = Array.from({ length: count }, (_, j) => ({
      log: 'audit',
      idx: from + j,
      entry: Buffer.from(
        JSON.stringify({ index: from + j, time, kind, actor, subject, payload: payload(from + j) }),
      ),
      leaf_hash: noHash,
      kind,
      actor,
      subject,
      created_at: time,
    }));
    for (let i = 0; i < rows.length; i += 500)
      await tx
        .withTables<{ bench_plain_entries: LedgerEntryTable }>()
        .insertInto('bench_plain_entries')
        .values(rows.slice(i, i + 500))
        .execute();
  });
};

/** The large log's entries: small, of 8 kinds, about 1,500 records, by 20 actors (one per batch). */
const kinds = [
  'org.staff.updated',
  'identity.signedIn',
  'identity.signedOut',
  'approvals.request.submitted',
  'approvals.step.decided',
  'org.role.assigned',
  'identity.passwordChanged',
  'ledger.verified',
];
const smallDrafts = (from: number, count: number): LedgerDraft[] =>
  Array.from({ length: count }, (_, j) => ({
    kind: kinds[(from + j) % kinds.length] ?? kind,
    subject: `staff:${String((from + j) % 1499)}`,
    payload: {},
  }));
const actorOf = (from: number): string => `account:bench-${String(Math.floor(from / 20_000) % 20)}`;

const appendBatch = (handle: DatabaseHandle, from: number, count: number, small = false) =>
  handle.db
    .transaction()
    .execute((tx) =>
      appendEntries(
        tx,
        handle.dialect,
        { actor: small ? actorOf(from) : actor, time: new Date().toISOString() },
        small ? smallDrafts(from, count) : drafts(from, count),
      ),
    );

const time = async (run: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
};

/** The ledger page's query over the large log: a page of 50 for each kind of filter, median of 50 calls each. */
const searchLatencies = async (big: DatabaseHandle, total: number): Promise<[string, number][]> => {
  const timeOf = async (idx: number): Promise<string> =>
    (
      await big.db
        .selectFrom('ledger_entries')
        .select('created_at')
        .where('log', '=', 'audit')
        .where('idx', '=', idx)
        .executeTakeFirstOrThrow()
    ).created_at;
  // A range of about a twentieth of the log, in its middle.
  const from = await timeOf(Math.floor(total / 2));
  const end = await timeOf(Math.min(total - 1, Math.floor(total / 2) + Math.ceil(total / 20)));
  const to = end > from ? end : new Date(Date.parse(from) + 1).toISOString();
  const cases: [string, Omit<EntrySearch, 'log' | 'limit'>][] = [
    ['newest', {}],
    ['byActor', { actor: actorOf(0) }],
    ['byKind', { kind: kinds[3] ?? kind }],
    ['bySubject', { subject: 'staff:777' }],
    ['timeRangeInTheMiddle', { from, to }],
    ['subjectAndTimeRange', { subject: 'staff:777', from, to }],
    ['pageAfterTheMiddleEntry', { before: Math.floor(total / 2) }],
    ['actorKindAndTimeRange', { actor: actorOf(Math.floor(total / 2)), kind: kinds[5] ?? kind, from }],
  ];
  const out: [string, number][] = [];
  for (const [what, filter] of cases) {
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const started = performance.now();
      const page = await searchEntries(big, { log: 'audit', limit: 50, ...filter });
      times.push(performance.now() - started);
      if (page === null || page.entries.length === 0) throw new Error(`the search ${what} found nothing`);
    }
    out.push([what, Math.round(median(times) * 1000) / 1000]);
  }
  return out;
};

/**
 * `npm run bench -- ledger` (SQLite, WAL, synchronous=FULL: every batch commit is durable):
 * - append: batches of 1,000 entries through appendEntries, against the same rows inserted plainly into a table
 *   like ledger_entries, alternating rounds in the same database, medians compared;
 * - verify: the log grown to 1,000,000 entries (MAMORI_BENCH_LEDGER_VERIFY_ENTRIES) recomputed and checked by the
 *   built modules (the fast path's worker threads as shipped), against `sha256sum` over a file of the same bytes;
 * - a log of 10 million entries (MAMORI_BENCH_LEDGER_ENTRIES): one inclusion proof's latency, a page of the ledger
 *   page's search for each kind of filter, and the peak memory of `mamori ledger verify` over it (the command
 *   built into a scratch folder, run with plain node).
 */
export const runLedgerBench = async (): Promise<Measurement[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'mamori-bench-ledger-'));
  const results: Measurement[] = [];
  const load = `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on 2 cores`;
  try {
    const handle = openSqlite(join(dir, 'append.sqlite'));
    await migrateToLatest(handle);
    await createPlainTable(handle);
    const batch = 1000;
    const perRound = Number(process.env['MAMORI_BENCH_LEDGER_ROUND'] ?? 20_000);
    const plainRates: number[] = [];
    const appendRates: number[] = [];
    let plainNext = 0;
    let appendNext = 0;
    for (let round = 0; round < 5; round++) {
      const plain = await time(async () => {
        for (let i = 0; i < perRound; i += batch)
          await plainBatch(handle, (plainNext += batch) - batch, batch);
      });
      const append = await time(async () => {
        for (let i = 0; i < perRound; i += batch)
          await appendBatch(handle, (appendNext += batch) - batch, batch);
      });
      plainRates.push(perRound / plain);
      appendRates.push(perRound / append);
    }
    const appendRate = Math.round(median(appendRates));
    const plainRate = Math.round(median(plainRates));
    results.push(
      report({
        name: 'ledger.appendDurableBatched',
        value: appendRate,
        unit: 'entries/s',
        baseline: plainRate,
        baselineName: `plain inserts of the same rows, no hashing (rows/s; median of 5 alternating rounds, ${load})`,
        target: '≥ 50% of plain inserts',
        pass: appendRate >= 0.5 * plainRate,
      }),
      report({
        name: 'ledger.appendDurableBatchedAbsolute',
        value: appendRate,
        unit: 'entries/s',
        baseline: null,
        baselineName: null,
        target: '≥ 50,000 entries/s on SQLite, 2 cores',
        pass: appendRate >= 50_000,
      }),
    );

    // Verification against sha256sum over the same bytes, on the log grown to a size that makes the threads'
    // start (≈ 0.1 s) small beside the work, as a hospital's log of a year is.
    const verifyTotal = Number(process.env['MAMORI_BENCH_LEDGER_VERIFY_ENTRIES'] ?? 1_000_000);
    for (; appendNext < verifyTotal; appendNext += batch)
      await appendBatch(handle, appendNext, Math.min(batch, verifyTotal - appendNext));
    const bytesFile = join(dir, 'entries.bin');
    const fd = openSync(bytesFile, 'w');
    let bytes = 0;
    for (let next = 0; ; next += 10_000) {
      const rows = await handle.db
        .selectFrom('ledger_entries')
        .select('entry')
        .where('log', '=', 'audit')
        .where('idx', '>=', next)
        .where('idx', '<', next + 10_000)
        .execute();
      if (rows.length === 0) break;
      for (const r of rows) bytes += writeSync(fd, r.entry);
    }
    closeSync(fd);
    const shaSeconds = median(
      [0, 1, 2].map(() => {
        const started = performance.now();
        const r = spawnSync('sha256sum', [bytesFile], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`sha256sum failed: ${r.stderr}`);
        return (performance.now() - started) / 1000;
      }),
    );
    // The built modules, as the server and the CLI run them (plain JavaScript in the worker threads too).
    const build = buildScratch(dir);
    const built = (await import(pathToFileURL(join(build, 'dist/kernel/ledger/verify.js')).href)) as {
      verifyLedger: typeof verifyLedger;
    };
    const verifyWith = async (blocks: Parameters<typeof verifyLedger>[2]['blocks']): Promise<number> =>
      time(async () => {
        const result = await built.verifyLedger(handle, 'audit', { logKey: null, blocks });
        if (!result.ok || result.verified !== appendNext)
          throw new Error(`the bench log does not verify: ${result.reason ?? result.verified}`);
      });
    const verifySeconds = median([
      await verifyWith(undefined),
      await verifyWith(undefined),
      await verifyWith(undefined),
    ]);
    const exactSeconds = await verifyWith(false);
    const mb = bytes / 1e6;
    results.push(
      report({
        name: 'ledger.verifyThroughput',
        value: round2(mb / verifySeconds),
        unit: 'MB/s',
        baseline: round2(mb / shaSeconds),
        baselineName: `sha256sum over the same ${round2(mb)} MB of entry bytes (${appendNext.toLocaleString('en')} entries; verification in ${round2(verifySeconds)} s, median of 3, ${defaultBlockPlan().threads} worker threads; the exact path alone: ${round2(mb / exactSeconds)} MB/s)`,
        target: '≥ 60% of sha256sum',
        pass: mb / verifySeconds >= 0.6 * (mb / shaSeconds),
      }),
    );
    await handle.close();

    // A log of 10 million entries.
    const total = Number(process.env['MAMORI_BENCH_LEDGER_ENTRIES'] ?? 10_000_000);
    const big = openSqlite(join(dir, 'big.sqlite'));
    await migrateToLatest(big);
    const buildSeconds = await time(async () => {
      for (let i = 0; i < total; i += 20_000) await appendBatch(big, i, Math.min(20_000, total - i), true);
    });
    const latencies: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const index = Math.floor(Math.random() * total);
      const started = performance.now();
      await inclusionProof(big.db, 'audit', index, total);
      latencies.push(performance.now() - started);
    }
    const searches = await searchLatencies(big, total);
    await big.close();
    const proofMs = Math.round(median(latencies) * 1000) / 1000;
    results.push(
      report({
        name: 'ledger.inclusionProof',
        value: proofMs,
        unit: 'ms',
        baseline: null,
        baselineName: `median of 2,000 random entries in a log of ${total.toLocaleString('en')} (built in ${Math.round(buildSeconds)} s)`,
        target: '< 1 ms',
        pass: proofMs < 1,
      }),
    );
    for (const [what, ms] of searches)
      results.push(
        report({
          name: `ledger.searchPage.${what}`,
          value: ms,
          unit: 'ms',
          baseline: null,
          baselineName: `median of 50 pages of 50 entries (the ledger page's query) in a log of ${total.toLocaleString('en')}`,
          target: '< 10 ms a page (ours; the issue sets none)',
          pass: ms < 10,
        }),
      );
    // Verification's memory, measured on the real command (built above) run with plain node.
    mkdirSync(join(dir, 'data'));
    renameSync(join(dir, 'big.sqlite'), join(dir, 'data', 'mamori.sqlite'));
    const measured = await peakRss(
      process.execPath,
      [join(build, 'dist', 'cli', 'main.js'), 'ledger', 'verify', '--log', 'audit', '--json'],
      {
        ...process.env,
        MAMORI_DATA_DIR: join(dir, 'data'),
        MAMORI_DATABASE_URL: '',
        MAMORI_LOG_LEVEL: 'silent',
      },
    );
    const verified = JSON.parse(measured.stdout) as { ok: boolean };
    results.push(
      report({
        name: 'ledger.verifyPeakMemory',
        value: measured.peakMiB,
        unit: 'MiB',
        baseline: null,
        baselineName: `peak RSS of \`mamori ledger verify\` (built, plain node) over ${total.toLocaleString('en')} entries: ${Math.round(measured.seconds)} s, ${Math.round(total / measured.seconds)} entries/s, ok: ${String(verified.ok)}`,
        target: '< 200 MB',
        pass: verified.ok && measured.peakMiB * 1.048576 < 200,
      }),
    );
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
