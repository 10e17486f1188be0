import type { ApprovalRequestTable, ApprovalStepTable } from '../db/index.js';
import { newId } from '../ids.js';
import type { LedgerDraft } from '../ledger/index.js';
import { activateNext, subjectOf, type Advanced, type Env } from './advance.js';
import { insertSteps, updateRequest } from './approvals.repository.js';
import { parseForm, type FormValues } from './form-schema.js';
import { endOfDay } from './helpers.js';
import { classificationOf, titleOf } from './new-request.js';
import type { NotificationDraft } from './notify.js';
import type { RequestTypeDefinition } from './request-type.js';
import { resolveRoute } from './route.js';

export interface Routed {
  readonly status: Advanced['status'];
  readonly ledger: LedgerDraft[];
  readonly notifications: NotificationDraft[];
}

/**
 * Checks the whole form, fixes the route (each step's approver seat, or why it is skipped), and activates the
 * first step. A type's date field (the day of the carry-out, the transport…) sets when an undecided request
 * expires. `kind` names the ledger entry: a prior request is submitted; an emergency exception is reported.
 */
export const routeRequest = async (
  env: Env,
  timeZone: string,
  request: ApprovalRequestTable,
  def: RequestTypeDefinition,
  kind: 'approvals.request.submitted' | 'approvals.request.reported',
): Promise<Routed> => {
  let form: FormValues = parseForm(def, JSON.parse(request.form_json) as unknown, true);
  let resourceUnitId = request.resource_unit_id;
  // The module of the record the request is about checks it and takes its values from the record.
  const beforeRoute = env.hooks[def.id]?.beforeRoute;
  if (beforeRoute !== undefined) {
    const prepared = await beforeRoute(env, {
      typeId: def.id,
      form,
      resourceRef: request.resource_ref,
      resourceUnitId,
      applicantStaffId: request.applicant_staff_id,
      applicantUnitId: request.applicant_unit_id,
    });
    form = parseForm(def, prepared.form, true);
    resourceUnitId = prepared.resourceUnitId;
  }
  const classification = classificationOf(def, form);
  const resolved = await resolveRoute(env.tx, env.directory, {
    def,
    form,
    classification,
    applicantUnitId: request.applicant_unit_id,
    resourceUnitId,
    asOf: env.asOf,
  });
  const steps: ApprovalStepTable[] = resolved.map((s) => ({
    id: newId(),
    request_id: request.id,
    idx: s.idx,
    role: s.role,
    unit_id: s.unit?.id ?? null,
    unit_name_ja: s.unit?.nameJa ?? null,
    unit_name_en: s.unit?.nameEn ?? null,
    status: s.skipReason === null ? 'waiting' : 'skipped',
    skip_reason: s.skipReason,
    activated_at: null,
    reminded_at: null,
    reminder_count: 0,
    escalated_role: null,
    escalated_unit_id: null,
    escalated_unit_name_ja: null,
    escalated_unit_name_en: null,
    escalated_at: null,
    escalation_reason: null,
    decided_at: null,
    decision: null,
    decided_by_staff_id: null,
    decided_by_name: null,
    decided_by_position: null,
    decided_as_role: null,
    decided_via: null,
    on_behalf_of_staff_id: null,
    on_behalf_of_name: null,
    comment: null,
    override_reason: null,
  }));
  await insertSteps(env.tx, steps);
  const expiresOn = def.expiresWithField === undefined ? null : form[def.expiresWithField];
  const changes = {
    form_json: JSON.stringify(form),
    title: titleOf(def, form),
    classification,
    resource_unit_id: resourceUnitId,
    submitted_at: request.submitted_at ?? env.now,
    expires_at: typeof expiresOn === 'string' && def.mode === 'prior' ? endOfDay(expiresOn, timeZone) : null,
    ...(kind === 'approvals.request.reported' ? { reported_at: env.now } : {}),
    updated_at: env.now,
  };
  await updateRequest(env.tx, request.id, changes);
  const updated = { ...request, ...changes };
  const advanced = await activateNext(env, updated, steps, -1, def.name);
  return {
    status: advanced.status,
    ledger: [
      {
        kind,
        subject: subjectOf(request.id),
        payload: {
          refNo: request.ref_no,
          typeId: def.id,
          title: updated.title,
          applicant: request.applicant_staff_id,
          preparer: request.preparer_staff_id,
          classification,
          form,
          route: resolved.map((s) => ({
            step: s.idx,
            role: s.role,
            unitId: s.unit?.id ?? null,
            skipped: s.skipReason,
          })),
          expiresAt: changes.expires_at,
          late:
            kind === 'approvals.request.reported' &&
            request.report_due_at !== null &&
            env.now > request.report_due_at,
        },
      },
      ...advanced.ledger,
    ],
    notifications: advanced.notifications,
  };
};
