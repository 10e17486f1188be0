import type { MamoriCommand } from './command.js';
import { z } from 'zod';
import { parseOrThrow, validationError } from '../kernel/errors/index.js';
import { exportLedger } from '../kernel/ledger/export.js';
import {
  deploymentKeyLoader,
  getConsistencyProof,
  getInclusionProof,
  getLatestCheckpoint,
  getPublicKeys,
  issueCheckpointNow,
  ledgerKeyFileOf,
  listLedgerEntries,
  MAX_ENTRIES_PER_REQUEST,
} from '../kernel/ledger/operations.js';
import { ledgerLogs, ledgerSize, type LedgerLog } from '../kernel/ledger/index.js';
import { progressBar } from '../verifier/progress.js';
import { cosignCommand, cosignerKeyCommand } from './ledger-cosign.js';
import { logOption, withLedgerRuntime } from './ledger-runtime.js';
import { verifyCommand } from './ledger-verify.js';

const singleLog = (value: string | undefined): LedgerLog => logOption(value) as LedgerLog;

const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

/** `mamori ledger entries`: JSON lines {index, entry (base64 of the exact bytes)}, a page at a time. */
const entriesCommand = async (options: { start?: string; end?: string; log?: string }): Promise<void> => {
  const log = singleLog(options.log);
  const range = parseOrThrow(
    z.object({
      start: z.coerce.number().int().min(0).default(0),
      end: z.coerce.number().int().min(0).optional(),
    }),
    { start: options.start, end: options.end },
  );
  await withLedgerRuntime(async (ctx) => {
    const size = await ledgerSize(ctx.database.db, log);
    const end = range.end ?? size;
    if (end > size || end < range.start)
      throw validationError([
        {
          field: end > size ? 'end' : 'start',
          message: {
            ja: `0 ≤ start ≤ end ≤ ${size}（台帳 ${log} の記録数）にしてください。`,
            en: `Must satisfy 0 ≤ start ≤ end ≤ ${size} (the ${log} log's size).`,
          },
        },
      ]);
    for (let from = range.start; from < end; from += MAX_ENTRIES_PER_REQUEST) {
      const page = await listLedgerEntries(ctx, {
        log,
        start: from,
        end: Math.min(end, from + MAX_ENTRIES_PER_REQUEST),
      });
      process.stdout.write(page.map((e) => `${JSON.stringify(e)}\n`).join(''));
    }
  });
};

