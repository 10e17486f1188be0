import { systemActor } from '../access/index.js';
import type { Config } from '../config/index.js';
import { deliverEmails } from './deliver-emails.js';
import { expireRequests } from './expire-requests.js';
import type { Mailer } from './mailer.js';
import { remindApprovers } from './remind-approvers.js';
import type { Job } from './scheduler.js';

export type ApprovalJobSettings = Pick<
  Config,
  'approvalReminderHours' | 'approvalEscalationHours' | 'approvalExpiryDays' | 'schedulerIntervalSeconds'
>;

/** The approvals engine's scheduled jobs: reminders and escalation, expiry, and e-mail when SMTP is configured. */
export const approvalJobs = (settings: ApprovalJobSettings, mailer: Mailer | null): Job[] => {
  const tickMs = Math.max(1, settings.schedulerIntervalSeconds) * 1000;
  const quarterHour = Math.max(tickMs, 15 * 60_000);
  const jobs: Job[] = [
    {
      name: 'approvals.remind',
      everyMs: quarterHour,
      run: (app) =>
        remindApprovers(
          { ...app, actor: systemActor('scheduler') },
          {
            reminderHours: settings.approvalReminderHours,
            escalationHours: settings.approvalEscalationHours,
          },
        ),
    },
    {
      name: 'approvals.expire',
      everyMs: quarterHour,
      run: (app) =>
        expireRequests(
          { ...app, actor: systemActor('scheduler') },
          { expiryDays: settings.approvalExpiryDays },
        ),
    },
  ];
  if (mailer !== null)
    jobs.push({ name: 'approvals.mail', everyMs: tickMs, run: (app) => deliverEmails(app, mailer) });
  return jobs;
};
