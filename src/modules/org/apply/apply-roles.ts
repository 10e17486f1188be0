import {
  newId,
  type DelegationTable,
  type Role,
  type RoleAssignmentTable,
  type StaffTable,
  type UnitTable,
} from '../../../kernel/index.js';
import type { AssignmentRow, DelegationRow, UnitKind } from '../org.schema.js';
import {
  insertAssignments,
  insertDelegations,
  updateAssignmentRow,
  updateDelegationRow,
} from '../roles.repository.js';
import { addIssue, diff, snapshot, type ApplyState } from './apply-state.js';
import type { ApplyMode, Numbered } from './apply-units.js';

/** Where each role of 第3 may be held: hospital-wide, or for units of these kinds (3-3(1), 3-4(1), 3-5). */
const roleScope: Record<Role, { unit: 'none' | 'optional' | 'required'; kinds?: readonly UnitKind[] }> = {
  ciso: { unit: 'none' },
  securityDirector: { unit: 'none' },
  securityOfficer: { unit: 'required', kinds: ['bureau', 'division', 'centre', 'clinic'] },
  securityManager: { unit: 'required', kinds: ['section', 'centre', 'division', 'clinic'] },
  securityStaff: { unit: 'required' },
  committee: { unit: 'none' },
  auditLead: { unit: 'none' },
  auditor: { unit: 'optional' },
  personnelOffice: { unit: 'optional' },
  facilitiesOffice: { unit: 'optional' },
};

/** Roles held by one person for the whole hospital at a time. */
const singleHolderRoles: readonly Role[] = ['ciso', 'securityDirector'];

const overlaps = (
  a: { start_date: string; end_date: string | null },
  b: { start_date: string; end_date: string | null },
): boolean =>
  (a.end_date === null || a.end_date >= b.start_date) && (b.end_date === null || b.end_date >= a.start_date);

interface Resolved {
  staff: StaffTable;
  unit: UnitTable | null;
}

const resolvePersonAndUnit = (
  state: ApplyState,
  sheet: 'assignments' | 'delegations',
  row: number,
  staffField: string,
  employeeNumber: string,
  unitCode: string | null,
): Resolved | undefined => {
  const staff = state.staffByNumber.get(employeeNumber);
  if (!staff) {
    addIssue(
      state,
      sheet,
      row,
      staffField,
      `職員番号 ${employeeNumber} の職員が見つかりません。`,
      `No staff member has employee number ${employeeNumber}.`,
    );
    return undefined;
  }
  if (staff.category === 'contractor') {
    addIssue(
      state,
      sheet,
      row,
      staffField,
      '委託事業者に第3の役割を充てることはできません（病院事業の職員をもって充てる）。',
      'A contractor cannot hold a role of section 3 (roles are held by hospital staff).',
    );
    return undefined;
  }
  if (unitCode === null) return { staff, unit: null };
  const unit = state.unitsByCode.get(unitCode);
  if (!unit) {
    addIssue(
      state,
      sheet,
      row,
      'unitCode',
      `部署 ${unitCode} が見つかりません。`,
      `Unit ${unitCode} does not exist.`,
    );
    return undefined;
  }
  return { staff, unit };
};

const checkScope = (state: ApplyState, row: number, role: Role, unit: UnitTable | null): boolean => {
  const scope = roleScope[role];
  if (scope.unit === 'none' && unit !== null) {
    addIssue(
      state,
      'assignments',
      row,
      'unitCode',
      'この役割は病院全体の役割のため、部署は指定できません。',
      'This role is hospital-wide: leave the unit empty.',
    );
    return false;
  }
  if (scope.unit === 'required' && unit === null) {
    addIssue(
      state,
      'assignments',
      row,
      'unitCode',
      'この役割には部署の指定が必要です。',
      'This role needs a unit.',
    );
    return false;
  }
  if (unit !== null && scope.kinds && !scope.kinds.includes(unit.kind as UnitKind)) {
    addIssue(
      state,
      'assignments',
      row,
      'unitCode',
      `この役割は ${scope.kinds.join('・')} の部署にのみ置けます。`,
      `This role can only be held for units of kind ${scope.kinds.join(', ')}.`,
    );
    return false;
  }
  return true;
};

