import type { DelegationTable, RoleAssignmentTable, UnitTable } from '../../kernel/index.js';
import type { AssignmentView, DelegationView, StaffView, UnitSummary } from '../../shared/api-types.js';
import type { StaffWithPosition } from './staff.repository.js';

export const presentUnit = (u: UnitTable, staffCount = 0): UnitSummary => ({
  id: u.id,
  code: u.code,
  nameJa: u.name_ja,
  nameEn: u.name_en,
  kind: u.kind as UnitSummary['kind'],
  parentId: u.parent_id,
  sortOrder: u.sort_order,
  phone: u.phone,
  staffCount,
});

export const presentStaff = (s: StaffWithPosition): StaffView => ({
  id: s.id,
  employeeNumber: s.employee_number,
  nameKanji: s.name_kanji,
  nameKana: s.name_kana,
  employment: s.employment as StaffView['employment'],
  category: s.category as StaffView['category'],
  organization: s.organization,
  unitId: s.unit_id,
  positionId: s.position_id,
  positionJa: s.position_name_ja,
  positionEn: s.position_name_en,
  email: s.email,
  phone: s.phone,
  startDate: s.start_date,
  endDate: s.end_date,
});

export const presentAssignment = (
  a: RoleAssignmentTable,
  names: ReadonlyMap<string, string>,
  units: ReadonlyMap<string, UnitTable>,
): AssignmentView => {
  const unit = a.unit_id === null ? undefined : units.get(a.unit_id);
  return {
    id: a.id,
    role: a.role,
    staffId: a.staff_id,
    staffName: names.get(a.staff_id) ?? '',
    unitId: a.unit_id,
    unitNameJa: unit?.name_ja ?? null,
    unitNameEn: unit?.name_en ?? null,
    startDate: a.start_date,
    endDate: a.end_date,
    note: a.note,
  };
};

export const presentDelegation = (
  d: DelegationTable,
  names: ReadonlyMap<string, string>,
): DelegationView => ({
  id: d.id,
  kind: d.kind as DelegationView['kind'],
  role: d.role,
  unitId: d.unit_id,
  fromStaffId: d.from_staff_id,
  fromName: names.get(d.from_staff_id) ?? '',
  toStaffId: d.to_staff_id,
  toName: names.get(d.to_staff_id) ?? '',
  startDate: d.start_date,
  endDate: d.end_date,
  reason: d.reason,
});
