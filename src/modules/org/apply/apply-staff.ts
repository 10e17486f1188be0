import { newId, type StaffTable } from '../../../kernel/index.js';
import type { StaffRow } from '../org.schema.js';
import { insertStaff, updateStaffRow } from '../staff.repository.js';
import { addIssue, diff, snapshot, type ApplyState } from './apply-state.js';
import type { ApplyMode, Numbered } from './apply-units.js';

/** Staff records (hire, transfer, change, leaving by end date), keyed by employee number. */
export const applyStaff = async (
  state: ApplyState,
  rows: readonly Numbered<StaffRow>[],
  mode: ApplyMode,
): Promise<void> => {
  const created: StaffTable[] = [];
  for (const { row, data } of rows) {
    const unit = state.unitsByCode.get(data.unitCode);
    if (!unit) {
      addIssue(
        state,
        'staff',
        row,
        'unitCode',
        `所属部署 ${data.unitCode} が見つかりません。`,
        `Unit ${data.unitCode} does not exist.`,
      );
      continue;
    }
    let positionId: string | null = null;
    if (data.positionCode !== null) {
      const position = state.positionsByCode.get(data.positionCode);
      if (!position) {
        addIssue(
          state,
          'staff',
          row,
          'positionCode',
          `職位 ${data.positionCode} が見つかりません。`,
          `Position ${data.positionCode} does not exist.`,
        );
        continue;
      }
      positionId = position.id;
    }
    const values = {
      name_kanji: data.nameKanji,
      name_kana: data.nameKana,
      employment: data.employment,
      category: data.category,
      organization: data.organization,
      unit_id: unit.id,
      position_id: positionId,
      email: data.email,
      phone: data.phone,
      start_date: data.startDate,
      end_date: data.endDate,
    };
    const existing = state.staffByNumber.get(data.employeeNumber);
    if (existing) {
      if (mode === 'create') {
        addIssue(
          state,
          'staff',
          row,
          'employeeNumber',
          `職員番号 ${data.employeeNumber} は既に登録されています。`,
          `Employee number ${data.employeeNumber} is already registered.`,
        );
        continue;
      }
      const changes = diff(existing, values);
      if (Object.keys(changes).length === 0) {
        state.counts.staff.unchanged++;
        continue;
      }
      await updateStaffRow(state.tx, existing.id, { ...values, updated_at: state.now });
      state.staffByNumber.set(data.employeeNumber, { ...existing, ...values, updated_at: state.now });
      state.counts.staff.updated++;
      const kind = changes['unit_id']
        ? 'org.staff.transferred'
        : changes['end_date']
          ? 'org.staff.ended'
          : 'org.staff.updated';
      state.ledger.push({
        kind,
        subject: `staff:${existing.id}`,
        payload: { employeeNumber: data.employeeNumber, changes },
      });
      continue;
    }
    const record: StaffTable = {
      id: newId(),
      employee_number: data.employeeNumber,
      ...values,
      created_at: state.now,
      updated_at: state.now,
    };
    created.push(record);
    state.staffByNumber.set(data.employeeNumber, record);
    state.counts.staff.created++;
    state.ledger.push({
      kind: 'org.staff.registered',
      subject: `staff:${record.id}`,
      payload: snapshot(record),
    });
  }
  // Batched: an import of a whole hospital is thousands of rows.
  await insertStaff(state.tx, created);
};