export const applyAssignments = async (
  state: ApplyState,
  rows: readonly Numbered<AssignmentRow>[],
  mode: ApplyMode,
): Promise<void> => {
  const created: RoleAssignmentTable[] = [];
  for (const { row, data } of rows) {
    const resolved = resolvePersonAndUnit(
      state,
      'assignments',
      row,
      'employeeNumber',
      data.employeeNumber,
      data.unitCode,
    );
    if (!resolved || !checkScope(state, row, data.role, resolved.unit)) continue;
    const unitId = resolved.unit?.id ?? null;
    const existing = state.assignments.find(
      (a) =>
        a.role === data.role &&
        a.staff_id === resolved.staff.id &&
        a.unit_id === unitId &&
        a.start_date === data.startDate,
    );
    const term = { start_date: data.startDate, end_date: data.endDate };
    if (singleHolderRoles.includes(data.role)) {
      const clash = state.assignments.find(
        (a) =>
          a.role === data.role && a !== existing && a.staff_id !== resolved.staff.id && overlaps(a, term),
      );
      if (clash) {
        addIssue(
          state,
          'assignments',
          row,
          'role',
          'この役割は同時に一人しか就けません。前任者の任期に終了日を設定してください。',
          "Only one person holds this role at a time. Set an end date on the previous holder's term first.",
        );
        continue;
      }
    }
    if (existing) {
      if (mode === 'create') {
        addIssue(
          state,
          'assignments',
          row,
          'startDate',
          '同じ役割の同じ任期が既に登録されています。',
          'This term of this role is already recorded.',
        );
        continue;
      }
      const values = { end_date: data.endDate, note: data.note };
      const changes = diff(existing, values);
      if (Object.keys(changes).length === 0) {
        state.counts.assignments.unchanged++;
        continue;
      }
      await updateAssignmentRow(state.tx, existing.id, values);
      Object.assign(existing, values);
      state.counts.assignments.updated++;
      state.ledger.push({
        kind: 'org.role.updated',
        subject: `roleAssignment:${existing.id}`,
        payload: { role: data.role, changes },
      });
      continue;
    }
    const record: RoleAssignmentTable = {
      id: newId(),
      role: data.role,
      staff_id: resolved.staff.id,
      unit_id: unitId,
      ...term,
      note: data.note,
      created_at: state.now,
    };
    created.push(record);
    state.assignments.push(record);
    state.counts.assignments.created++;
    state.ledger.push({
      kind: 'org.role.assigned',
      subject: `roleAssignment:${record.id}`,
      payload: snapshot(record),
    });
  }
  await insertAssignments(state.tx, created);
};

export const applyDelegations = async (
  state: ApplyState,
  rows: readonly Numbered<DelegationRow>[],
  mode: ApplyMode,
): Promise<void> => {
  const created: DelegationTable[] = [];
  for (const { row, data } of rows) {
    if (data.kind === 'delegation' && data.role !== 'securityDirector') {
      addIssue(
        state,
        'delegations',
        row,
        'role',
        '権限の委任は統括情報セキュリティ責任者の事務についてのみ定められています（第3 2(7)）。',
        "Delegation is provided only for the Security Director's authority (3-2(7)).",
      );
      continue;
    }
    const from = resolvePersonAndUnit(
      state,
      'delegations',
      row,
      'fromEmployeeNumber',
      data.fromEmployeeNumber,
      data.unitCode,
    );
    const to =
      from &&
      resolvePersonAndUnit(
        state,
        'delegations',
        row,
        'toEmployeeNumber',
        data.toEmployeeNumber,
        data.unitCode,
      );
    if (!from || !to) continue;
    const unitId = from.unit?.id ?? null;
    const holds = state.assignments.some(
      (a) =>
        a.role === data.role &&
        a.staff_id === from.staff.id &&
        a.unit_id === unitId &&
        overlaps(a, { start_date: data.startDate, end_date: data.startDate }),
    );
    if (!holds) {
      addIssue(
        state,
        'delegations',
        row,
        'fromEmployeeNumber',
        '委任・代理の元となる職員が、開始日にその役割に就いていません。',
        'The person delegating does not hold this role on the start date.',
      );
      continue;
    }
    const existing = state.delegations.find(
      (d) =>
        d.kind === data.kind &&
        d.role === data.role &&
        d.from_staff_id === from.staff.id &&
        d.to_staff_id === to.staff.id &&
        d.start_date === data.startDate,
    );
    if (existing) {
      if (mode === 'create') {
        addIssue(
          state,
          'delegations',
          row,
          'startDate',
          '同じ委任・代理が既に登録されています。',
          'This delegation is already recorded.',
        );
        continue;
      }
      const values = { end_date: data.endDate, reason: data.reason };
      const changes = diff(existing, values);
      if (Object.keys(changes).length === 0) {
        state.counts.delegations.unchanged++;
        continue;
      }
      await updateDelegationRow(state.tx, existing.id, values);
      Object.assign(existing, values);
      state.counts.delegations.updated++;
      state.ledger.push({
        kind: 'org.delegation.updated',
        subject: `delegation:${existing.id}`,
        payload: { changes },
      });
      continue;
    }
    const record: DelegationTable = {
      id: newId(),
      kind: data.kind,
      role: data.role,
      unit_id: unitId,
      from_staff_id: from.staff.id,
      to_staff_id: to.staff.id,
      start_date: data.startDate,
      end_date: data.endDate,
      reason: data.reason,
      created_at: state.now,
    };
    created.push(record);
    state.delegations.push(record);
    state.counts.delegations.created++;
    state.ledger.push({
      kind: `org.delegation.${data.kind === 'delegation' ? 'delegated' : 'actingAppointed'}`,
      subject: `delegation:${record.id}`,
      payload: snapshot(record),
    });
  }
  await insertDelegations(state.tx, created);
};
