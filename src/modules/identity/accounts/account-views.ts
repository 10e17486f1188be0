import type {
  AccountKindCode,
  AccountListItem,
  AccountStatusCode,
  UnitRef,
} from '../../../shared/identity-admin-types.js';
import { classOf } from '../password-profiles.js';
import type { AccountWithPerson } from './accounts-admin.repository.js';

/**
 * How an account stands today: disabled (and why), pending (its holder starts later, or no password was issued
 * yet), past its end date, locked, or active.
 */
export const statusOf = (a: AccountWithPerson, today: string, locked: boolean): AccountStatusCode => {
  if (a.disabled_reason === 'notStarted' || (a.disabled_at === null && a.password_hash === '!'))
    return 'pending';
  if (a.disabled_at !== null) return 'disabled';
  if (a.end_date !== null && a.end_date < today) return 'expired';
  return locked ? 'locked' : 'active';
};

export const unitRefOf = (a: {
  scoped_unit_id: string | null;
  unit_code: string | null;
  unit_name_ja: string | null;
  unit_name_en: string | null;
}): UnitRef | null =>
  a.scoped_unit_id === null
    ? null
    : {
        id: a.scoped_unit_id,
        code: a.unit_code ?? '',
        nameJa: a.unit_name_ja ?? '',
        nameEn: a.unit_name_en ?? '',
      };

export const accountListItem = (a: AccountWithPerson, today: string, locked: boolean): AccountListItem => ({
  id: a.id,
  loginId: a.login_id,
  name: a.kind === 'shared' ? a.display_name : (a.name_kanji ?? a.display_name),
  employeeNumber: a.kind === 'shared' ? null : a.employee_number,
  unit: unitRefOf(a),
  kind: a.kind as AccountKindCode,
  privileged: a.privileged === 1 || a.system_role === 'administrator',
  systemRole: a.system_role,
  profileClass: classOf(a),
  status: statusOf(a, today, locked),
  disabledReason: a.disabled_reason,
  lastSignInAt: a.last_sign_in_at,
  endDate: a.end_date,
  systemName: a.system_name,
  source: a.source,
  category: a.category === 'contractor' ? 'contractor' : a.category === 'employee' ? 'employee' : null,
});
