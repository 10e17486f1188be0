import type { MamoriCommand } from './command.js';
import { writeFileSync } from 'node:fs';
import { cliActor } from './command.js';
import { loadConfig } from '../kernel/config/index.js';
import { ledgerKeyFileOf } from '../kernel/ledger/operations.js';
import type { UseCaseContext } from '../kernel/usecase/index.js';
import type * as policyModule from '../modules/policy/index.js';
import type { ComplianceService } from '../modules/policy/index.js';

/** `mamori compliance …`: the compliance picture for scripts, monitoring and the security office's terminal. */

type PolicyModule = typeof policyModule;

// The policy module and the server are loaded when a compliance command runs, not when the CLI starts.
const withCompliance = async <T>(
  run: (ctx: UseCaseContext, service: ComplianceService, policy: PolicyModule) => Promise<T>,
): Promise<T> => {
  const [policy, server] = await Promise.all([
    import('../modules/policy/index.js'),
    import('../server/index.js'),
  ]);
  const service = server.complianceService();
  const runtime = await server.openRuntime(loadConfig());
  try {
    return await run({ ...runtime.app, actor: cliActor }, service, policy);
  } finally {
    await runtime.close();
  }
};

const format = (value: string | undefined, out: string | undefined): 'pdf' | 'xlsx' => {
  const f = value ?? (out?.toLowerCase().endsWith('.xlsx') === true ? 'xlsx' : 'pdf');
  if (f !== 'pdf' && f !== 'xlsx') throw new Error(`--format must be pdf or xlsx, not ${f}`);
  return f;
};

export const statusCommand = (options: {
  json: boolean;
  clause?: string;
  failOnNotMet: boolean;
}): Promise<void> =>
  withCompliance(async (ctx, service, policy) => {
    const overview = await service.getStatus(ctx, {});
    const display = new Map(service.setup.pack.clauses.map((c) => [c.id, c.displayId]));
    const clauses = overview.clauses.filter((c) => options.clause === undefined || c.id === options.clause);
    if (options.json) {
      const lines = clauses.map((c) =>
        JSON.stringify({
          id: c.id,
          displayId: display.get(c.id) ?? c.id,
          status: c.status,
          reason: c.reason,
          evidenceCount: c.evidenceCount,
          ...(c.units.length > 0 ? { units: c.units.length } : {}),
        }),
      );
      process.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
    } else {
      process.stdout.write(
        `${overview.pack.title}（${overview.pack.name} ${overview.pack.version}）基準日 / as of ${overview.asOf}\n` +
          Object.entries(overview.counts)
            .map(
              ([k, n]) =>
                `  ${policy.statusNames[k as keyof typeof policy.statusNames].ja} / ${policy.statusNames[k as keyof typeof policy.statusNames].en}: ${String(n)}`,
            )
            .join('\n') +
          `\n  評価時間 / evaluated in ${String(overview.elapsedMs)} ms, 監査ログ / audit log ${String(overview.ledgerSize)} entries\n`,
      );
      for (const c of clauses.filter((x) => x.status !== 'notYetEvaluable' || options.clause !== undefined))
        process.stdout.write(
          `${(display.get(c.id) ?? c.id).padEnd(16)} ${policy.statusNames[c.status].ja.padEnd(5, '\u3000')} ${c.reason.ja}\n`,
        );
    }
    if (options.failOnNotMet && clauses.some((c) => c.status === 'notMet')) process.exitCode = 1;
  });

