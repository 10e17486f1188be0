import {
  AppError,
  type ApprovalEnv,
  type ApprovalHooks,
  type ApprovalRequestTable,
  type FormValues,
  type LedgerDraft,
  type PreparedDraft,
  type SubmittedDraft,
} from '../../kernel/index.js';
import { fieldError } from './asset-access.js';
import {
  assetSubject,
  logHandling,
  propagateClassification,
  refreshMediaClassification,
} from './asset-effects.js';
import { findAsset, updateAsset } from './assets.repository.js';
import { classNames, isClassIIOrAbove, toClassification } from './assets.schema.js';
import { approverOf } from './handlings.repository.js';
import { loadSubject, parseRef, type Subject } from './subjects.js';

/**
 * How the assets module takes part in the approvals engine (the engine's `ApprovalHooks` port). A request about a
 * register record (`resourceRef` asset:… or medium:…) takes the record's name, classification and owning unit,
 * so the route follows the register and not what was typed; the protections the standard requires for class II
 * and above are checked before anyone is asked. When the Security Manager approves, the handling it permits
 * enters the handling log, or the ruling becomes the asset's classification, in the same transaction.
 */

const unitPath = async (env: ApprovalEnv, unitId: string): Promise<string[]> =>
  (await env.directory.unitPath(env.tx, unitId, env.asOf)).map((u) => u.id);

/** The register record a request names, if the reader may see it; `null` when the request names none. */
const subjectOf = async (env: ApprovalEnv, resourceRef: string | null): Promise<Subject | null> => {
  if (resourceRef === null) return null;
  const ref = parseRef(resourceRef);
  if (ref === null)
    throw fieldError('resourceRef', '情報資産・記録媒体以外は指定できません。', 'Name an asset or a medium.');
  return loadSubject(env.tx, env.actor, (unitId) => unitPath(env, unitId), ref, 'resourceRef');
};

/** The form takes the record's name and classification; a lower class typed by the applicant is refused. */
const fromRecord = (draft: SubmittedDraft, subject: Subject | null): PreparedDraft => {
  if (subject === null) return { form: draft.form, resourceUnitId: draft.resourceUnitId };
  const typed = toClassification(draft.form['classification']);
  if (typed !== null && typed !== subject.classification)
    throw fieldError(
      'form.classification',
      `登録簿の分類（${classNames[subject.classification as 1]}）と異なります。情報資産はその分類に基づき扱います（第4 2(1)イ、2(4)イ）。`,
      `The register says class ${classNames[subject.classification as 1]}; assets are handled under their classification (4-2(1)イ, 2(4)イ).`,
    );
  return {
    form: { ...draft.form, assetName: subject.name, classification: subject.classification },
    resourceUnitId: subject.unitId,
  };
};

const classOf = (form: FormValues): number => toClassification(form['classification']) ?? 4;

const checkProtection = (
  form: FormValues,
  allowed: readonly string[],
  clause: 'transport' | 'provision',
): void => {
  if (!isClassIIOrAbove(classOf(form))) return;
  const value = form['protection'];
  if (typeof value === 'string' && allowed.includes(value)) return;
  throw clause === 'transport'
    ? fieldError(
        'form.protection',
        '重要性分類II以上の運搬には、鍵付きケース・暗号化・パスワードのいずれかの措置が必要です（第4 2(6)イ）。',
        'Transporting class II or above needs a locked case, encryption or a password (4-2(6)イ).',
      )
    : fieldError(
        'form.protection',
        '重要性分類II以上の外部提供には、暗号化またはパスワードの設定が必要です（第4 2(7)イ）。',
        'Providing class II or above outside needs encryption or a password (4-2(7)イ).',
      );
};

/** The request's form as stored. */
const formOf = (request: ApprovalRequestTable): FormValues => JSON.parse(request.form_json) as FormValues;
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** An approved transport, provision or disposal: the permitted handling enters the log, to be carried out. */
const permitHandling =
  (kind: 'transport' | 'provision' | 'disposal') =>
  async (env: ApprovalEnv, request: ApprovalRequestTable): Promise<readonly LedgerDraft[]> => {
    const form = formOf(request);
    const ref = parseRef(request.resource_ref);
    const handling = await logHandling(env.tx, {
      kind,
      status: 'approved',
      assetId: ref?.kind === 'asset' ? ref.id : null,
      mediumId: ref?.kind === 'medium' ? ref.id : null,
      subjectName: text(form['assetName']) ?? request.title,
      unitId: request.resource_unit_id ?? request.applicant_unit_id,
      classification: request.classification,
      requestId: request.id,
      requestRefNo: request.ref_no,
      applicantStaffId: request.applicant_staff_id,
      performedByStaffId: request.applicant_staff_id,
      performedByName: request.applicant_name,
      origin: text(form['origin']),
      destination: text(form['destination']),
      counterparty: text(form['recipient']),
      protection: text(form['protection']),
      plannedOn: text(form['transportDate']) ?? text(form['provisionDate']) ?? text(form['disposalDate']),
      now: env.now,
      detail:
        kind === 'disposal'
          ? { method: form['method'], reason: form['reason'] }
          : { purpose: form['purpose'] },
    });
    return [handling.entry];
  };

