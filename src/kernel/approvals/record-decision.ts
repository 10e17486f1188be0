import { AccessDenied, authorizeDuty, decide, type Actor, type Role } from '../access/index.js';
import type { ApprovalRequestTable, ApprovalStepTable } from '../db/index.js';
import type { LedgerDraft } from '../ledger/index.js';
import { queueContext, requestLabel, subjectOf, type Env } from './advance.js';
import { stepsOf, updateStep } from './approvals.repository.js';
import { decisionResource } from './decision-resource.js';
import { badInput, requireStaff, seatOf } from './helpers.js';
import { roleName } from './labels.js';
import { holdersOfSeat, type NotificationDraft } from './notify.js';
import type { RequestTypeDefinition } from './request-type.js';

export interface Recorded {
  readonly steps: ApprovalStepTable[];
  readonly step: ApprovalStepTable;
  readonly via: 'assignment' | 'delegation' | 'acting';
  readonly onBehalfOf: string | null;
  readonly overridden: boolean;
  readonly ledger: LedgerDraft[];
  readonly notifications: NotificationDraft[];
}

/**
 * Records one person's decision on the current step. They must sit in the step's seat (the role for its unit,
 * held by assignment, delegation or acting — 代決, recorded with on whose behalf) or its escalation seat. The
 * access kernel keeps duties apart (第3 7(1)): the applicant or preparer is refused (a reported denial) unless
 * they give a written reason; the override is its own ledger entry and is reported to the CISO.
 */
export const recordDecision = async (
  env: Env,
  actor: Actor,
  request: ApprovalRequestTable,
  def: RequestTypeDefinition,
  decision: 'approved' | 'rejected' | 'acknowledged',
  options: {
    comment: string | null;
    overrideReason: string | null | undefined;
    /** Rejecting needs a reason; asked once the person is known to be the approver. */
    commentRequired?: boolean;
  },
): Promise<Recorded> => {
  const me = requireStaff(actor);
  const steps = await stepsOf(env.tx, request.id);
  const step = steps.find((s) => s.idx === request.current_step && s.status === 'pending');
  if (step === undefined) throw new Error(`request ${request.id} has no pending step`);
  const seat = seatOf(actor, step);
  const resource = await decisionResource(env, request, step, seat?.escalated ?? false);
  if (seat === null) {
    // Not the step's approver: the engine's refusal (a sensitive one), saying whose step it is.
    const who = roleName(step.role);
    throw new AccessDenied(actor, 'request.approve', resource, decide(actor, 'request.approve', resource), {
      ja: `この申請の決裁者（${step.unit_name_ja ?? ''}${who.ja}）ではありません。`,
      en: `You are not the approver of this request (${who.en}${step.unit_name_en === null ? '' : ` of ${step.unit_name_en}`}).`,
    });
  }
  const reason = options.overrideReason?.trim() ?? '';
  const override = authorizeDuty(actor, 'request.approve', resource, reason === '' ? undefined : { reason });
  if (options.commentRequired === true && (options.comment === null || options.comment === '')) {
    throw badInput('comment', { ja: '却下の理由を記入してください。', en: 'Give the reason for rejecting.' });
  }
  const grantor = await env.directory.grantorOf(env.tx, seat.grant);
  const people = await env.directory.people(env.tx, grantor === null ? [me] : [me, grantor], env.asOf);
  const decider = people.get(me);
  const onBehalf = grantor === null ? undefined : people.get(grantor);
  const changes = {
    status: decision,
    decision,
    decided_at: env.now,
    decided_by_staff_id: me,
    decided_by_name: decider?.nameKanji ?? actor.loginId,
    decided_by_position: decider?.positionJa ?? null,
    decided_as_role: seat.grant.role,
    decided_via: seat.grant.via,
    on_behalf_of_staff_id: grantor,
    on_behalf_of_name: onBehalf?.nameKanji ?? null,
    comment: options.comment,
    override_reason: override?.reason ?? null,
  };
  await updateStep(env.tx, step.id, changes);
  const ledger: LedgerDraft[] = [
    {
      kind: 'approvals.step.decided',
      subject: subjectOf(request.id),
      payload: {
        refNo: request.ref_no,
        step: step.idx,
        decision,
        seat: { role: step.role, unitId: step.unit_id },
        decidedAs: { role: seat.grant.role, unitId: seat.grant.unitId, escalated: seat.escalated },
        decidedBy: me,
        decidedByName: changes.decided_by_name,
        via: seat.grant.via,
        grantSource: seat.grant.sourceId,
        onBehalfOf: grantor,
        onBehalfOfName: changes.on_behalf_of_name,
        comment: options.comment,
        separationOverridden: override !== null,
      },
    },
  ];
  const notifications: NotificationDraft[] = [];
  if (override !== null) {
    const label = requestLabel(request, def.name);
    ledger.push(override.ledger);
    notifications.push({
      kind: 'separationOverridden',
      recipients: await holdersOfSeat(queueContext(env), 'ciso' satisfies Role, null),
      requestId: request.id,
      title: { ja: `兼務の禁止の例外 ${label.ja}`, en: `Separation of duties overridden ${label.en}` },
      body: {
        ja: `${changes.decided_by_name}さんが自身の申請または作成した申請 ${label.ja} を決裁しました（第3 7(1) やむを得ない場合）。理由: ${override.reason}`,
        en: `${changes.decided_by_name} decided ${label.en}, which they made or prepared (第3 7(1), unavoidable). Reason: ${override.reason}`,
      },
    });
  }
  return {
    steps: steps.map((s) => (s.id === step.id ? { ...s, ...changes } : s)),
    step: { ...step, ...changes },
    via: seat.grant.via,
    onBehalfOf: grantor,
    overridden: override !== null,
    ledger,
    notifications,
  };
};
