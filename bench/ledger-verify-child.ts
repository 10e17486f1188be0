import { readFileSync } from 'node:fs';
import { openSqlite } from '../src/kernel/db/index.js';
import { verifyLedger } from '../src/kernel/ledger/verify.js';

/** Verifies the audit log of the SQLite file given, then prints its peak resident memory (VmHWM) and time. */
const file = process.argv[2] ?? '';
const handle = openSqlite(file);
const started = performance.now();
const result = await verifyLedger(handle, 'audit', { logKey: null });
const seconds = (performance.now() - started) / 1000;
await handle.close();
const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
process.stdout.write(
  `${JSON.stringify({ peakMiB: Math.round((kb / 1024) * 10) / 10, seconds, ok: result.ok })}\n`,
);
