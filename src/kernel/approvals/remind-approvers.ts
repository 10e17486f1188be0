import { sql } from 'kysely';
import { z } from 'zod';
import type { Role } from '../access/index.js';
import type { LedgerDraft } from '../ledger/index.js';
import { defineUseCase } from '../usecase/index.js';
import { partiesOf, queueContext, requestLabel, subjectOf } from './advance.js';
import { findRequest, updateStep } from './approvals.repository.js';
import { envOf, requireSystem } from './helpers.js';
import { roleName } from './labels.js';
import { holdersOfSeat, queueNotifications, type NotificationDraft } from './notify.js';
import { requestTypes } from './registry.js';
import { escalationTarget } from './route.js';

export const remindApproversInput = z.strictObject({
  reminderHours: z.number().int().min(1),
  escalationHours: z.number().int().min(1),
  limit: z.number().int().min(1).max(1000).default(200),
});

const hoursBefore = (now: string, hours: number): string =>
  new Date(new Date(now).getTime() - hours * 3_600_000).toISOString();

/**
 * The scheduler's reminder run: a step pending longer than `reminderHours` (and not reminded since) reminds its
 * approvers again; one pending longer than `escalationHours` is escalated to the next level up (the Officer above
 * a Manager, the Director above an Officer, the CISO above the Director), who may then decide it. Each reminder
 * and escalation is an entry on the request; so is an emergency exception not reported by its deadline (8-5(2)),
 * which reminds whoever recorded it and the CISO once. A run with nothing to do writes nothing.
 */
export const remindApprovers = defineUseCase({
  name: 'approvals.remindApprovers',
  input: remindApproversInput,
  authorize: (ctx) => {
    requireSystem(ctx.actor);
  },
  execute: async (ctx, input, tx) => {
    const env = envOf(ctx, tx);
    const q = queueContext(env);
    const remindBefore = hoursBefore(env.now, input.reminderHours);
    const escalateBefore = hoursBefore(env.now, input.escalationHours);
    const due = await tx
      .selectFrom('approval_steps')
      .selectAll()
      .where('status', '=', 'pending')
      .where('activated_at', '<=', remindBefore)
      .orderBy('activated_at')
      .limit(input.limit)
      .execute();
    const ledger: LedgerDraft[] = [];
    const notifications: NotificationDraft[] = [];
    let reminded = 0;
    let escalated = 0;
    for (const step of due) {
      const request = await findRequest(tx, step.request_id);
      if (request === undefined) continue;
      const label = requestLabel(request, requestTypes.get(request.type_id)?.name ?? { ja: '', en: '' });
      const parties = partiesOf(request);
      const seatHolders = async (role: string, unitId: string | null) =>
        (await holdersOfSeat(q, role, unitId)).filter((h) => !parties.includes(h));
      if (step.escalated_at === null && step.activated_at !== null && step.activated_at <= escalateBefore) {
        const fallback = await env.directory.unitPath(tx, request.applicant_unit_id, env.asOf);
        const up = await escalationTarget(
          tx,
          env.directory,
          { role: step.role as Role, unitId: step.unit_id },
          fallback,
          env.asOf,
        );
        if (up !== null) {
          const unitId = up.unit?.id ?? null;
          await updateStep(tx, step.id, {
            escalated_role: up.role,
            escalated_unit_id: unitId,
            escalated_unit_name_ja: up.unit?.nameJa ?? null,
            escalated_unit_name_en: up.unit?.nameEn ?? null,
            escalated_at: env.now,
            escalation_reason: 'overdue',
            reminded_at: env.now,
          });
          const recipients = await seatHolders(up.role, unitId);
          const seat = roleName(step.role);
          notifications.push({
            kind: 'escalated',
            recipients,
            requestId: request.id,
            title: { ja: `決裁の遅れ ${label.ja}`, en: `Decision overdue ${label.en}` },
            body: {
              ja: `申請 ${label.ja} は${step.unit_name_ja ?? ''}${seat.ja}の決裁を${String(input.escalationHours)}時間以上待っています。上位者として決裁できます。`,
              en: `Request ${label.en} has waited more than ${String(input.escalationHours)} hours for the ${seat.en}. You may decide it as the next level up.`,
            },
          });
          ledger.push({
            kind: 'approvals.step.escalated',
            subject: subjectOf(request.id),
            payload: {
              step: step.idx,
              to: { role: up.role, unitId },
              reason: 'overdue',
              approvers: recipients,
            },
          });
          escalated += 1;
          continue;
        }
      }
      if (step.reminded_at !== null && step.reminded_at > remindBefore) continue;
      await updateStep(tx, step.id, { reminded_at: env.now, reminder_count: step.reminder_count + 1 });
      const recipients = [
        ...(await seatHolders(step.role, step.unit_id)),
        ...(step.escalated_role === null
          ? []
          : await seatHolders(step.escalated_role, step.escalated_unit_id)),
      ];
      notifications.push({
        kind: 'reminder',
        recipients,
        requestId: request.id,
        title: { ja: `決裁のお願い（再通知） ${label.ja}`, en: `Reminder: decision needed ${label.en}` },
        body: {
          ja: `申請 ${label.ja} があなたの決裁を待っています。`,
          en: `Request ${label.en} is waiting for your decision.`,
        },
      });
      ledger.push({
        kind: 'approvals.step.reminded',
        subject: subjectOf(request.id),
        payload: { step: step.idx, count: step.reminder_count + 1, approvers: recipients },
      });
      reminded += 1;
    }
    // 第8 5(2) "事後速やかに": an emergency exception not reported by its deadline — once, to whoever recorded it and
    // to the CISO (a notification of this kind on the request marks it done).
    const overdue = await tx
      .selectFrom('approval_requests as r')
      .selectAll('r')
      .where('r.status', '=', 'carriedOut')
      .where('r.report_due_at', '<=', env.now)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('notifications as n')
              .select('n.id')
              .where('n.subject', '=', sql<string>`'approvalRequest:' || r.id`)
              .where('n.kind', '=', 'reportOverdue'),
          ),
        ),
      )
      .limit(input.limit)
      .execute();
    const cisos = overdue.length === 0 ? [] : await holdersOfSeat(q, 'ciso', null);
    for (const request of overdue) {
      const label = requestLabel(request, requestTypes.get(request.type_id)?.name ?? { ja: '', en: '' });
      notifications.push({
        kind: 'reportOverdue',
        recipients: [...partiesOf(request), ...cisos],
        requestId: request.id,
        title: { ja: `事後報告の期限切れ ${label.ja}`, en: `Report overdue ${label.en}` },
        body: {
          ja: `緊急時の例外措置 ${label.ja} の最高情報統括責任者への事後報告が期限を過ぎています（第8 5(2)）。速やかに報告してください。`,
          en: `The report of emergency exception ${label.en} to the CISO is overdue (第8 5(2)). Report it now.`,
        },
      });
      ledger.push({
        kind: 'approvals.emergency.reportOverdue',
        subject: subjectOf(request.id),
        payload: { refNo: request.ref_no, reportDueAt: request.report_due_at },
      });
    }
    const notified = await queueNotifications(q, notifications);
    const [first, ...rest] = ledger;
    if (first === undefined) {
      return {
        result: { reminded, escalated, overdue: 0, notified },
        ledger: [{ kind: 'approvals.reminders.none', subject: 'job:approvals.remind', payload: {} }],
        commit: false,
      };
    }
    return { result: { reminded, escalated, overdue: overdue.length, notified }, ledger: [first, ...rest] };
  },
});
