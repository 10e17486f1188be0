import type { Role } from '../access/index.js';
import type { Db } from '../db/index.js';
import type { Bilingual } from '../errors/index.js';
import { newId } from '../ids.js';
import { insertNotifications } from './approvals.repository.js';
import type { OrgDirectory } from './directory.js';

/**
 * Notifications in the application (a row per recipient, "my notifications") and by e-mail: each row with an
 * address is queued (`email_status = pending`) in the same transaction as the change it reports, and the
 * scheduler's mail job sends it (`deliver-emails.ts`). A rolled-back change therefore never sends mail.
 */
export const notificationKinds = [
  'approvalRequested',
  'reminder',
  'escalated',
  'decided',
  'withdrawn',
  'expired',
  'separationOverridden',
  'emergencyReported',
  'reportOverdue',
  'acknowledged',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export interface NotificationDraft {
  readonly kind: NotificationKind;
  /** Staff ids; duplicates and people who have left are dropped. */
  readonly recipients: readonly string[];
  readonly requestId: string;
  readonly title: Bilingual;
  readonly body: Bilingual;
}

export interface QueueContext {
  readonly db: Db;
  readonly directory: OrgDirectory;
  readonly asOf: string;
  readonly now: string;
}

/** The path of a request's page in the web app; e-mails prefix it with the configured public URL. */
export const requestLink = (requestId: string): string => `/approvals/requests/${requestId}`;

/** Writes the notifications; returns how many rows (recipients) were queued, for the ledger entry. */
export const queueNotifications = async (
  q: QueueContext,
  drafts: readonly NotificationDraft[],
): Promise<number> => {
  const ids = [...new Set(drafts.flatMap((d) => d.recipients))];
  if (ids.length === 0) return 0;
  const people = await q.directory.people(q.db, ids, q.asOf);
  const rows = drafts.flatMap((d) =>
    [...new Set(d.recipients)].flatMap((staffId) => {
      const person = people.get(staffId);
      if (person === undefined || !person.active) return [];
      return [
        {
          id: newId(),
          recipient_staff_id: staffId,
          kind: d.kind,
          subject: `approvalRequest:${d.requestId}`,
          title_ja: d.title.ja,
          title_en: d.title.en,
          body_ja: d.body.ja,
          body_en: d.body.en,
          link: requestLink(d.requestId),
          created_at: q.now,
          read_at: null,
          email_to: person.email,
          email_status: person.email === null ? 'none' : 'pending',
          email_attempts: 0,
          email_sent_at: null,
          email_error: null,
        },
      ];
    }),
  );
  await insertNotifications(q.db, rows);
  return rows.length;
};

/** The staff ids holding a (role, unit) seat on a date, through assignment, delegation or acting. */
export const holdersOfSeat = async (
  q: QueueContext,
  role: string,
  unitId: string | null,
): Promise<string[]> => (await q.directory.holders(q.db, role as Role, unitId, q.asOf)).map((h) => h.staffId);
