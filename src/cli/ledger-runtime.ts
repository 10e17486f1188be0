// Only the kernel parts the ledger needs, by path: the kernel's index and the server's runtime load every module,
// PDF and spreadsheet library, and `mamori ledger verify` must stay small (under 200 MB on a log of 10 M entries).
import { cliActor } from './command.js';
import { loadConfig, type Config } from '../kernel/config/index.js';
import { migrateToLatest, openDatabase } from '../kernel/db/index.js';
import { validationError } from '../kernel/errors/index.js';
import { ledgerLogs, type LedgerLog } from '../kernel/ledger/index.js';
import { systemClock } from '../kernel/time/index.js';
import type { UseCaseContext } from '../kernel/usecase/index.js';

/**
 * Runs a ledger command as the operator on the server (a system actor), closing the database afterwards. The
 * context has no organisation directory or approval hooks: no ledger operation routes a request.
 */
export const withLedgerRuntime = async <T>(
  run: (ctx: UseCaseContext, runtime: { config: Config }) => Promise<T>,
): Promise<T> => {
  const config = loadConfig();
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database);
    const ctx: UseCaseContext = {
      database,
      clock: systemClock,
      timeZone: config.timeZone,
      hospitalName: { ja: config.hospitalNameJa, en: config.hospitalNameEn },
      actor: cliActor,
    };
    return await run(ctx, { config });
  } finally {
    await database.close();
  }
};

/** `--log`: one of the two logs, named in the error when it is neither. */
export const logOption = (value: string | undefined, allowAll = false): LedgerLog | 'all' => {
  if (value === undefined) return allowAll ? 'all' : 'audit';
  if ((ledgerLogs as readonly string[]).includes(value)) return value as LedgerLog;
  if (allowAll && value === 'all') return 'all';
  throw validationError([
    {
      field: '--log',
      message: {
        ja: `audit か vault${allowAll ? ' か all' : ''} を指定してください（${value}）。`,
        en: `Must be audit or vault${allowAll ? ' or all' : ''} (got ${value}).`,
      },
    },
  ]);
};
