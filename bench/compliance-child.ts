import { readFileSync } from 'node:fs';

import type * as Assets from '../src/modules/assets/index.js';
import type * as Facilities from '../src/modules/facilities/index.js';
import type * as Identity from '../src/modules/identity/index.js';
import type * as Kernel from '../src/kernel/index.js';
import type * as Policy from '../src/modules/policy/index.js';

// The built modules (dist/server), as `mamori serve` runs them, in a process of plain node (compliance.bench.ts
// transpiles this file): the TypeScript loader would add its own memory (≈ 70 MB) to the figure. Types come from
// the sources the modules were built from.
const distRoot = process.env['MAMORI_BENCH_DIST'] ?? new URL('../dist/server/', import.meta.url).href;
const built = async <T>(path: string): Promise<T> => (await import(new URL(path, distRoot).href)) as T;
const { fixedClock, loadPolicyPack, openSqlite, systemActor } = await built<typeof Kernel>('kernel/index.js');
const {
  builtinEvaluators,
  createComplianceService,
  createComplianceSetup,
  evaluateCompliance,
  loadChecklistPack,
} = await built<typeof Policy>('modules/policy/index.js');
const { assetEvaluators } = await built<typeof Assets>('modules/assets/index.js');
const { facilitiesEvaluators } = await built<typeof Facilities>('modules/facilities/index.js');
const { passwordPolicyEvaluator } = await built<typeof Identity>('modules/identity/index.js');

/**
 * The measured process of `npm run bench -- compliance`: it opens the generated database, loads the packs and
 * evaluates every clause with the built modules, as the server does for the status page and the report. Its own peak
 * resident memory (VmHWM) is the memory figure; nothing else runs in it. Prints one JSON object.
 */
const file = process.argv[2];
const runs = Number(process.argv[3] ?? '7');
if (file === undefined) throw new Error('usage: compliance-child.ts <sqlite file> [runs]');

const vmHwmMb = (): number => {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return Math.round(Number(line?.[1] ?? '0') / 102.4) / 10;
};

const baseline = vmHwmMb();
const pack = loadPolicyPack();
// The same evaluators as the server's (src/server/runtime.ts, complianceService).
const others = [...assetEvaluators, ...facilitiesEvaluators, passwordPolicyEvaluator];
const setup = createComplianceSetup({
  pack,
  evaluators: [...builtinEvaluators(pack, others), ...others],
  modules: ['org', 'identity', 'access', 'ledger', 'approvals', 'policy', 'assets', 'facilities'],
  checklist: loadChecklistPack(pack),
});
const service = createComplianceService(setup);
const database = openSqlite(file);
const context = {
  database,
  clock: fixedClock('2026-04-01T01:00:00.000Z'),
  timeZone: 'Asia/Tokyo',
  hospitalName: { ja: 'ベンチ病院', en: 'Bench Hospital' },
};

// Baseline in the same process: one pass over the log the evaluation never reads (count of the vault's rows).
const scanStart = performance.now();
const scanned = await database.db
  .selectFrom('ledger_entries')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .where('log', '=', 'vault')
  .executeTakeFirstOrThrow();
const scanMs = performance.now() - scanStart;

const times: number[] = [];
let last = await evaluateCompliance(setup, context);
times.push(last.elapsedMs);
for (let i = 1; i < runs; i++) {
  last = await evaluateCompliance(setup, context);
  times.push(last.elapsedMs);
}
// The same through the use case the status page calls (authorization and presentation included).
const viaUseCaseStart = performance.now();
const overview = await service.getStatus({ ...context, actor: systemActor('bench') }, {});
const viaUseCaseMs = performance.now() - viaUseCaseStart;
await database.close();

process.stdout.write(
  `${JSON.stringify({
    clauses: last.clauses.length,
    counts: last.counts,
    units: last.units.length,
    evidence: last.clauses.reduce((n, c) => n + c.evidenceCount, 0),
    firstMs: times[0],
    times,
    viaUseCaseMs: Math.round(viaUseCaseMs * 10) / 10,
    statusClauses: overview.clauses.length,
    scanMs: Math.round(scanMs * 10) / 10,
    scannedRows: scanned.n,
    peakRssMb: vmHwmMb(),
    startRssMb: baseline,
  })}\n`,
);
