import { defineQuery, type CompartmentTable } from '../../kernel/index.js';
import type { CompartmentMemberView, CompartmentView, UnitCompartments } from '../../shared/api-types.js';
import { findUnitOrThrow, mayManageCompartments, unitPathOf } from './compartment-access.js';
import { listCompartmentsInput } from './compartment.schema.js';
import {
  activeCompartmentIdsOf,
  listCompartmentsOfUnit,
  listMembersOfCompartments,
  type MemberWithStaff,
} from './compartments.repository.js';
import { allow, today } from './org-access.js';

const isOpen = (start: string, end: string | null, asOf: string): boolean =>
  start <= asOf && (end === null || end >= asOf);

const presentMember = (m: MemberWithStaff, unitId: string, asOf: string): CompartmentMemberView => ({
  id: m.id,
  staffId: m.staff_id,
  employeeNumber: m.employee_number,
  name: m.name_kanji,
  startDate: m.start_date,
  endDate: m.end_date,
  note: m.note,
  active: isOpen(m.start_date, m.end_date, asOf) && m.staff_unit_id === unitId,
});

const present = (
  c: CompartmentTable,
  members: readonly MemberWithStaff[],
  asOf: string,
): CompartmentView => ({
  id: c.id,
  unitId: c.unit_id,
  nameJa: c.name_ja,
  nameEn: c.name_en,
  purpose: c.purpose,
  validFrom: c.valid_from,
  validTo: c.valid_to,
  closeReason: c.close_reason,
  active: isOpen(c.valid_from, c.valid_to, asOf),
  members: members.filter((m) => m.compartment_id === c.id).map((m) => presentMember(m, c.unit_id, asOf)),
});

/**
 * A unit's compartments (第7 1(1)イ). Whoever manages them (the section's Manager, the security office) sees them
 * all with their members; anyone else sees only the compartments they are a member of today.
 */
export const listCompartments = defineQuery({
  name: 'org.listCompartments',
  input: listCompartmentsInput,
  authorize: allow('org.read'),
  execute: async (ctx, input): Promise<UnitCompartments> => {
    const db = ctx.database.db;
    const unit = await findUnitOrThrow(db, input.unitId);
    const asOf = today(ctx);
    const canManage = mayManageCompartments(ctx.actor, await unitPathOf(db, unit.id));
    const all = await listCompartmentsOfUnit(db, unit.id);
    let visible = all;
    if (!canManage) {
      const mine = new Set(
        ctx.actor.staffId === null ? [] : await activeCompartmentIdsOf(db, ctx.actor.staffId, asOf),
      );
      visible = all.filter((c) => mine.has(c.id));
    }
    const members = await listMembersOfCompartments(
      db,
      visible.map((c) => c.id),
    );
    return { unitId: unit.id, canManage, compartments: visible.map((c) => present(c, members, asOf)) };
  },
});
