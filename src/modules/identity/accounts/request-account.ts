import {
  badInput,
  type AccountTable,
  type ApprovalEnv,
  type Db,
  type DirectoryPerson,
  type FormValues,
} from '../../../kernel/index.js';
import { findAccountByLoginId } from '../accounts.repository.js';
import { ADMIN_LOGIN_ID } from '../bootstrap-administrator.js';

/** What requests about an ID (7-2(1)イ(イ), 7-2(1)ウ(イ)) share: the ID named by its login ID, and who may ask. */

export const loginIdOf = (form: FormValues): string => {
  const v = form['loginId'];
  return typeof v === 'string' ? v.normalize('NFKC').trim().toLowerCase() : '';
};

export interface RequestedAccount {
  readonly account: AccountTable;
  /** The person the ID belongs to (its holder, or a development ID's owner), when there is one. */
  readonly holder: DirectoryPerson | null;
  /** The unit the ID belongs to: its scope, else its holder's unit. */
  readonly unitId: string | null;
}

/**
 * The ID a request names, if the applicant may ask about it: their own, one of their unit, or one of a unit the
 * person filing holds a role for (the Director and the CISO for any). The same answer for an ID that does not
 * exist and one the applicant may not ask about, so the form cannot be used to find out which IDs exist. The
 * break-glass administrator is never changed by a request.
 */
export const requestedAccount = async (
  env: ApprovalEnv,
  applicant: { readonly staffId: string; readonly unitId: string },
  loginId: string,
): Promise<RequestedAccount> => {
  const refused = badInput('form.loginId', {
    ja: `ID「${loginId}」について申請できません。ご自身のID、または所属部署の職員等のIDを指定してください。`,
    en: `You cannot file this about "${loginId}": name your own ID or one of your unit.`,
  });
  const account = loginId === ADMIN_LOGIN_ID ? undefined : await findAccountByLoginId(env.tx, loginId);
  if (account === undefined) throw refused;
  const personId = account.staff_id ?? account.owner_staff_id;
  const holder =
    personId === null
      ? null
      : ((await env.directory.people(env.tx, [personId], env.asOf)).get(personId) ?? null);
  const unitId = account.scoped_unit_id ?? holder?.unitId ?? null;
  if (account.staff_id === applicant.staffId || unitId === applicant.unitId)
    return { account, holder, unitId };
  const path =
    unitId === null ? [] : (await env.directory.unitPath(env.tx, unitId, env.asOf)).map((u) => u.id);
  const covers = env.actor.grants.some((g) =>
    g.unitId === null ? g.role === 'ciso' || g.role === 'securityDirector' : path.includes(g.unitId),
  );
  if (!covers) throw refused;
  return { account, holder, unitId };
};

/** A request of this type about this ID that waits for a decision (its title is the login ID). */
export const pendingRequestAbout = (db: Db, typeId: string, loginId: string) =>
  db
    .selectFrom('approval_requests')
    .select(['id', 'ref_no'])
    .where('type_id', '=', typeId)
    .where('status', '=', 'submitted')
    .where('title', '=', loginId)
    .executeTakeFirst();
