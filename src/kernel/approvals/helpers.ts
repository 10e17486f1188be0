import {
  AccessDenied,
  decide,
  type Action,
  type Actor,
  type Resource,
  type RoleGrant,
} from '../access/index.js';
import type { ApprovalRequestTable, ApprovalStepTable, Tx } from '../db/index.js';
import { AppError, type Bilingual } from '../errors/index.js';
import { calendarDate } from '../time/index.js';
import type { UseCaseContext } from '../usecase/index.js';
import type { Env } from './advance.js';
import { lockRequest } from './approvals.repository.js';
import { directoryOf } from './directory.js';
import { statusNames, type RequestStatus } from './labels.js';

export const envOf = (ctx: UseCaseContext, tx: Tx): Env => {
  const now = ctx.clock.now();
  return {
    tx,
    directory: directoryOf(ctx),
    asOf: calendarDate(now, ctx.timeZone),
    now: now.toISOString(),
    actor: ctx.actor,
    hooks: ctx.approvalHooks ?? {},
  };
};

/** Requests are made and decided by people: a signed-in account linked to a staff member. */
export const requireStaff = (actor: Actor): string => {
  if (actor.kind === 'anonymous') {
    throw new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });
  }
  if (actor.staffId === null) {
    throw new AppError('forbidden', {
      ja: '申請・承認は職員に紐づいたアカウントで行ってください。',
      en: 'Requests and approvals need an account linked to a staff member.',
    });
  }
  return actor.staffId;
};

export const notFound = (): AppError =>
  new AppError('notFound', { ja: '申請が見つかりません。', en: 'The request was not found.' });

/** The request, locked for this transaction, or `notFound`. */
export const loadRequest = async (ctx: UseCaseContext, tx: Tx, id: string): Promise<ApprovalRequestTable> => {
  const request = await lockRequest(tx, ctx.database.dialect, id);
  if (request === undefined) throw notFound();
  return request;
};

/** A transition from a state it does not start from is a `conflict` that says the current state. */
export const requireStatus = (request: ApprovalRequestTable, allowed: readonly RequestStatus[]): void => {
  if ((allowed as readonly string[]).includes(request.status)) return;
  const now = statusNames[request.status] ?? { ja: request.status, en: request.status };
  throw new AppError('conflict', {
    ja: `この申請は「${now.ja}」のため、この操作はできません。`,
    en: `This request is ${now.en.toLowerCase()}; this cannot be done now.`,
  });
};

export const badInput = (field: string, message: Bilingual): AppError =>
  new AppError('validation', message, { issues: [{ field, message }] });

/** The grant by which an actor sits in a seat (prefer their own assignment over a delegation or acting). */
export const grantFor = (actor: Actor, role: string, unitId: string | null): RoleGrant | undefined => {
  const matching = actor.grants.filter((g) => g.role === role && g.unitId === unitId);
  return matching.find((g) => g.via === 'assignment') ?? matching[0];
};

/** The seat through which the actor may decide a step: its own approver seat, or the escalation seat. */
export const seatOf = (
  actor: Actor,
  step: ApprovalStepTable,
): { grant: RoleGrant; escalated: boolean } | null => {
  const own = grantFor(actor, step.role, step.unit_id);
  if (own !== undefined) return { grant: own, escalated: false };
  if (step.escalated_role === null) return null;
  const up = grantFor(actor, step.escalated_role, step.escalated_unit_id);
  return up === undefined ? null : { grant: up, escalated: true };
};

/**
 * Asks the access kernel whether the actor may do this to the request; a refusal is an `AccessDenied` (recorded
 * when sensitive by `recordingDenials` around the use case) that says, when no forbid rule does, who may.
 */
export const requireOnRequest = (
  actor: Actor,
  action: Action,
  resource: Resource,
  explanation: Bilingual,
): void => {
  const decision = decide(actor, action, resource);
  if (!decision.allowed) throw new AccessDenied(actor, action, resource, decision, explanation);
};

/** What the parties alone may do: submit, withdraw, report. */
export const onlyParties: Bilingual = {
  ja: '申請者本人または申請を作成した人だけが行えます。',
  en: 'Only the applicant, or whoever prepared the request, may do this.',
};

/** The first instant after a calendar date ends in a time zone: a request dated that day expires then. */
export const endOfDay = (date: string, timeZone: string): string => {
  const [y, m, d] = date.split('-').map(Number);
  const guess = Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(guess));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return new Date(guess - (local - guess)).toISOString();
};

/** Scheduled runs (reminders, expiry) are the system's, never a person's. */
export const requireSystem = (actor: Actor): void => {
  if (actor.kind !== 'system') {
    throw new AppError('forbidden', {
      ja: 'この処理はスケジューラーだけが実行します。',
      en: 'Only the scheduler runs this.',
    });
  }
};
