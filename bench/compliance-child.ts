import { readFileSync } from 'node:fs';
import { fixedClock, loadPolicyPack, openSqlite, systemActor } from '../src/kernel/index.js';
import {
  builtinEvaluators,
  createComplianceService,
  createComplianceSetup,
  evaluateCompliance,
  loadChecklistPack,
} from '../src/modules/policy/index.js';
import { assetEvaluators } from '../src/modules/assets/index.js';
import { facilitiesEvaluators } from '../src/modules/facilities/index.js';

/**
 * The measured process of `npm run bench -- compliance`: it opens the generated database, loads the packs and
 * evaluates every clause, as the server does for the status page and the report. Its own peak resident memory
 * (VmHWM) is the memory figure; nothing else runs in it. Prints one JSON object.
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
const others = [...assetEvaluators, ...facilitiesEvaluators];
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
