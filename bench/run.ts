import { existsSync } from 'node:fs';
import { runAccessBench } from './access.bench.js';
import { runApprovalsBench } from './approvals.bench.js';
import type { Measurement } from './bench-kit.js';
import { runComplianceBench } from './compliance.bench.js';
import { runIdentityBench } from './identity.bench.js';
import { runLedgerBench } from './ledger.bench.js';
import { runStartupBench } from './startup.bench.js';

/** `npm run bench [-- name…]`: runs the named benchmarks (all by default), one JSON line per measurement. */
const benches: Record<string, () => Promise<Measurement[]>> = {
  startup: runStartupBench,
  access: runAccessBench,
  compliance: runComplianceBench,
  approvals: runApprovalsBench,
  ledger: runLedgerBench,
  identity: runIdentityBench,
};
/** Benchmarks that run the built server (the others import the sources). */
const needBuild = new Set(['startup', 'identity', 'compliance']);

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !(w in benches));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown benchmark: ${unknown.join(', ')} (known: ${Object.keys(benches).join(', ')})\n`,
  );
  process.exit(2);
}
const toRun = wanted.length > 0 ? wanted : Object.keys(benches);
if (
  toRun.some((b) => needBuild.has(b)) &&
  !existsSync(new URL('../dist/server/cli/main.js', import.meta.url))
) {
  process.stderr.write('run `npm run build` first: benchmarks measure the built server\n');
  process.exit(2);
}
let failed = 0;
for (const name of toRun) {
  const results = await (benches[name] ?? (() => Promise.resolve([])))();
  failed += results.filter((r) => !r.pass).length;
}
process.exitCode = failed > 0 ? 1 : 0;
