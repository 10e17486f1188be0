import type { CompartmentMemberTable, CompartmentTable, Db } from '../../kernel/index.js';

/** SQL for compartments (第7 1(1)イ) only. Dates compare as YYYY-MM-DD text on both dialects. */

export const findCompartmentById = (db: Db, id: string): Promise<CompartmentTable | undefined> =>
  db.selectFrom('compartments').selectAll().where('id', '=', id).executeTakeFirst();

export const listCompartmentsOfUnit = (db: Db, unitId: string): Promise<CompartmentTable[]> =>
  db
    .selectFrom('compartments')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('valid_from')
    .orderBy('name_ja')
    .execute();

/** Another compartment of the unit, open on or after `from`, with this Japanese or English name. */
export const findOpenCompartmentNamed = (
  db: Db,
  unitId: string,
  names: { readonly ja: string; readonly en: string },
  from: string,
  exceptId: string | null,
): Promise<CompartmentTable | undefined> => {
  let query = db
    .selectFrom('compartments')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where((eb) => eb.or([eb('name_ja', '=', names.ja), eb('name_en', '=', names.en)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', from)]));
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
};

export const insertCompartment = async (db: Db, row: CompartmentTable): Promise<void> => {
  await db.insertInto('compartments').values(row).execute();
};

export const updateCompartmentRow = async (
  db: Db,
  id: string,
  changes: Partial<
    Pick<CompartmentTable, 'name_ja' | 'name_en' | 'valid_to' | 'close_reason' | 'updated_at'>
  >,
): Promise<void> => {
  await db.updateTable('compartments').set(changes).where('id', '=', id).execute();
};

export interface MemberWithStaff extends CompartmentMemberTable {
  readonly employee_number: string;
  readonly name_kanji: string;
  readonly staff_unit_id: string;
}

export const listMembersOfCompartments = (
  db: Db,
  compartmentIds: readonly string[],
): Promise<MemberWithStaff[]> =>
  compartmentIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('compartment_members as m')
        .innerJoin('staff as s', 's.id', 'm.staff_id')
        .selectAll('m')
        .select(['s.employee_number', 's.name_kanji', 's.unit_id as staff_unit_id'])
        .where('m.compartment_id', 'in', [...compartmentIds])
        .orderBy('m.start_date')
        .orderBy('s.employee_number')
        .execute();

export const findMemberById = (db: Db, id: string): Promise<CompartmentMemberTable | undefined> =>
  db.selectFrom('compartment_members').selectAll().where('id', '=', id).executeTakeFirst();

/** Memberships of one person in one compartment that are open on or after `from`. */
export const listOpenMembershipsOf = (
  db: Db,
  compartmentId: string,
  staffId: string,
  from: string,
): Promise<CompartmentMemberTable[]> =>
  db
    .selectFrom('compartment_members')
    .selectAll()
    .where('compartment_id', '=', compartmentId)
    .where('staff_id', '=', staffId)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', from)]))
    .execute();

/** Memberships of a compartment still open on `date` (or later). */
export const listMembershipsOpenOn = (
  db: Db,
  compartmentId: string,
  date: string,
): Promise<CompartmentMemberTable[]> =>
  db
    .selectFrom('compartment_members')
    .selectAll()
    .where('compartment_id', '=', compartmentId)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>', date)]))
    .execute();

export const insertMember = async (db: Db, row: CompartmentMemberTable): Promise<void> => {
  await db.insertInto('compartment_members').values(row).execute();
};

export const setMemberEndDate = async (db: Db, id: string, endDate: string): Promise<void> => {
  await db.updateTable('compartment_members').set({ end_date: endDate }).where('id', '=', id).execute();
};

/**
 * The compartments a person is a member of on a date: the compartment is open, the membership runs, and the
 * person still belongs to the compartment's section (a transfer ends what the membership gave).
 */
export const activeCompartmentIdsOf = async (db: Db, staffId: string, asOf: string): Promise<string[]> => {
  const rows = await db
    .selectFrom('compartment_members as m')
    .innerJoin('compartments as c', 'c.id', 'm.compartment_id')
    .innerJoin('staff as s', 's.id', 'm.staff_id')
    .select('c.id')
    .where('m.staff_id', '=', staffId)
    .whereRef('s.unit_id', '=', 'c.unit_id')
    .where('m.start_date', '<=', asOf)
    .where((eb) => eb.or([eb('m.end_date', 'is', null), eb('m.end_date', '>=', asOf)]))
    .where('c.valid_from', '<=', asOf)
    .where((eb) => eb.or([eb('c.valid_to', 'is', null), eb('c.valid_to', '>=', asOf)]))
    .execute();
  return [...new Set(rows.map((r) => r.id))];
};