export const registerLedgerCommands = (program: MamoriCommand): void => {
  const ledger = program
    .command('ledger')
    .description('改ざん検知台帳（第7 1(4)イ・1(6)、第9 1(6)）/ the tamper-evident ledger');
  const logHelp = '台帳 / log: audit | vault (既定 / default audit)';

  ledger
    .command('checkpoint')
    .performs('ledger.checkpoint')
    .description(
      '最新の署名済みチェックポイント（増えていれば今署名）/ the latest signed checkpoint (signed now if the log grew)',
    )
    .option('--log <log>', logHelp)
    .option('--no-issue', '新たに署名しない / do not sign a new one')
    .action(async (options: { log?: string; issue: boolean }) => {
      const log = singleLog(options.log);
      await withLedgerRuntime(async (ctx, runtime) => {
        const checkpoint = options.issue
          ? (
              await issueCheckpointNow(
                ctx,
                { log },
                deploymentKeyLoader(ctx, ledgerKeyFileOf(runtime.config)),
              )
            ).checkpoint
          : await getLatestCheckpoint(ctx, { log });
        process.stdout.write(checkpoint.note);
      });
    });

  ledger
    .command('public-key')
    .performs('ledger.read')
    .description(
      '検証鍵（署名付きノート形式 名前+鍵ID+鍵）/ the verifier key (signed-note form name+keyid+key)',
    )
    .option('--log <log>', logHelp)
    .action(async (options: { log?: string }) => {
      const log = singleLog(options.log);
      await withLedgerRuntime(async (ctx, runtime) => {
        // The key is made at first start; if this is the first start, make it now.
        await deploymentKeyLoader(ctx, ledgerKeyFileOf(runtime.config))().catch(() => undefined);
        process.stdout.write(`${(await getPublicKeys(ctx, {}))[log]}\n`);
      });
    });

  ledger
    .command('entries')
    .performs('ledger.read')
    .description(
      '記録をJSON行で（番号と正確なバイト列のbase64）/ entries as JSON lines (index, exact bytes in base64)',
    )
    .option('--start <n>', '最初の番号 / first index (default 0)')
    .option('--end <n>', '終わりの番号（含まない）/ end index, exclusive (default: the log size)')
    .option('--log <log>', logHelp)
    .action(entriesCommand);

  const proof = ledger.command('proof').description('RFC 9162 の証明 / RFC 9162 proofs');
  proof
    .command('inclusion')
    .performs('ledger.read')
    .description('包含証明 / inclusion proof of an entry in the tree of a given size')
    .requiredOption('--index <i>', '記録の番号 / entry index')
    .requiredOption('--size <n>', '木の大きさ / tree size')
    .option('--log <log>', logHelp)
    .action(async (options: { index: string; size: string; log?: string }) => {
      const log = singleLog(options.log);
      await withLedgerRuntime(async (ctx) => {
        printJson(await getInclusionProof(ctx, { log, index: options.index, size: options.size }));
      });
    });
  proof
    .command('consistency')
    .performs('ledger.read')
    .description('一貫性証明 / consistency proof between two tree sizes')
    .requiredOption('--from <m>', '前の大きさ / first tree size')
    .requiredOption('--to <n>', '後の大きさ / second tree size')
    .option('--log <log>', logHelp)
    .action(async (options: { from: string; to: string; log?: string }) => {
      const log = singleLog(options.log);
      await withLedgerRuntime(async (ctx) => {
        printJson(await getConsistencyProof(ctx, { log, from: options.from, to: options.to }));
      });
    });

  ledger
    .command('verify')
    .performs('ledger.verify')
    .description(
      '全記録・内部ハッシュ・根・チェックポイントを再計算して検証 / recompute and check every entry, interior hash, root and checkpoint',
    )
    .option('--log <log>', '台帳 / log: audit | vault | all (既定 / default all)')
    .option('--json', 'JSON行で / JSON lines', false)
    .option('--key <vkey>', '検証鍵を指定 / check checkpoints with this verifier key')
    .action(verifyCommand);

  ledger
    .command('export <dir>')
    .performs('ledger.read')
    .description(
      '監査人向けに書き出す（標準の検証ツールで検証できる）/ export for an auditor (checked by the standalone verifier)',
    )
    .option('--log <log>', '台帳 / log: audit | vault | all (既定 / default all)')
    .action(async (dir: string, options: { log?: string }) => {
      const choice = logOption(options.log, true);
      const logs = choice === 'all' ? ledgerLogs : [choice];
      await withLedgerRuntime(async (ctx) => {
        const bar = progressBar();
        const summary = await exportLedger(ctx.database, dir, logs, ctx.clock.now(), (l, done, total) =>
          bar.update(l, done, total),
        );
        bar.end();
        for (const [log, s] of Object.entries(summary.logs))
          process.stdout.write(
            `書き出しました / exported ${log}: ${s.size} entries, ${s.checkpoints} checkpoints → ${dir}\n`,
          );
      });
    });

  ledger
    .command('cosigner-key')
    .performs('local')
    .description(
      '監査人の副署鍵を作る（秘密鍵は0600のファイルへ）/ make an auditor cosigner key (secret to a 0600 file)',
    )
    .requiredOption('--name <name>', '副署者名（例 audit.hospital.example/w1）/ cosigner name')
    .requiredOption('--out <file>', '秘密鍵の書き出し先 / where to write the secret key')
    .action(cosignerKeyCommand);

  ledger
    .command('cosign')
    .performs('ledger.cosign')
    .description(
      '最新チェックポイントを、前回副署分との一貫性を確かめてから副署 / cosign the latest checkpoint after proving it consistent with the last one cosigned',
    )
    .requiredOption('--key <file>', '副署鍵のファイル / the cosigner key file')
    .option('--log <log>', logHelp)
    .option('--log-key <vkey>', '台帳の検証鍵（初回に固定）/ the log verifier key (pinned on first use)')
    .option(
      '--state <file>',
      '前回副署したチェックポイントの保管先 / where the last cosigned checkpoint is kept',
    )
    .action(cosignCommand);
};
