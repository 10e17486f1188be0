import { loadConfig, systemActor, validationError, type UseCaseContext } from '../kernel/index.js';
import { ledgerLogs, type LedgerLog } from '../kernel/ledger/index.js';
import { openRuntime, type Runtime } from '../server/index.js';

/** Runs a ledger command as the operator on the server (a system actor), closing the database afterwards. */
export const withLedgerRuntime = async <T>(
  run: (ctx: UseCaseContext, runtime: Runtime) => Promise<T>,
): Promise<T> => {
  const runtime = await openRuntime(loadConfig());
  try {
    return await run({ ...runtime.app, actor: systemActor('cli') }, runtime);
  } finally {
    await runtime.close();
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
