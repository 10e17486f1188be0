import { systemActor, type Job } from '../../../kernel/index.js';
import { LDAP_SOURCE, lastSyncStart, loadDirectorySettings } from './directory.repository.js';
import { runDirectorySync, type DirectoryDeps } from './run-directory-sync.js';

/** How often the scheduler looks whether a synchronisation is due (the settings say how often one runs). */
const LOOK_EVERY_MS = 5 * 60_000;

/**
 * For `mamori serve`'s scheduler: synchronises with the directory when the settings' interval has passed since the
 * last run (manual runs count). The job lease makes one instance run it, however many serve the hospital.
 */
export const directorySyncJob = (deps: DirectoryDeps): Job => ({
  name: 'identity.directorySync',
  everyMs: LOOK_EVERY_MS,
  run: async (app) => {
    const { settings, saved } = await loadDirectorySettings(app.database.db);
    if (!saved || !settings.enabled || settings.intervalMinutes === null)
      return { ran: false, reason: 'off' };
    const last = await lastSyncStart(app.database.db, LDAP_SOURCE);
    const due =
      last === null ||
      app.clock.now().getTime() - new Date(last).getTime() >=
        settings.intervalMinutes * 60_000 - LOOK_EVERY_MS / 2;
    if (!due) return { ran: false, reason: 'notDue' };
    const run = await runDirectorySync(deps)(
      { ...app, actor: systemActor('directory-sync') },
      { dryRun: false, trigger: 'schedule' },
    );
    return { ran: true, outcome: run.outcome, summary: run.summary };
  },
});
