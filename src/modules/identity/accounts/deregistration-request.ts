import {
  AppError,
  type ApprovalEnv,
  type ApprovalRequestTable,
  type FormValues,
  type LedgerDraft,
  type PreparedDraft,
  type RequestTypeHooks,
  type SubmittedDraft,
} from '../../../kernel/index.js';
import { findAccountByLoginId } from '../accounts.repository.js';
import { disableAccount } from '../lifecycle/account-changes.js';
import { loginIdOf, pendingRequestAbout, requestedAccount } from './request-account.js';

/**
 * 第7 2(1)イ(イ): staff report a registration they no longer need to the Security Manager of the unit that owns it
 * (an `identity.deregistration` request). The ID is checked at submission (it exists, the applicant may report it,
 * it is still enabled, no report about it is waiting) and the request goes to the Manager of the ID's unit; when
 * the Manager approves, the ID is disabled as an administrator disables one (its sessions end, an
 * `identity.accountDisabled` entry), with the reason `deregistered` and the request's number.
 */

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export const checkDeregistration = async (
  env: ApprovalEnv,
  draft: SubmittedDraft,
): Promise<PreparedDraft> => {
  const loginId = loginIdOf(draft.form);
  const { account, unitId } = await requestedAccount(
    env,
    { staffId: draft.applicantStaffId, unitId: draft.applicantUnitId },
    loginId,
  );
  if (account.disabled_at !== null)
    throw new AppError('conflict', {
      ja: `ID「${loginId}」は既に無効です。抹消の報告は要りません。`,
      en: `"${loginId}" is already disabled: there is nothing to report.`,
    });
  const pending = await pendingRequestAbout(env.tx, 'identity.deregistration', loginId);
  if (pending !== undefined)
    throw new AppError('conflict', {
      ja: `ID「${loginId}」の抹消は既に報告されています（${pending.ref_no}）。`,
      en: `The removal of "${loginId}" has already been reported (${pending.ref_no}).`,
    });
  const typed = text(draft.form['systemName']).trim();
  const form: FormValues = {
    ...draft.form,
    loginId,
    systemName: typed !== '' ? typed : (account.system_name ?? ''),
  };
  // The Manager of the unit the ID belongs to decides, whatever unit was chosen on the form.
  return { form, resourceUnitId: unitId ?? draft.resourceUnitId };
};

export const applyDeregistration = async (
  env: ApprovalEnv,
  request: ApprovalRequestTable,
): Promise<readonly LedgerDraft[]> => {
  const form = JSON.parse(request.form_json) as FormValues;
  const account = await findAccountByLoginId(env.tx, loginIdOf(form));
  // Disabled since (the lifecycle, an administrator): the approval stands and nothing more is done.
  if (account === undefined) return [];
  return disableAccount(env.tx, account, 'deregistered', env.now, {
    note: text(form['reason']),
    systemName: text(form['systemName']),
    request: request.ref_no,
    clauseId: '7.2.1.b.b',
  });
};

export const deregistrationHooks: RequestTypeHooks = {
  beforeRoute: checkDeregistration,
  onApproved: applyDeregistration,
};