/** 4-2(3)ウ: the Manager's approval rules that the asset is of the proposed class. */
const applyRuling = async (
  env: ApprovalEnv,
  request: ApprovalRequestTable,
): Promise<readonly LedgerDraft[]> => {
  const [, assetId = ''] = (request.resource_ref ?? '').split(':');
  const asset = await findAsset(env.tx, assetId);
  const level = toClassification(formOf(request)['classification']);
  if (asset === undefined || level === null || asset.classification_basis !== 'provisional') return [];
  if (asset.status !== 'active' && asset.status !== 'draft') return [];
  const approver = await approverOf(env.tx, request.id);
  await updateAsset(env.tx, asset.id, {
    classification: level,
    classification_basis: 'ruling',
    classified_by_staff_id: approver?.decided_by_staff_id ?? null,
    classified_at: env.now,
    updated_at: env.now,
  });
  const handling = await logHandling(env.tx, {
    kind: 'classificationRuled',
    status: 'done',
    assetId: asset.id,
    mediumId: asset.medium_id,
    subjectName: asset.name,
    unitId: asset.owning_unit_id,
    classification: level,
    requestId: request.id,
    requestRefNo: request.ref_no,
    applicantStaffId: request.applicant_staff_id,
    performedByStaffId: approver?.decided_by_staff_id ?? null,
    performedByName: approver?.decided_by_name ?? null,
    now: env.now,
    detail: { from: asset.classification, to: level },
  });
  const inherited = await propagateClassification(env.tx, asset, level, env.now);
  return [
    {
      kind: 'assets.asset.classificationRuled',
      subject: assetSubject(asset.id),
      payload: {
        code: asset.code,
        from: asset.classification,
        to: level,
        request: request.ref_no,
        clause: '4.2.3.c',
      },
    },
    handling.entry,
    ...inherited.ledger,
    ...(await refreshMediaClassification(env.tx, [asset.medium_id, ...inherited.mediumIds], env.now)),
  ];
};

export const assetApprovalHooks: ApprovalHooks = {
  'assets.classificationRuling': {
    beforeRoute: async (env, draft) => {
      const subject = await subjectOf(env, draft.resourceRef);
      if (subject?.kind !== 'asset')
        throw fieldError(
          'resourceRef',
          '判断を仰ぐ情報資産を指定してください。',
          'Name the asset to rule on.',
        );
      const asset = await findAsset(env.tx, subject.id);
      if (asset?.classification_basis !== 'provisional')
        throw new AppError('conflict', {
          ja: 'この情報資産の分類は判断済みです。',
          en: 'This asset’s classification has already been settled.',
        });
      return { form: { ...draft.form, assetName: subject.name }, resourceUnitId: draft.resourceUnitId };
    },
    onApproved: applyRuling,
  },
  'assets.transport': {
    beforeRoute: async (env, draft) => {
      const prepared = fromRecord(draft, await subjectOf(env, draft.resourceRef));
      checkProtection(prepared.form, ['lockedCase', 'encrypted', 'password'], 'transport');
      return prepared;
    },
    onApproved: permitHandling('transport'),
  },
  'assets.provision': {
    beforeRoute: async (env, draft) => {
      const prepared = fromRecord(draft, await subjectOf(env, draft.resourceRef));
      checkProtection(prepared.form, ['encrypted', 'password'], 'provision');
      return prepared;
    },
    onApproved: permitHandling('provision'),
  },
  'assets.disposal': {
    beforeRoute: async (env, draft) => {
      const prepared = fromRecord(draft, await subjectOf(env, draft.resourceRef));
      if (isClassIIOrAbove(classOf(prepared.form)) && prepared.form['method'] === 'delete')
        throw fieldError(
          'form.method',
          '重要性分類II以上の情報は、初期化・上書き消去・破壊など復元できない方法で廃棄してください（第4 2(8)イ）。',
          'Class II or above is disposed of so that nothing can be recovered: erase, overwrite or destroy it (4-2(8)イ).',
        );
      return prepared;
    },
    onApproved: permitHandling('disposal'),
  },
};
