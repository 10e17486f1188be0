import type {
  Db,
  DirectoryPerson,
  DirectoryUnit,
  OrgDirectory,
  Role,
  RoleGrant,
  RoleHolder,
} from '../../kernel/index.js';

const activeOn = (q: { start: string; end: string | null }, asOf: string): boolean =>
  q.start <= asOf && (q.end === null || q.end >= asOf);

/**
 * The organisation as the approvals engine sees it (the kernel's `OrgDirectory` port): the unit tree for "the
 * Manager of the applicant's section", who holds a role for a unit on a date (assignments, the Director's
 * delegation 3-2(7), acting holders), and people's names and e-mail addresses.
 */
export const orgDirectory: OrgDirectory = {
  unitPath: async (db: Db, unitId: string, asOf: string): Promise<DirectoryUnit[]> => {
    const path: DirectoryUnit[] = [];
    const seen = new Set<string>();
    for (let id: string | null = unitId; id !== null && !seen.has(id);) {
      seen.add(id);
      const unit = await db
        .selectFrom('units')
        .select(['id', 'kind', 'name_ja', 'name_en', 'parent_id', 'valid_from', 'valid_to'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (unit === undefined || !activeOn({ start: unit.valid_from, end: unit.valid_to }, asOf)) break;
      path.push({ id: unit.id, kind: unit.kind, nameJa: unit.name_ja, nameEn: unit.name_en });
      id = unit.parent_id;
    }
    return path;
  },

  holders: async (db: Db, role: Role, unitId: string | null, asOf: string): Promise<RoleHolder[]> => {
    const assigned = await db
      .selectFrom('role_assignments')
      .innerJoin('staff', 'staff.id', 'role_assignments.staff_id')
      .select(['role_assignments.staff_id'])
      .where('role_assignments.role', '=', role)
      .where((eb) =>
        unitId === null
          ? eb('role_assignments.unit_id', 'is', null)
          : eb('role_assignments.unit_id', '=', unitId),
      )
      .where('role_assignments.start_date', '<=', asOf)
      .where((eb) =>
        eb.or([eb('role_assignments.end_date', 'is', null), eb('role_assignments.end_date', '>=', asOf)]),
      )
      .where((eb) => eb.or([eb('staff.end_date', 'is', null), eb('staff.end_date', '>=', asOf)]))
      .execute();
    const delegated = await db
      .selectFrom('delegations')
      .select(['to_staff_id', 'from_staff_id', 'kind'])
      .where('role', '=', role)
      .where((eb) => (unitId === null ? eb('unit_id', 'is', null) : eb('unit_id', '=', unitId)))
      .where('start_date', '<=', asOf)
      .where('end_date', '>=', asOf)
      .execute();
    return [
      ...assigned.map((a): RoleHolder => ({
        staffId: a.staff_id,
        via: 'assignment',
        onBehalfOfStaffId: null,
      })),
      ...delegated.map((d): RoleHolder => ({
        staffId: d.to_staff_id,
        via: d.kind === 'delegation' ? 'delegation' : 'acting',
        onBehalfOfStaffId: d.from_staff_id,
      })),
    ];
  },

  people: async (
    db: Db,
    staffIds: readonly string[],
    asOf: string,
  ): Promise<Map<string, DirectoryPerson>> => {
    const ids = [...new Set(staffIds)];
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('staff')
      .leftJoin('positions', 'positions.id', 'staff.position_id')
      .select([
        'staff.id',
        'staff.name_kanji',
        'staff.email',
        'staff.unit_id',
        'staff.category',
        'staff.start_date',
        'staff.end_date',
        'positions.name_ja as position_ja',
        'positions.name_en as position_en',
      ])
      .where('staff.id', 'in', ids)
      .execute();
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          nameKanji: r.name_kanji,
          email: r.email,
          unitId: r.unit_id,
          category: r.category,
          positionJa: r.position_ja,
          positionEn: r.position_en,
          active: activeOn({ start: r.start_date, end: r.end_date }, asOf),
        },
      ]),
    );
  },

  grantorOf: async (db: Db, grant: RoleGrant): Promise<string | null> => {
    if (grant.via === 'assignment') return null;
    const row = await db
      .selectFrom('delegations')
      .select('from_staff_id')
      .where('id', '=', grant.sourceId)
      .executeTakeFirst();
    return row?.from_staff_id ?? null;
  },
};
