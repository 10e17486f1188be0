import { z } from 'zod';
import {
  AppError,
  defineUseCase,
  newId,
  requirePermission,
  type Bilingual,
  type UseCaseContext,
} from '../../../kernel/index.js';
import type { DirectoryRunView } from '../../../shared/directory-api-types.js';
import { applyDirectorySnapshot } from './apply-directory-snapshot.js';
import { insertSyncRun, LDAP_SOURCE, loadDirectorySettings } from './directory.repository.js';
import { syncTriggers, type DirectorySettings, type DirectorySnapshot } from './directory.schema.js';
import { DirectoryReadError, readDirectory } from './ldap-directory.js';
import { revealSecret, type SecretBox } from '../secret-box.js';

export const BIND_PASSWORD_PURPOSE = 'directory.bindPassword';

export interface DirectoryDeps {
  readonly secrets: SecretBox;
  /** How the directory is read (ldapts by default). */
  readonly read?: (settings: DirectorySettings, password: string | null) => Promise<DirectorySnapshot>;
}

const recordFailureInput = z
  .object({
    dryRun: z.boolean(),
    trigger: z.enum(syncTriggers),
    startedAt: z.iso.datetime(),
    reason: z.object({ ja: z.string().max(2000), en: z.string().max(2000) }).strict(),
  })
  .strict();

/** A run that could not read the directory: recorded (unless a dry run) so the screen and the ledger show it. */
export const recordDirectoryFailure = defineUseCase({
  name: 'identity.recordDirectoryFailure',
  input: recordFailureInput,
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.manageAccounts'),
  execute: async (ctx, input, tx) => {
    const now = ctx.clock.now().toISOString();
    const id = input.dryRun ? null : newId();
    const run: DirectoryRunView = {
      id,
      dryRun: input.dryRun,
      trigger: input.trigger,
      actor: ctx.actor.loginId,
      startedAt: input.startedAt,
      finishedAt: now,
      outcome: 'failed',
      error: input.reason,
      summary: {},
      changes: [],
      truncated: false,
    };
    if (id !== null)
      await insertSyncRun(tx, {
        id,
        source: LDAP_SOURCE,
        trigger: input.trigger,
        actor: run.actor,
        started_at: input.startedAt,
        finished_at: now,
        outcome: 'failed',
        error: JSON.stringify(input.reason),
        summary: '{}',
        changes: '[]',
        truncated: 0,
      });
    return {
      result: run,
      commit: !input.dryRun,
      ledger: [
        {
          kind: 'identity.directorySyncFailed',
          subject: `directory:${LDAP_SOURCE}`,
          payload: { run: id, trigger: input.trigger, reason: input.reason.en },
        },
      ],
    };
  },
});

const notConfigured = (): AppError => {
  const message = {
    ja: 'ディレクトリ連携が設定されていません。先に設定を保存してください。',
    en: 'The directory is not configured. Save its settings first.',
  };
  return new AppError('validation', message, { issues: [{ field: 'directory', message }] });
};

const turnedOff = (): AppError => {
  const message = {
    ja: 'ディレクトリ連携は無効になっています。有効にしてから同期してください（試行は無効のままでもできます）。',
    en: 'Directory synchronisation is turned off. Turn it on first (a dry run works while it is off).',
  };
  return new AppError('validation', message, { issues: [{ field: 'enabled', message }] });
};

export const runDirectorySyncInput = z
  .object({ dryRun: z.boolean().default(false), trigger: z.enum(syncTriggers).default('manual') })
  .strict();

/**
 * Reads the directory (network, outside any transaction) and applies what it found, or records why it could not.
 * Authorized before the directory is contacted, so nobody else can make Mamori knock on the directory.
 */
export const runDirectorySync =
  (deps: DirectoryDeps) =>
  async (ctx: UseCaseContext, raw: z.input<typeof runDirectorySyncInput>): Promise<DirectoryRunView> => {
    const input = runDirectorySyncInput.parse(raw);
    requirePermission(ctx.actor, 'identity.manageAccounts');
    const startedAt = ctx.clock.now().toISOString();
    const { settings, saved } = await loadDirectorySettings(ctx.database.db);
    if (!saved) throw notConfigured();
    // Turned off: nothing changes accounts; a dry run may still try the settings out before they are turned on.
    if (!settings.enabled && !input.dryRun) throw turnedOff();
    let snapshot: DirectorySnapshot;
    try {
      const password = revealSecret(
        deps.secrets,
        settings.bindPassword,
        BIND_PASSWORD_PURPOSE,
        'bindPassword',
      );
      snapshot = await (deps.read ?? readDirectory)(settings, password);
    } catch (e) {
      const reason: Bilingual =
        e instanceof DirectoryReadError
          ? e.reason
          : e instanceof AppError
            ? e.userMessage
            : { ja: 'ディレクトリを読めませんでした。', en: 'The directory could not be read.' };
      return recordDirectoryFailure(ctx, { ...input, startedAt, reason });
    }
    return applyDirectorySnapshot(ctx, { ...input, snapshot, startedAt });
  };
