import { z } from 'zod';
import { defineQuery, requirePermission } from '../../../kernel/index.js';
import type { DirectorySettingsView } from '../../../shared/directory-api-types.js';
import { LDAP_SOURCE, listSyncRuns, loadDirectorySettings } from './directory.repository.js';
import { directoryPresets } from './directory.schema.js';
import { runSummaryOf } from './directory-run-view.js';
import { secretView } from '../secret-input.js';

/** The directory settings (how the password is kept, never the password), the presets, the last run and the next. */
export const getDirectorySettings = defineQuery({
  name: 'identity.getDirectorySettings',
  input: z.object({}).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.manageSettings'),
  execute: async (ctx): Promise<DirectorySettingsView> => {
    const db = ctx.database.db;
    const { settings, saved } = await loadDirectorySettings(db);
    const [last] = await listSyncRuns(db, LDAP_SOURCE, 1);
    const lastRun = last === undefined ? null : runSummaryOf(last);
    const nextRunAt =
      !saved || !settings.enabled || settings.intervalMinutes === null
        ? null
        : lastRun === null
          ? ctx.clock.now().toISOString()
          : new Date(new Date(lastRun.startedAt).getTime() + settings.intervalMinutes * 60_000).toISOString();
    return {
      settings: { ...settings, bindPassword: secretView(settings.bindPassword) },
      saved,
      presets: { ...directoryPresets },
      lastRun,
      nextRunAt,
    };
  },
});
