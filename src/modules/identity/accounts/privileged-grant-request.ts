import {
  actorRef,
  AppError,
  badInput,
  parameterNumber,
  type ApprovalEnv,
  type ApprovalRequestTable,
  type FormValues,
  type LedgerDraft,
  type PreparedDraft,
  type RequestTypeHooks,
  type SubmittedDraft,
} from '../../../kernel/index.js';
import { findAccountByLoginId } from '../accounts.repository.js';
import { refuseContractor } from '../privileged-guard.js';
import { changePrivilege } from './privilege-change.js';
import {
  loginIdOf,
  pendingRequestAbout,
  requestedAccount,
  type RequestedAccount,
} from './request-account.js';

/**
 * 第7 2(1)ウ(イ): only people the Security Manager (or the Security Director) allowed use a privileged ID. An
 * `identity.privilegedGrant` request names the ID, the system, why and until when, and goes to the Manager of the
 * unit owning the system. At submission: a contractor neither asks nor is made privileged (7-2(1)ウ(ウ)), the end
 * date has not passed, and the system stays within the pack's limit of holders (7-2(1)ウ(ア), the value in force).
 * On approval the ID becomes privileged as on the ID screens (its sessions end; the approver is recorded as who
 * allowed it, with the end date and the request), and the lifecycle job takes the privilege away after that day.
 */

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** 7-2(1)ウ(ウ): an ID whose holder (or owner) is a contractor is never privileged. */
const refuseContractorHolder = (requested: RequestedAccount): void => {
  if (requested.holder?.category !== 'contractor') return;
  throw badInput('form.loginId', {
    ja: `ID「${requested.account.login_id}」は委託事業者のIDのため、特権IDにできません（第7 2(1)ウ(ウ)）。`,
    en: `"${requested.account.login_id}" belongs to a contractor and can never be made privileged (7-2(1)ウ(ウ)).`,
  });
};

/** Enabled privileged IDs of a system other than this one (the report's grouping: by system name). */
const holdersOf = async (env: ApprovalEnv, systemName: string, except: string): Promise<number> => {
  const row = await env.tx
    .selectFrom('accounts')
    .select(env.tx.fn.countAll<number>().as('n'))
    .where('privileged', '=', 1)
    .where('disabled_at', 'is', null)
    .where('system_name', '=', systemName)
    .where('id', '!=', except)
    .executeTakeFirstOrThrow();
  return row.n;
};

export const checkPrivilegedGrant = async (
  env: ApprovalEnv,
  draft: SubmittedDraft,
): Promise<PreparedDraft> => {
  refuseContractor(env.actor);
  const people = await env.directory.people(env.tx, [draft.applicantStaffId], env.asOf);
  if (people.get(draft.applicantStaffId)?.category === 'contractor')
    throw badInput('applicantStaffId', {
      ja: '委託事業者は特権IDの利用を申請できません（第7 2(1)ウ(ウ)）。',
      en: 'A contractor cannot ask for a privileged ID (7-2(1)ウ(ウ)).',
    });
  const loginId = loginIdOf(draft.form);
  const requested = await requestedAccount(
    env,
    { staffId: draft.applicantStaffId, unitId: draft.applicantUnitId },
    loginId,
  );
  refuseContractorHolder(requested);
  const { account } = requested;
  if (account.disabled_at !== null)
    throw badInput('form.loginId', {
      ja: `ID「${loginId}」は無効です。`,
      en: `"${loginId}" is disabled.`,
    });
  const until = text(draft.form['until']);
  if (until < env.asOf)
    throw badInput('form.until', {
      ja: '利用期限が過ぎています。今日以降の日付にしてください。',
      en: 'The end date has passed: give today or a later day.',
    });
  const systemName = text(draft.form['systemName']);
  const limit = await parameterNumber(env.tx, 'identity.privilegedMaxHolders', 3);
  const held = await holdersOf(env, systemName, account.id);
  if (held >= limit)
    throw badInput('form.systemName', {
      ja: `「${systemName}」の特権IDの利用者は既に上限の${String(limit)}人です（第7 2(1)ウ(ア)）。`,
      en: `"${systemName}" already has its limit of ${String(limit)} privileged users (7-2(1)ウ(ア)).`,
    });
  const pending = await pendingRequestAbout(env.tx, 'identity.privilegedGrant', loginId);
  if (pending !== undefined)
    throw new AppError('conflict', {
      ja: `ID「${loginId}」の特権IDの利用は既に申請されています（${pending.ref_no}）。`,
      en: `A privileged use of "${loginId}" has already been requested (${pending.ref_no}).`,
    });
  return { form: { ...draft.form, loginId, systemName }, resourceUnitId: draft.resourceUnitId };
};

export const applyPrivilegedGrant = async (
  env: ApprovalEnv,
  request: ApprovalRequestTable,
): Promise<readonly LedgerDraft[]> => {
  refuseContractor(env.actor);
  const form = JSON.parse(request.form_json) as FormValues;
  const account = await findAccountByLoginId(env.tx, loginIdOf(form));
  if (account === undefined || account.disabled_at !== null)
    throw new AppError('conflict', {
      ja: 'このIDは無効になったため、特権を付与できません。却下してください。',
      en: 'This ID has been disabled since, so it cannot be made privileged: reject the request.',
    });
  const personId = account.staff_id ?? account.owner_staff_id;
  const holder =
    personId === null
      ? null
      : ((await env.directory.people(env.tx, [personId], env.asOf)).get(personId) ?? null);
  refuseContractorHolder({ account, holder, unitId: null });
  return changePrivilege(
    env.tx,
    account,
    {
      privileged: true,
      systemName: text(form['systemName']),
      reason: text(form['purpose']),
      grantedBy: actorRef(env.actor),
      until: text(form['until']),
      request: { id: request.id, refNo: request.ref_no },
    },
    env.now,
  );
};

export const privilegedGrantHooks: RequestTypeHooks = {
  beforeRoute: checkPrivilegedGrant,
  onApproved: applyPrivilegedGrant,
};
