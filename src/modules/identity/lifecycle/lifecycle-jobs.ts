import { parameterNumber, systemActor, type AppContext, type Job } from '../../../kernel/index.js';
import { followStaffRecords } from './follow-staff-records.js';
import { startIdSweep } from './start-id-sweep.js';
import { lastSweep } from './sweep.repository.js';

const HOUR = 60 * 60 * 1000;

/**
 * Starts a sweep when the last one is older than the review interval (`identity.unusedAccountReviewInterval`, the
 * value in force: read at each look, so a change the committee approved applies from the next one).
 */
export const sweepWhenDue = async (app: AppContext): Promise<{ id: string; candidates: number } | null> => {
  const months = await parameterNumber(app.database.db, 'identity.unusedAccountReviewInterval', 1);
  const last = await lastSweep(app.database.db);
  const due = new Date(app.clock.now());
  due.setUTCMonth(due.getUTCMonth() - months);
  if (last !== undefined && last.started_at > due.toISOString()) return null;
  return startIdSweep({ ...app, actor: systemActor('id-sweep') }, { trigger: 'scheduled' });
};

/**
 * The identity lifecycle's scheduled jobs (one instance runs each, by the job lease): accounts follow staff
 * records and personnel events on their day (7-2(1)イ, 7-3(2)イ(ア)), looked at every quarter hour; the
 * unused-ID sweep at the policy pack's interval (7-2(1)イ(ウ)), looked at every hour.
 */
export const identityJobs = (): Job[] => [
  { name: 'identity.followStaffRecords', everyMs: HOUR / 4, run: followStaffRecords },
  { name: 'identity.unusedIdSweep', everyMs: HOUR, run: sweepWhenDue },
];
