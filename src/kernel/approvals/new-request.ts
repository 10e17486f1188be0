import { z } from 'zod';
import type { Actor } from '../access/index.js';
import { newRequestResource } from './decision-resource.js';
import type { ApprovalRequestTable } from '../db/index.js';
import { newId } from '../ids.js';
import type { Env } from './advance.js';
import { nextRefNo } from './approvals.repository.js';
import { parseForm, type FormValues } from './form-schema.js';
import { badInput, onlyParties, requireOnRequest, requireStaff } from './helpers.js';
import type { RequestTypeDefinition } from './request-type.js';

/** What the applicant (or whoever prepares it for them) fills in. */
export const requestDraftInput = z.strictObject({
  typeId: z.string().min(1).max(60),
  form: z.record(z.string(), z.unknown()).default({}),
  /** The unit that owns the asset or system (types that ask for it); the applicant's unit by default. */
  resourceUnitId: z.string().min(1).max(64).nullish(),
  /** The record the request is about, e.g. `asset:…`, when a module files it. */
  resourceRef: z
    .string()
    .regex(/^[a-zA-Z]+:[A-Za-z0-9._-]+$/)
    .max(120)
    .nullish(),
  /** Preparing the request for someone else (第3 7(1): the preparer may not approve it either). */
  applicantStaffId: z.string().min(1).max(64).nullish(),
});
export type RequestDraftInput = z.output<typeof requestDraftInput>;

export const classificationOf = (def: RequestTypeDefinition, form: FormValues): number | null => {
  const v = def.classificationField === undefined ? null : form[def.classificationField];
  return typeof v === 'number' ? v : null;
};

export const titleOf = (def: RequestTypeDefinition, form: FormValues): string => {
  const v = form[def.titleField];
  const field = def.form.find((f) => f.key === def.titleField);
  const option = field?.options?.find((o) => o.value === v);
  if (option !== undefined) return option.label.ja;
  return typeof v === 'string' && v !== '' ? v : def.name.ja;
};

/**
 * The row of a new request: who applies (the actor, or the staff member they prepare it for), their unit, the
 * unit that owns the subject, and the form checked as a draft (or in full when `complete`).
 */
export const buildRequestRow = async (
  env: Env,
  actor: Actor,
  def: RequestTypeDefinition,
  input: RequestDraftInput,
  options: { complete: boolean; status: string },
): Promise<ApprovalRequestTable> => {
  const actorStaffId = requireStaff(actor);
  const applicantId = input.applicantStaffId ?? actorStaffId;
  const people = await env.directory.people(env.tx, [applicantId, actorStaffId], env.asOf);
  const applicant = people.get(applicantId);
  if (applicant === undefined || !applicant.active) {
    throw badInput('applicantStaffId', {
      ja: '申請者が在職中の職員として見つかりません。',
      en: 'The applicant is not a current staff member.',
    });
  }
  const preparing = applicantId !== actorStaffId;
  if (preparing) {
    const mayPrepare =
      actor.unitId === applicant.unitId || actor.grants.some((g) => g.unitId === applicant.unitId);
    if (!mayPrepare) {
      throw badInput('applicantStaffId', {
        ja: '同じ部署の職員の申請だけを代わりに作成できます。',
        en: 'You may prepare requests only for staff of your own unit.',
      });
    }
  }
  const applicantPath = await env.directory.unitPath(env.tx, applicant.unitId, env.asOf);
  const unit = applicantPath[0];
  if (unit === undefined) {
    throw badInput('applicantStaffId', {
      ja: '申請者の所属部署が見つかりません。',
      en: "The applicant's unit was not found.",
    });
  }
  let resourceUnitId: string | null = null;
  if (def.asksOwnerUnit) {
    resourceUnitId = input.resourceUnitId ?? unit.id;
    if ((await env.directory.unitPath(env.tx, resourceUnitId, env.asOf)).length === 0) {
      throw badInput('resourceUnitId', {
        ja: '所管部署が見つかりません。',
        en: 'The owning unit was not found.',
      });
    }
  }
  const form = parseForm(def, input.form, options.complete);
  const preparer = preparing ? people.get(actorStaffId) : undefined;
  const row: ApprovalRequestTable = {
    id: newId(),
    ref_no: await nextRefNo(env.tx, Number(env.asOf.slice(0, 4))),
    type_id: def.id,
    mode: def.mode,
    status: options.status,
    title: titleOf(def, form),
    applicant_staff_id: applicant.id,
    applicant_name: applicant.nameKanji,
    applicant_unit_id: unit.id,
    applicant_unit_name_ja: unit.nameJa,
    applicant_unit_name_en: unit.nameEn,
    preparer_staff_id: preparing ? actorStaffId : null,
    preparer_name: preparer?.nameKanji ?? null,
    resource_unit_id: resourceUnitId,
    resource_ref: input.resourceRef ?? null,
    classification: classificationOf(def, form),
    form_json: JSON.stringify(form),
    current_step: null,
    created_at: env.now,
    updated_at: env.now,
    submitted_at: null,
    decided_at: null,
    expires_at: null,
    carried_out_at: null,
    report_due_at: null,
    reported_at: null,
    closed_reason: null,
  };
  // The access kernel decides `request.submit` on the new request: its applicant, or whoever prepares it.
  requireOnRequest(
    actor,
    'request.submit',
    newRequestResource(
      row,
      applicantPath.map((u) => u.id),
    ),
    onlyParties,
  );
  return row;
};
