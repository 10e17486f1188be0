import { ledgerLogs } from '../kernel/ledger/index.js';
import { ledgerKeyFileOf, verifyLog, type VerificationRun } from '../kernel/ledger/operations.js';
import { progressBar } from '../verifier/progress.js';
import { logOption, withLedgerRuntime } from './ledger-runtime.js';

const describe = (r: VerificationRun): string => {
  if (r.ok)
    return (
      `OK ${r.log}: 記録 ${r.size} 件・チェックポイント ${r.checkpoints} 件・副署 ${r.cosignatures} 件を再計算して検証しました / ` +
      `${r.size} entries, ${r.checkpoints} checkpoints and ${r.cosignatures} cosignatures recomputed and verified\n` +
      `   root ${r.rootHash ?? ''} (鍵 / key: ${r.keySource})`
    );
  const where =
    r.firstBadIndex !== null ? `index ${r.firstBadIndex}` : `checkpoint ${r.checkpointSize ?? '?'}`;
  return `NG ${r.log}: ${where} (${r.reason ?? ''})\n   ${r.message?.ja ?? ''}\n   ${r.message?.en ?? ''}`;
};

/**
 * `mamori ledger verify`: recomputes each log and checks everything stored. Exit 0 when all holds; otherwise 1
 * with `{"ok":false,"firstBadIndex":…,"reason":…}` (with --json). A progress bar on a terminal (stderr).
 */
export const verifyCommand = async (options: {
  log?: string;
  json: boolean;
  key?: string;
}): Promise<void> => {
  const choice = logOption(options.log, true);
  const logs = choice === 'all' ? ledgerLogs : [choice];
  await withLedgerRuntime(async (ctx, runtime) => {
    let failed = false;
    for (const log of logs) {
      const bar = progressBar();
      const run = await verifyLog(
        ctx,
        { log },
        {
          keyFile: ledgerKeyFileOf(runtime.config),
          ...(options.key === undefined ? {} : { verifierKey: options.key }),
          onProgress: (done, total) => bar.update(log, done, total),
        },
      );
      bar.end();
      failed ||= !run.ok;
      process.stdout.write(`${options.json ? JSON.stringify(run) : describe(run)}\n`);
    }
    if (failed) process.exitCode = 1;
  });
};
