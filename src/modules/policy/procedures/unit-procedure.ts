import {
  badInput,
  newId,
  type ApprovalEnv,
  type ApprovalRequestTable,
  type FormValues,
  type LedgerDraft,
  type PreparedDraft,
  type RequestTypeHooks,
  type SubmittedDraft,
} from '../../../kernel/index.js';
import { approvingStepOf } from '../parameters/parameters.repository.js';
import { insertProcedure } from './procedures.repository.js';

/**
 * 第3 3(2): a Security Officer writes the implementing procedure of their bureau or division and asks the Security
 * Director's opinion. A `policy.unitProcedure` request is filed by the unit's Officer (the owning unit is the
 * nearest unit up from the one chosen where the applicant holds that role) and goes to the Director; when the
 * Director approves it, the procedure is recorded as the unit's, with the opinion written on the decision, and a
 * `policy.procedure.recorded` entry. The compliance view counts the units with a procedure recorded this way.
 */

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export const checkUnitProcedure = async (env: ApprovalEnv, draft: SubmittedDraft): Promise<PreparedDraft> => {
  const start = draft.resourceUnitId ?? draft.applicantUnitId;
  for (const unit of await env.directory.unitPath(env.tx, start, env.asOf)) {
    const holders = await env.directory.holders(env.tx, 'securityOfficer', unit.id, env.asOf);
    if (holders.some((h) => h.staffId === draft.applicantStaffId))
      return { form: draft.form, resourceUnitId: unit.id };
  }
  throw badInput('resourceUnitId', {
    ja: '実施手順は、その部局等の情報セキュリティ責任者が提出します（第3 3(2)）。申請者が情報セキュリティ責任者である部局等を選んでください。',
    en: "A unit's implementing procedure is filed by its Security Officer (3-3(2)): choose a bureau or division the applicant is Security Officer of.",
  });
};

export const recordUnitProcedure = async (
  env: ApprovalEnv,
  request: ApprovalRequestTable,
): Promise<readonly LedgerDraft[]> => {
  const form = JSON.parse(request.form_json) as FormValues;
  const unitId = request.resource_unit_id ?? request.applicant_unit_id;
  const opinion = await approvingStepOf(env.tx, request.id);
  const id = newId();
  const row = {
    id,
    unit_id: unitId,
    title: text(form['procedureTitle']),
    version_label: text(form['version']),
    summary: text(form['summary']),
    effective_on: text(form['effectiveOn']),
    request_id: request.id,
    request_ref_no: request.ref_no,
    filed_by_staff_id: request.applicant_staff_id,
    filed_by_name: request.applicant_name,
    opinion_by_staff_id: opinion?.decided_by_staff_id ?? null,
    opinion_by_name: opinion?.decided_by_name ?? null,
    opinion: opinion?.comment ?? null,
    recorded_at: env.now,
  };
  await insertProcedure(env.tx, row);
  return [
    {
      kind: 'policy.procedure.recorded',
      subject: `unitProcedure:${id}`,
      payload: {
        clauseId: '3.3.2',
        unit: `unit:${unitId}`,
        title: row.title,
        version: row.version_label,
        effectiveOn: row.effective_on,
        request: request.ref_no,
        filedBy: `staff:${request.applicant_staff_id}`,
        opinionBy: row.opinion_by_staff_id === null ? null : `staff:${row.opinion_by_staff_id}`,
        opinionVia: opinion?.decided_via ?? null,
      },
    },
  ];
};

export const unitProcedureHooks: RequestTypeHooks = {
  beforeRoute: checkUnitProcedure,
  onApproved: recordUnitProcedure,
};
