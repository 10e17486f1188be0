import type { AccountTable, Db } from '../../../kernel/index.js';

/** A User as SCIM sees it: a personal account tied to a staff record, with the person and their unit. */
export interface ScimUserRow extends AccountTable {
  employee_number: string;
  name_kanji: string;
  name_kana: string;
  employment: string;
  category: string;
  organization: string | null;
  email: string | null;
  phone: string | null;
  start_date: string;
  staff_end_date: string | null;
  staff_updated_at: string;
  unit_code: string;
  unit_name_ja: string;
}

/** Personal accounts of staff, minus those the HR system deleted (RFC 7644 §3.6: gone for SCIM, kept here). */
const visible = (db: Db) =>
  db
    .selectFrom('accounts')
    .innerJoin('staff', 'staff.id', 'accounts.staff_id')
    .innerJoin('units', 'units.id', 'staff.unit_id')
    .selectAll('accounts')
    .select([
      'staff.employee_number',
      'staff.name_kanji',
      'staff.name_kana',
      'staff.employment',
      'staff.category',
      'staff.organization',
      'staff.email',
      'staff.phone',
      'staff.start_date',
      'staff.end_date as staff_end_date',
      'staff.updated_at as staff_updated_at',
      'units.code as unit_code',
      'units.name_ja as unit_name_ja',
    ])
    .where('accounts.kind', '=', 'personal')
    .where((eb) =>
      eb.or([eb('accounts.disabled_reason', 'is', null), eb('accounts.disabled_reason', '!=', 'hrDeleted')]),
    );

export const findScimUser = (db: Db, id: string): Promise<ScimUserRow | undefined> =>
  visible(db).where('accounts.id', '=', id).executeTakeFirst();

export type ScimFilter = {
  readonly attribute: 'userName' | 'externalId' | 'employeeNumber';
  readonly value: string;
} | null;

export const findScimUsers = async (
  db: Db,
  filter: ScimFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: ScimUserRow[]; total: number }> => {
  let query = visible(db);
  // userName is case-insensitive in SCIM (caseExact false); login IDs are lower case.
  if (filter?.attribute === 'userName')
    query = query.where('accounts.login_id', '=', filter.value.toLowerCase());
  if (filter?.attribute === 'externalId') query = query.where('accounts.external_id', '=', filter.value);
  if (filter?.attribute === 'employeeNumber') query = query.where('staff.employee_number', '=', filter.value);
  const total = await query.clearSelect().select(db.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows =
    page.limit === 0
      ? []
      : await query
          .orderBy('accounts.created_at')
          .orderBy('accounts.id')
          .offset(page.offset)
          .limit(page.limit)
          .execute();
  return { rows, total: total?.n ?? 0 };
};
