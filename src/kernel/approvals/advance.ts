import type { Role } from '../access/index.js';
import type { ApprovalRequestTable, ApprovalStepTable } from '../db/index.js';
import type { LedgerDraft } from '../ledger/index.js';
import { updateRequest, updateStep } from './approvals.repository.js';
import type { Env } from './hooks.js';
import { roleName } from './labels.js';
import { holdersOfSeat, type NotificationDraft, type QueueContext } from './notify.js';
import { escalationTarget } from './route.js';

/** What a transition runs with inside its transaction. */
export type { Env } from './hooks.js';

export const queueContext = (env: Env): QueueContext => ({
  db: env.tx,
  directory: env.directory,
  asOf: env.asOf,
  now: env.now,
});

export const subjectOf = (requestId: string): string => `approvalRequest:${requestId}`;

/** "[2026-000012] 持ち出し: ノートPC" */
export const requestLabel = (r: ApprovalRequestTable, typeName: { ja: string; en: string }) => ({
  ja: `［${r.ref_no}］${typeName.ja}：${r.title}`,
  en: `[${r.ref_no}] ${typeName.en}: ${r.title}`,
});

/** The applicant and whoever prepared the request: they may not decide it (第3 7(1)). */
export const partiesOf = (r: ApprovalRequestTable): string[] =>
  r.preparer_staff_id === null ? [r.applicant_staff_id] : [r.applicant_staff_id, r.preparer_staff_id];

export interface Advanced {
  /** Prior requests wait as submitted and end approved; emergency reports wait as reported, end acknowledged. */
  readonly status: 'submitted' | 'approved' | 'reported' | 'acknowledged';
  readonly ledger: LedgerDraft[];
  readonly notifications: NotificationDraft[];
}

/**
 * Moves a request on after step `afterIdx` (−1 at submission): the next waiting step becomes pending and its
 * approvers are notified, or, when none is left, the request is approved and the applicant told. A step whose
 * seat is vacant, or held only by the applicant or preparer, is escalated at once to the next level up, so the
 * request never waits for someone who cannot decide it.
 */
export const activateNext = async (
  env: Env,
  request: ApprovalRequestTable,
  steps: readonly ApprovalStepTable[],
  afterIdx: number,
  typeName: { ja: string; en: string },
): Promise<Advanced> => {
  const label = requestLabel(request, typeName);
  const next = steps.find((s) => s.idx > afterIdx && s.status === 'waiting');
  const subject = subjectOf(request.id);
  const postFacto = request.mode === 'postFacto';
  if (next === undefined) {
    const done = postFacto ? 'acknowledged' : 'approved';
    const decided = { status: done, current_step: null, decided_at: env.now, updated_at: env.now };
    await updateRequest(env.tx, request.id, decided);
    // The module whose record the request is about records what the permission allows, in this transaction.
    const onApproved = postFacto ? undefined : env.hooks[request.type_id]?.onApproved;
    const effects = onApproved === undefined ? [] : await onApproved(env, { ...request, ...decided });
    return {
      status: done,
      ledger: [
        { kind: `approvals.request.${done}`, subject, payload: { refNo: request.ref_no } },
        ...effects,
      ],
      notifications: [
        {
          kind: postFacto ? 'acknowledged' : 'decided',
          recipients: partiesOf(request),
          requestId: request.id,
          title: postFacto
            ? { ja: `事後報告が確認されました ${label.ja}`, en: `Report acknowledged ${label.en}` }
            : { ja: `承認されました ${label.ja}`, en: `Approved ${label.en}` },
          body: postFacto
            ? {
                ja: `事後報告 ${label.ja} は最高情報統括責任者に確認されました（第8 5(2)）。`,
                en: `Your report ${label.en} has been acknowledged by the CISO (第8 5(2)).`,
              }
            : {
                ja: `申請 ${label.ja} はすべての承認者に承認されました。`,
                en: `Request ${label.en} has been approved by every approver.`,
              },
        },
      ],
    };
  }
  const q = queueContext(env);
  const parties = partiesOf(request);
  const holders = await holdersOfSeat(q, next.role, next.unit_id);
  const deciders = holders.filter((h) => !parties.includes(h));
  let escalation: { role: Role; unitId: string | null; reason: string } | null = null;
  let escalationHolders: string[] = [];
  if (deciders.length === 0) {
    const fallback = await env.directory.unitPath(env.tx, request.applicant_unit_id, env.asOf);
    const up = await escalationTarget(
      env.tx,
      env.directory,
      { role: next.role as Role, unitId: next.unit_id },
      fallback,
      env.asOf,
    );
    if (up !== null) {
      escalation = {
        role: up.role,
        unitId: up.unit?.id ?? null,
        reason: holders.length === 0 ? 'vacant' : 'conflict',
      };
      escalationHolders = (await holdersOfSeat(q, up.role, escalation.unitId)).filter(
        (h) => !parties.includes(h),
      );
      await updateStep(env.tx, next.id, {
        escalated_role: up.role,
        escalated_unit_id: escalation.unitId,
        escalated_unit_name_ja: up.unit?.nameJa ?? null,
        escalated_unit_name_en: up.unit?.nameEn ?? null,
        escalated_at: env.now,
        escalation_reason: escalation.reason,
      });
    }
  }
  await updateStep(env.tx, next.id, { status: 'pending', activated_at: env.now });
  const waiting = postFacto ? 'reported' : 'submitted';
  await updateRequest(env.tx, request.id, { status: waiting, current_step: next.idx, updated_at: env.now });
  const seat = roleName(next.role);
  return {
    status: waiting,
    ledger: [
      {
        kind: 'approvals.step.activated',
        subject,
        payload: {
          step: next.idx,
          role: next.role,
          unitId: next.unit_id,
          approvers: deciders,
          escalation: escalation === null ? null : { ...escalation, approvers: escalationHolders },
        },
      },
    ],
    notifications: [
      {
        kind: postFacto ? 'emergencyReported' : 'approvalRequested',
        recipients: [...deciders, ...escalationHolders],
        requestId: request.id,
        title: postFacto
          ? { ja: `緊急時の例外措置の事後報告 ${label.ja}`, en: `Emergency exception reported ${label.en}` }
          : { ja: `承認依頼 ${label.ja}`, en: `Approval requested ${label.en}` },
        body: postFacto
          ? {
              ja: `${request.applicant_name}さん（${request.applicant_unit_name_ja}）から緊急時の例外措置 ${label.ja} の事後報告が届いています（第8 5(2)）。内容を確認してください。`,
              en: `${request.applicant_name} (${request.applicant_unit_name_en}) reports an emergency exception ${label.en} (第8 5(2)). Please acknowledge it.`,
            }
          : {
              ja: `${request.applicant_name}さん（${request.applicant_unit_name_ja}）から申請 ${label.ja} が届いています。${seat.ja}として決裁してください。`,
              en: `${request.applicant_name} (${request.applicant_unit_name_en}) asks for your decision on ${label.en} as ${seat.en}.`,
            },
      },
    ],
  };
};
