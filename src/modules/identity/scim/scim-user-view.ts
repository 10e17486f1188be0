import { SCIM_ENTERPRISE, SCIM_MAMORI, SCIM_USER } from './scim.schema.js';
import type { ScimUserRow } from './scim-users.repository.js';

/** The SCIM User resource of an account (RFC 7643 §4.1, with the enterprise and Mamori extensions). */
export const scimUserView = (u: ScimUserRow, baseUrl: string): Record<string, unknown> => ({
  schemas: [SCIM_USER, SCIM_ENTERPRISE, SCIM_MAMORI],
  id: u.id,
  ...(u.external_id === null ? {} : { externalId: u.external_id }),
  userName: u.login_id,
  name: { formatted: u.name_kanji },
  displayName: u.name_kanji,
  active: u.disabled_at === null,
  emails: u.email === null ? [] : [{ value: u.email, type: 'work', primary: true }],
  phoneNumbers: u.phone === null ? [] : [{ value: u.phone, type: 'work' }],
  [SCIM_ENTERPRISE]: { employeeNumber: u.employee_number, department: u.unit_code },
  [SCIM_MAMORI]: {
    nameKana: u.name_kana,
    employment: u.employment,
    category: u.category,
    ...(u.organization === null ? {} : { organization: u.organization }),
    unitName: u.unit_name_ja,
    startDate: u.start_date,
    ...(u.staff_end_date === null ? {} : { endDate: u.staff_end_date }),
    ...(u.disabled_reason === null ? {} : { disabledReason: u.disabled_reason }),
  },
  meta: {
    resourceType: 'User',
    created: u.created_at,
    lastModified: u.updated_at > u.staff_updated_at ? u.updated_at : u.staff_updated_at,
    location: `${baseUrl}/scim/v2/Users/${u.id}`,
  },
});
