import { systemActor, type AppContext, type Job } from '../../kernel/index.js';
import type { ComplianceSetup } from './compliance-setup.js';
import { latestSnapshotOnOrBefore } from './compliance.repository.js';
import { today } from './policy-access.js';
import { takeComplianceSnapshot } from './take-compliance-snapshot.js';

/** Takes the day's snapshot if there is none yet. Returns what it did (for the CLI and the scheduler's log). */
export const takeDailySnapshot = async (
  setup: ComplianceSetup,
  app: AppContext,
): Promise<{ taken: boolean; id: string | null; takenOn: string }> => {
  const day = today(app);
  const latest = await latestSnapshotOnOrBefore(app.database.db, setup.pack.manifest.name, day);
  if (latest?.taken_on === day) return { taken: false, id: latest.id, takenOn: day };
  const result = await takeComplianceSnapshot(setup)({ ...app, actor: systemActor('compliance-snapshot') }, {});
  return { taken: true, id: result.id, takenOn: result.takenOn };
};

/** For the in-process scheduler: looks every hour, snapshots once a day (one instance, by the job lease). */
export const complianceSnapshotJob = (setup: ComplianceSetup): Job => ({
  name: 'policy.dailyComplianceSnapshot',
  everyMs: 60 * 60 * 1000,
  run: (app) => takeDailySnapshot(setup, app),
});
