import type { Db } from '../../../kernel/index.js';

/**
 * Who holds which role of 第3 where on a date, with the person's contact details: two set-based queries over role
 * assignments and delegations (acting holders included), joined with staff. The base of the org evaluators.
 */
export interface Holding {
  readonly role: string;
  readonly unitId: string | null;
  readonly staffId: string;
  readonly name: string;
  readonly category: string;
  readonly staffUnitId: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly via: 'assignment' | 'delegation' | 'acting';
  /** The ledger subject of the assignment or delegation. */
  readonly ref: string;
  readonly startDate: string;
  readonly endDate: string | null;
  /** For a delegation: who delegated. */
  readonly fromStaffId: string | null;
}

export const loadHoldings = async (db: Db, asOf: string): Promise<Holding[]> => {
  const assignments = await db
    .selectFrom('role_assignments as r')
    .innerJoin('staff as s', 's.id', 'r.staff_id')
    .select([
      'r.id',
      'r.role',
      'r.unit_id',
      'r.start_date',
      'r.end_date',
      's.id as staff_id',
      's.name_kanji',
      's.category',
      's.unit_id as staff_unit_id',
      's.phone',
      's.email',
    ])
    .where('r.start_date', '<=', asOf)
    .where((eb) => eb.or([eb('r.end_date', 'is', null), eb('r.end_date', '>=', asOf)]))
    .execute();
  const delegations = await db
    .selectFrom('delegations as d')
    .innerJoin('staff as s', 's.id', 'd.to_staff_id')
    .select([
      'd.id',
      'd.kind',
      'd.role',
      'd.unit_id',
      'd.start_date',
      'd.end_date',
      'd.from_staff_id',
      's.id as staff_id',
      's.name_kanji',
      's.category',
      's.unit_id as staff_unit_id',
      's.phone',
      's.email',
    ])
    .where('d.start_date', '<=', asOf)
    .where('d.end_date', '>=', asOf)
    .execute();
  return [
    ...assignments.map(
      (a): Holding => ({
        role: a.role,
        unitId: a.unit_id,
        staffId: a.staff_id,
        name: a.name_kanji,
        category: a.category,
        staffUnitId: a.staff_unit_id,
        phone: a.phone,
        email: a.email,
        via: 'assignment',
        ref: `roleAssignment:${a.id}`,
        startDate: a.start_date,
        endDate: a.end_date,
        fromStaffId: null,
      }),
    ),
    ...delegations.map(
      (d): Holding => ({
        role: d.role,
        unitId: d.unit_id,
        staffId: d.staff_id,
        name: d.name_kanji,
        category: d.category,
        staffUnitId: d.staff_unit_id,
        phone: d.phone,
        email: d.email,
        via: d.kind === 'delegation' ? 'delegation' : 'acting',
        ref: `delegation:${d.id}`,
        startDate: d.start_date,
        endDate: d.end_date,
        fromStaffId: d.from_staff_id,
      }),
    ),
  ];
};

/** Holdings indexed by role and unit (`role|unitId`, hospital-wide roles under an empty unit). */
export const indexHoldings = (holdings: readonly Holding[]): ReadonlyMap<string, Holding[]> => {
  const index = new Map<string, Holding[]>();
  for (const h of holdings) {
    const key = `${h.role}|${h.unitId ?? ''}`;
    const list = index.get(key);
    if (list) list.push(h);
    else index.set(key, [h]);
  }
  return index;
};

export const holdersIn = (
  index: ReadonlyMap<string, Holding[]>,
  role: string,
  unitId: string | null,
): readonly Holding[] => index.get(`${role}|${unitId ?? ''}`) ?? [];

/** Units that must have a Security Officer (3-3(1)) and a Security Manager (3-4(1)), as the org module reads them. */
export const officerUnitKinds: readonly string[] = ['bureau', 'division', 'clinic'];
export const managerUnitKinds: readonly string[] = ['section', 'centre'];
