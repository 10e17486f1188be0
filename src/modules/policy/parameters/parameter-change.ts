import {
  AppError,
  badInput,
  effectiveParameters,
  formatParameterValue,
  newId,
  parseParameterValue,
  shippedPolicyPack,
  type ApprovalEnv,
  type ApprovalRequestTable,
  type EffectiveParameter,
  type FormValues,
  type LedgerDraft,
  type ParameterValue,
  type PreparedDraft,
  type RequestTypeHooks,
  type SubmittedDraft,
} from '../../../kernel/index.js';
import {
  approvingStepOf,
  insertParameterVersion,
  latestVersionOf,
  pendingChangeRequests,
} from './parameters.repository.js';

/**
 * A parameter of the policy pack changes only by a `policy.change` request the IT Steering Committee approves
 * (第3 6(2): the committee decides the important matters of security; 第9 3: it reviews the policy). At
 * submission the value is read and checked against the parameter's type, range, options and its relations with
 * the other parameters in force, so the committee is asked only about a value Mamori can apply; on approval it is
 * checked again (another change may have been approved meanwhile) and stored as the next version, with who asked,
 * who approved, when, the old and the new value, and a `policy.parameter.changed` entry on the parameter.
 */

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const same = (a: ParameterValue, b: ParameterValue): boolean => JSON.stringify(a) === JSON.stringify(b);

const parameterOf = (inForce: ReadonlyMap<string, EffectiveParameter>, key: string): EffectiveParameter => {
  const found = inForce.get(key);
  if (found !== undefined) return found;
  throw badInput('form.parameterKey', {
    ja: `パラメータ「${key}」はポリシーパックにありません。「ポリシーのパラメータ」画面でキーを確かめてください。`,
    en: `The policy pack has no parameter "${key}". Check its key on the policy parameters page.`,
  });
};

/** The typed value, or a validation error naming `form.newValue` with the parameter and the reason. */
const valueOf = (
  inForce: ReadonlyMap<string, EffectiveParameter>,
  p: EffectiveParameter,
  typed: string,
): ParameterValue => {
  const parsed = parseParameterValue(p.parameter.key, typed, inForce);
  if (parsed.ok) return parsed.value;
  throw badInput('form.newValue', {
    ja: `「${p.parameter.labelJa}」の新しい値として使えません: ${parsed.reason.ja}`,
    en: `Not a usable value for "${p.parameter.labelEn}": ${parsed.reason.en}`,
  });
};

export const checkParameterChange = async (env: ApprovalEnv, draft: SubmittedDraft): Promise<PreparedDraft> => {
  const key = text(draft.form['parameterKey']).normalize('NFKC').trim();
  const inForce = await effectiveParameters(env.tx, shippedPolicyPack());
  const p = parameterOf(inForce, key);
  const value = valueOf(inForce, p, text(draft.form['newValue']));
  if (same(value, p.value))
    throw badInput('form.newValue', {
      ja: `「${p.parameter.labelJa}」は既に ${formatParameterValue(p.value)} です。`,
      en: `"${p.parameter.labelEn}" is already ${formatParameterValue(p.value)}.`,
    });
  const pending = (await pendingChangeRequests(env.tx)).find((r) => r.title === key);
  if (pending !== undefined)
    throw new AppError(
      'conflict',
      {
        ja: `「${p.parameter.labelJa}」の変更申請（${pending.ref_no}）が審議中です。決裁を待つか、取り下げてから申請してください。`,
        en: `A change of "${p.parameter.labelEn}" (${pending.ref_no}) is before the committee: wait for its decision or withdraw it first.`,
      },
      {
        issues: [
          {
            field: 'form.parameterKey',
            message: { ja: `審議中の申請があります（${pending.ref_no}）。`, en: `${pending.ref_no} is pending.` },
          },
        ],
      },
    );
  const form: FormValues = {
    ...draft.form,
    parameterKey: key,
    newValue: formatParameterValue(value),
    currentValue: formatParameterValue(p.value),
  };
  return { form, resourceUnitId: draft.resourceUnitId };
};

export const applyParameterChange = async (
  env: ApprovalEnv,
  request: ApprovalRequestTable,
): Promise<readonly LedgerDraft[]> => {
  const form = JSON.parse(request.form_json) as FormValues;
  const pack = shippedPolicyPack();
  const key = text(form['parameterKey']);
  const inForce = await effectiveParameters(env.tx, pack);
  let value: ParameterValue;
  try {
    value = valueOf(inForce, parameterOf(inForce, key), text(form['newValue']));
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    // What held at submission no longer does (another change was approved since): nothing is applied.
    throw new AppError(
      'conflict',
      {
        ja: `承認の時点では適用できません: ${e.userMessage.ja} 却下して、改めて申請してください。`,
        en: `This cannot be applied now: ${e.userMessage.en} Reject it and request again.`,
      },
      { issues: e.issues },
    );
  }
  const p = parameterOf(inForce, key);
  const version = (await latestVersionOf(env.tx, pack.manifest.name, key)) + 1;
  const approver = await approvingStepOf(env.tx, request.id);
  const id = newId();
  await insertParameterVersion(env.tx, {
    id,
    pack_name: pack.manifest.name,
    parameter_key: key,
    version,
    value_json: JSON.stringify(value),
    previous_json: JSON.stringify(p.value),
    reason: text(form['reason']),
    request_id: request.id,
    request_ref_no: request.ref_no,
    requested_by_staff_id: request.applicant_staff_id,
    requested_by_name: request.applicant_name,
    approved_by_staff_id: approver?.decided_by_staff_id ?? null,
    approved_by_name: approver?.decided_by_name ?? null,
    applied_at: env.now,
  });
  return [
    {
      kind: 'policy.parameter.changed',
      subject: `policyParameter:${key}`,
      payload: {
        pack: pack.manifest.name,
        key,
        clauseId: p.clauseId,
        version,
        from: p.value,
        to: value,
        reason: text(form['reason']),
        request: request.ref_no,
        requestedBy: `staff:${request.applicant_staff_id}`,
        approvedBy: approver?.decided_by_staff_id == null ? null : `staff:${approver.decided_by_staff_id}`,
        versionId: id,
      },
    },
  ];
};

export const parameterChangeHooks: RequestTypeHooks = {
  beforeRoute: checkParameterChange,
  onApproved: applyParameterChange,
};
