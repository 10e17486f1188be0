import type { AccountTable, Db } from '../../kernel/index.js';
import { findStaffById } from '../org/index.js';
import { classOf, type PasswordProfile } from './password-profiles.js';
import type { PasswordOwner } from './password-rules.js';
import { loadIdentitySettings } from './settings.repository.js';

type Required = Pick<AccountTable, 'id' | 'login_id' | 'password_hash' | 'created_at'>;

/** A new account row: personal, local, standard class, unless the caller says otherwise. */
export const accountRow = (fields: Required & Partial<AccountTable>): AccountTable => ({
  staff_id: null,
  system_role: null,
  must_change_password: 1,
  password_changed_at: fields.created_at,
  disabled_at: null,
  last_sign_in_at: null,
  updated_at: fields.created_at,
  kind: 'personal',
  privileged: 0,
  source: 'local',
  external_id: null,
  display_name: null,
  end_date: null,
  purpose: null,
  owner_staff_id: null,
  sign_ins_since_change: 0,
  failed_attempts: 0,
  password_reason: 'temporary',
  disabled_reason: null,
  scoped_unit_id: null,
  system_name: null,
  privileged_granted_by: null,
  privileged_granted_at: null,
  privileged_until: null,
  privileged_request_id: null,
  ...fields,
});

/** The profile that applies to an account now (its class's profile in the settings). */
export const profileOf = async (
  db: Db,
  account: Pick<AccountTable, 'privileged' | 'system_role'>,
): Promise<PasswordProfile> => (await loadIdentitySettings(db)).profiles[classOf(account)];

/** Who a password belongs to, for the rule that it must not contain their ID or name. */
export const ownerOf = async (
  db: Db,
  account: Pick<AccountTable, 'login_id' | 'staff_id' | 'display_name'>,
): Promise<PasswordOwner> => {
  const staff = account.staff_id === null ? undefined : await findStaffById(db, account.staff_id);
  return {
    loginId: account.login_id,
    nameKanji: staff?.name_kanji ?? account.display_name,
    nameKana: staff?.name_kana ?? null,
    employeeNumber: staff?.employee_number ?? null,
  };
};