export const registerComplianceCommands = (program: MamoriCommand): void => {
  const compliance = program
    .command('compliance')
    .description('遵守状況（条項ごとの評価）/ compliance, clause by clause');
  compliance
    .command('status')
    .performs('compliance.read')
    .description('条項ごとの状況 / every provision with its status, reason and evidence count')
    .option('--json', '1行に1条項のJSON / one JSON object per line', false)
    .option('--clause <id>', '一つの条項のみ / one clause only (e.g. 3.2.6)')
    .option('--fail-on-not-met', '不適合があれば終了コード1 / exit 1 when any clause is not met', false)
    .action((options: { json: boolean; clause?: string; failOnNotMet: boolean }) => statusCommand(options));
  compliance
    .command('snapshot')
    .performs('compliance.manage')
    .description("本日のスナップショット（未取得の場合）/ take today's snapshot unless taken")
    .option('--force', '取得済みでも新たに取得 / take another one even if today has one', false)
    .action((options: { force: boolean }) =>
      withCompliance(async (ctx, service, policy) => {
        if (options.force) {
          const r = await service.takeSnapshot(ctx, {});
          process.stdout.write(`取得 / taken: ${r.id} (${r.takenOn}) digest ${r.digest}\n`);
          return;
        }
        const r = await policy.takeDailySnapshot(service.setup, ctx);
        process.stdout.write(
          r.taken
            ? `取得 / taken: ${r.id ?? ''} (${r.takenOn})\n`
            : `本日は取得済み / already taken today: ${r.id ?? ''} (${r.takenOn})\n`,
        );
      }),
    );
  compliance
    .command('report')
    .performs('compliance.read')
    .description(
      '遵守状況報告書（PDF・Excel、台帳チェックポイント付き）/ the compliance report, signed with the ledger checkpoint',
    )
    .requiredOption('--out <file>', '出力先 / output file')
    .option('--format <format>', 'pdf | xlsx (既定は拡張子 / default from the extension)')
    .action((options: { out: string; format?: string }) =>
      withCompliance(async (ctx, service, policy) => {
        const { checkpointSealer } = await import('../server/index.js');
        const seal = checkpointSealer(ledgerKeyFileOf(loadConfig()));
        const report = await policy.sealReport(await service.getReport(ctx, {}), ctx, seal);
        const f = format(options.format, options.out);
        writeFileSync(
          options.out,
          f === 'pdf'
            ? await policy.renderComplianceReportPdf(report)
            : await policy.renderComplianceReportXlsx(report),
        );
        process.stdout.write(`${options.out}: ${report.evaluation.asOf} ${report.digest}\n`);
      }),
    );
  const checklist = compliance
    .command('checklist')
    .performs('compliance.read')
    .description('MHLWチェックリスト（回答と確認日）/ the MHLW checklist with answers and 確認日')
    .option('--json', '1行に1項目のJSON / one JSON object per line', false)
    .option('--out <file>', "立入検査用に出力（PDF・Excel）/ write the inspector's checklist")
    .option('--format <format>', 'pdf | xlsx')
    .action((options: { json: boolean; out?: string; format?: string }) =>
      withCompliance(async (ctx, service, policy) => {
        const view = await service.getChecklist(ctx, {});
        if (options.out !== undefined) {
          const f = format(options.format, options.out);
          const o = { hospitalName: ctx.hospitalName, printedAt: ctx.clock.now() };
          writeFileSync(
            options.out,
            f === 'pdf'
              ? await policy.renderChecklistPdf(view, o)
              : await policy.renderChecklistXlsx(view, o),
          );
          process.stdout.write(`${options.out}: ${view.title} ${view.asOf}\n`);
          return;
        }
        for (const item of view.items)
          process.stdout.write(
            options.json
              ? `${JSON.stringify({ id: item.id, answer: item.answer, confirmedOn: item.confirmedOn, source: item.answerSource, clauses: item.clauses.map((c) => c.id), reason: item.reason })}\n`
              : `${item.id.padEnd(5)} ${policy.answerJa[item.answer].padEnd(3, '\u3000')} ${item.confirmedOn ?? '-'.padEnd(10)} ${item.text.ja}\n`,
          );
      }),
    );
  checklist
    .command('answer <itemId>')
    .performs('compliance.manage')
    .description('項目の回答を記録 / record the answer to an item no module evidences yet')
    .requiredOption('--answer <yes|no>', 'yes | no')
    .requiredOption('--note <text>', '確認の方法 / how it was confirmed')
    .option('--confirmed-on <date>', '確認日 YYYY-MM-DD')
    .option('--target-date <date>', '目標日 YYYY-MM-DD（いいえの場合）')
    .action(
      (
        itemId: string,
        options: { answer: string; note: string; confirmedOn?: string; targetDate?: string },
      ) =>
        withCompliance(async (ctx, service) => {
          const r = await service.recordChecklistAnswer(ctx, {
            itemId,
            answer: options.answer as 'yes' | 'no',
            note: options.note,
            ...(options.confirmedOn === undefined ? {} : { confirmedOn: options.confirmedOn }),
            ...(options.targetDate === undefined ? {} : { targetDate: options.targetDate }),
          });
          process.stdout.write(`記録 / recorded: ${r.itemId} ${r.answer} (${r.confirmedOn})\n`);
        }),
    );
  checklist
    .command('map <itemId>')
    .performs('compliance.manage')
    .description('項目と条項の対応を修正 / correct which clauses answer an item')
    .requiredOption('--clauses <ids>', '条項ID（カンマ区切り、空でも可）/ clause ids, comma separated')
    .requiredOption('--note <text>', '理由 / why')
    .action((itemId: string, options: { clauses: string; note: string }) =>
      withCompliance(async (ctx, service) => {
        const clauseIds = options.clauses
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
        const r = await service.correctChecklistMapping(ctx, { itemId, clauseIds, note: options.note });
        process.stdout.write(
          `修正 / corrected: ${r.itemId} → ${r.clauseIds.join(', ') || '(なし / none)'}\n`,
        );
      }),
    );
  compliance
    .command('exclude <clauseId>')
    .performs('compliance.manage')
    .description('条項を適用除外として記録 / record a clause as not applicable, with the reason')
    .requiredOption('--reason <text>', '理由 / reason (10 characters or more)')
    .option('--unit <code>', 'この部署についてのみ / for this unit only')
    .action((clauseId: string, options: { reason: string; unit?: string }) =>
      withCompliance(async (ctx, service) => {
        const r = await service.recordExclusion(ctx, {
          clauseId,
          reason: options.reason,
          unitCode: options.unit ?? null,
        });
        process.stdout.write(`記録 / recorded: ${r.id}\n`);
      }),
    );
};
