import {
  approvalJobs,
  createMailer,
  loadConfig,
  loadPolicyPack,
  mailSettingsOf,
  requestTypes,
  startScheduler,
  systemActor,
  useShippedPolicyPack,
  type Config,
} from '../kernel/index.js';
import { demoHospitalName, seedDemoHospital, type SeededPersona } from '../modules/demo/index.js';
import {
  bootstrapAdministrator,
  directorySyncJob,
  identityJobs,
  fileSecretBox,
  secretsKeyFileOf,
} from '../modules/identity/index.js';
import { complianceSnapshotJob } from '../modules/policy/index.js';
import { startCheckpointer } from '../kernel/ledger/checkpointer.js';
import { deploymentKeyLoader, ledgerKeyFileOf } from '../kernel/ledger/operations.js';
import { buildApp, complianceService, openRuntime } from '../server/index.js';

export interface ServeOptions {
  readonly demo: boolean;
  readonly port?: string;
  readonly host?: string;
}

const printCredentials = (
  admin: { loginId: string; temporaryPassword: string } | null,
  personas: readonly SeededPersona[],
): void => {
  if (admin === null && personas.length === 0) return;
  const lines = [
    '',
    'Sign in with these temporary passwords. They are shown only once and must be changed at first sign-in (第7 2(3)イ).',
    '以下の仮パスワードでサインインしてください。表示はこの一度だけで、初回サインイン時に変更が必要です（第7 2(3)イ）。',
  ];
  if (admin)
    lines.push('  # システム管理者 / system administrator', `  ${admin.loginId}  ${admin.temporaryPassword}`);
  for (const p of personas)
    lines.push(`  # ${p.descriptionJa} / ${p.descriptionEn}`, `  ${p.loginId}  ${p.temporaryPassword}`);
  process.stdout.write(`${lines.join('\n')}\n\n`);
};

/** Starts Mamori: migrate, create the first administrator, seed the demo hospital if asked, listen. */
export const serve = async (options: ServeOptions): Promise<void> => {
  const config: Config = loadConfig(process.env, { port: options.port, host: options.host });
  // A broken policy pack stops start-up here, naming the file, the clause and the reason.
  const pack = loadPolicyPack();
  // The request types the approvals engine runs are the pack's (requests.yaml: forms, routes, conditions).
  requestTypes.usePack(pack);
  // The parameters in force start from this pack's defaults (the one just checked), overlaid by approved changes.
  useShippedPolicyPack(pack);
  const demoName =
    options.demo && !process.env['MAMORI_HOSPITAL_NAME_JA'] ? { hospitalName: demoHospitalName } : {};
  const runtime = await openRuntime(config, demoName);
  const ctx = { ...runtime.app, actor: systemActor('startup') };
  // The ledger's signing key: made at first start; a key that does not match the registered one stops start-up.
  const ledgerKey = deploymentKeyLoader(runtime.app, ledgerKeyFileOf(config));
  await ledgerKey();
  const admin = await bootstrapAdministrator(ctx, {});
  const demo = options.demo ? await seedDemoHospital(ctx) : null;
  const app = await buildApp({ config, app: runtime.app });
  // A signed checkpoint at least every minute while entries arrive (several processes: see checkpointer.ts).
  const onCheckpointError = (error: unknown): void => {
    app.log.error({ err: error }, 'ledger checkpoint failed / 台帳のチェックポイントに失敗しました');
  };
  const checkpointer = startCheckpointer({
    database: runtime.database,
    clock: runtime.app.clock,
    key: ledgerKey,
    onError: onCheckpointError,
  });
  // Reminders, escalation, expiry and e-mail (one instance runs each job: see approvals/scheduler.ts).
  const mailSettings = mailSettingsOf(config);
  const mailer = mailSettings === null ? null : createMailer(mailSettings);
  // …and the day's compliance snapshot for the trend (policy module).
  // …and the directory synchronisation on the schedule its settings give (identity module).
  const jobs = [
    ...approvalJobs(config, mailer),
    complianceSnapshotJob(complianceService().setup),
    directorySyncJob({ secrets: fileSecretBox(secretsKeyFileOf(config)) }),
    // …and accounts following staff records and personnel events on their day, and the unused-ID sweep.
    ...identityJobs(),
  ];
  const scheduler = startScheduler(runtime.app, jobs, {
    tickMs: config.schedulerIntervalSeconds * 1000,
    onRun: (run) => {
      if (!run.ok)
        app.log.error({ job: run.name, error: run.error }, 'scheduled job failed / 定期処理に失敗しました');
    },
  });
  const close = async (): Promise<void> => {
    await scheduler.stop();
    mailer?.close();
    await checkpointer.stop();
    await app.close();
    await runtime.close();
  };
  process.once('SIGINT', () => void close().then(() => process.exit(0)));
  process.once('SIGTERM', () => void close().then(() => process.exit(0)));
  await app.listen({ port: config.port, host: config.host });
  checkpointer.tick().catch(onCheckpointError);
  printCredentials(admin, demo?.personas ?? []);
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  process.stdout.write(
    `Mamori is running on ${runtime.database.dialect}: http://${shownHost}:${String(config.port)}  (守りが起動しました)\n` +
      `API docs: http://${shownHost}:${String(config.port)}/api/docs\n`,
  );
};
