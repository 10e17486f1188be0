import { loadConfig } from '../kernel/config/index.js';
import { migrateToLatest, migrationLevel, openDatabase } from '../kernel/db/index.js';
import { authorizeCommand, cliActor, MamoriCommand } from './command.js';
import { registerLedgerCommands } from './ledger.js';
import { registerComplianceCommands } from './compliance.js';
import { registerPolicyCommands } from './policy.js';

/**
 * The `mamori` program: every command declares the action it performs (`.performs`, typed; `main.ts` refuses to
 * start when one does not) and is authorized for it before it runs. A command loads the modules it runs only
 * when it runs (`await import`): the whole server is 150 MB resident, and `mamori ledger verify` must stay small.
 */
export const buildProgram = (): MamoriCommand => {
  const program = new MamoriCommand()
    .name('mamori')
    .description(
      '守り Mamori: 情報セキュリティ対策基準を日々の業務に / the hospital security standard as daily work',
    )
    .showHelpAfterError();

  program
    .command('serve')
    .performs('system.operate')
    .description('サーバーを起動 / start the server (migrates the database first)')
    .option(
      '--demo',
      'デモ病院を投入（空のときのみ）/ seed the demo hospital if the database is empty',
      false,
    )
    .option('--port <port>', 'ポート / port (default MAMORI_PORT or 8080)')
    .option('--host <host>', '待ち受けアドレス / address to listen on (default MAMORI_HOST or 127.0.0.1)')
    .action(async (options: { demo: boolean; port?: string; host?: string }) => {
      const { serve } = await import('./serve.js');
      await serve(options);
    });

  const db = program.command('db').description('データベース / database');
  db.command('migrate')
    .performs('system.operate')
    .description('最新のスキーマへ移行 / migrate to the latest schema')
    .action(async () => {
      const config = loadConfig();
      const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const applied = await migrateToLatest(database);
        const level = await migrationLevel(database);
        process.stdout.write(
          `${applied.length > 0 ? `適用 / applied: ${applied.join(', ')}` : '変更なし / already at the latest level'}\n` +
            `現在のレベル / level (${database.dialect}): ${level.current ?? '-'}\n`,
        );
      } finally {
        await database.close();
      }
    });

  const demo = program.command('demo').description('デモ病院 / demo hospital');
  demo
    .command('seed')
    .performs('system.operate')
    .description(
      '合成データのデモ病院を投入し、各役割の仮パスワードを表示 / seed the synthetic demo hospital and print persona passwords',
    )
    .option('--seed <n>', '乱数の種 / random seed', '1')
    .action(async (options: { seed: string }) => {
      const { seedDemoHospital } = await import('../modules/demo/index.js');
      const { openRuntime } = await import('../server/index.js');
      const runtime = await openRuntime(loadConfig());
      try {
        const result = await seedDemoHospital(
          { ...runtime.app, actor: cliActor },
          { seed: Number(options.seed) },
        );
        if (!result.seeded) {
          process.stdout.write(
            '既に部署が登録されているため投入しませんでした / the database already has units: nothing seeded\n',
          );
          return;
        }
        process.stdout.write('Sign in with these temporary passwords / 以下の仮パスワードでサインイン:\n');
        for (const p of result.personas)
          process.stdout.write(
            `  # ${p.descriptionJa} / ${p.descriptionEn}\n  ${p.loginId}  ${p.temporaryPassword}\n`,
          );
      } finally {
        await runtime.close();
      }
    });

  const org = program.command('org').description('組織（第3）/ organisation');
  org
    .command('import <file>')
    .performs('org.manage')
    .description('CSV・Excelから部署・職員・役割を取り込む / import units, staff and roles from CSV or Excel')
    .option(
      '--sheet <sheet>',
      'CSVの場合のシート / the sheet a CSV holds (units, positions, staff, assignments, delegations)',
    )
    .option('--format <format>', 'csv | xlsx (既定は拡張子 / default from the extension)')
    .option('--dry-run', '確認のみ、書き込まない / check only, write nothing', false)
    .action(async (file: string, options: { sheet?: string; format?: string; dryRun: boolean }) => {
      const { importOrgCommand } = await import('./org-files.js');
      await importOrgCommand(file, options);
    });
  org
    .command('export <file>')
    .performs('org.readReports')
    .description('組織をExcel・CSVに書き出す / export the organisation as Excel or CSV')
    .option('--sheet <sheet>', 'CSVの場合のシート / the sheet for a CSV export')
    .option('--format <format>', 'csv | xlsx')
    .action(async (file: string, options: { sheet?: string; format?: string }) => {
      const { exportOrgCommand } = await import('./org-files.js');
      await exportOrgCommand(file, options);
    });

  registerPolicyCommands(program);
  registerComplianceCommands(program);
  registerLedgerCommands(program);

  program.hook('preAction', (_program, command) => {
    authorizeCommand(command);
  });
  return program;
};
