import type {
  Db,
  FieldIssue,
  PersonnelEventTable,
  PositionTable,
  StaffTable,
  UnitTable,
} from '../../../kernel/index.js';
import { dayBefore, listAllStaff, listAllUnits, listPositions } from '../../org/index.js';
import { loginIdSchema } from '../identity.schema.js';
import type { PersonnelEventKind, PersonnelRow } from './lifecycle.schema.js';
import { accountsOfStaff, eventsOf, loginIdsTaken } from './lifecycle.repository.js';

/** One row, checked against the database and the rows before it, ready to record. */
export interface PlannedEvent {
  readonly row: number;
  readonly data: PersonnelRow;
  /** The person: on record already, or hired by an earlier row (null until that row is recorded). */
  readonly staff: StaffTable | null;
  readonly unit: UnitTable | null;
  readonly position: PositionTable | null;
  /** For a hire: the login ID of the account to create. */
  readonly loginId: string | null;
  /** The same event (person, kind, effective date, unit) is recorded already: nothing to do. */
  readonly unchanged: boolean;
}

export interface PersonnelPlan {
  readonly events: PlannedEvent[];
  readonly issues: FieldIssue[];
}

const sameEvent = (e: PersonnelEventTable, r: PersonnelRow, unitId: string | null): boolean =>
  e.kind === r.kind &&
  e.effective_date === r.effectiveDate &&
  (r.kind !== 'transfer' || e.unit_id === unitId);

/**
 * Checks personnel rows against the records: people exist (or are hired by an earlier row), units and positions
 * exist, login IDs are free, a return follows a leave, nobody leaves before they started or twice. An event
 * recorded already is `unchanged`, so importing the same file again does nothing. Issues name the row (when
 * `withRows`), the field as `personnel.<field>` and the reason; the caller writes nothing when there is one.
 */
export const planPersonnelEvents = async (
  tx: Db,
  rows: readonly { row: number; data: PersonnelRow }[],
  options: { withRows: boolean },
): Promise<PersonnelPlan> => {
  const issues: FieldIssue[] = [];
  const add = (row: number, field: string, ja: string, en: string): void => {
    issues.push({ field: `personnel.${field}`, message: { ja, en }, ...(options.withRows ? { row } : {}) });
  };
  const staffByNumber = new Map((await listAllStaff(tx)).map((s) => [s.employee_number, s]));
  const unitsByCode = new Map((await listAllUnits(tx)).map((u) => [u.code, u]));
  const positionsByCode = new Map((await listPositions(tx)).map((p) => [p.code, p]));
  const recorded = await eventsOf(
    tx,
    rows.map((r) => r.data.employeeNumber),
  );
  const wantedLogins = rows.flatMap((r) =>
    r.data.kind === 'hire' ? [r.data.loginId ?? r.data.employeeNumber.toLowerCase()] : [],
  );
  const taken = await loginIdsTaken(tx, wantedLogins);

  // What earlier rows of the file did, so later rows see it.
  const hiredInFile = new Map<string, string>();
  const loginsInFile = new Map<string, number>();
  const seen = new Map<string, number>();
  const unitNow = new Map<string, string>();
  const leaveBefore = new Map<string, string[]>();
  const leftOn = new Map<string, string>();
  const events: PlannedEvent[] = [];

  for (const { row, data } of rows) {
    const key = `${data.employeeNumber}|${data.kind}|${data.effectiveDate}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      add(
        row,
        'kind',
        `同じ職員の同じ発効日の${kindJa[data.kind]}が${String(earlier)}行目にもあります。`,
        `The same ${data.kind} of this person on this date is also on row ${String(earlier)}.`,
      );
      continue;
    }
    seen.set(key, row);
    const unit = data.unitCode === null ? null : (unitsByCode.get(data.unitCode) ?? null);
    if (data.unitCode !== null && unit === null) {
      add(
        row,
        'unitCode',
        `部署 ${data.unitCode} が見つかりません。`,
        `Unit ${data.unitCode} does not exist.`,
      );
      continue;
    }
    const position = data.positionCode === null ? null : (positionsByCode.get(data.positionCode) ?? null);
    if (data.positionCode !== null && position === null) {
      add(
        row,
        'positionCode',
        `職位 ${data.positionCode} が見つかりません。`,
        `Position ${data.positionCode} does not exist.`,
      );
      continue;
    }
    const staff = staffByNumber.get(data.employeeNumber) ?? null;
    const already = recorded.filter((e) => e.employee_number === data.employeeNumber);
    const duplicate = already.some((e) => sameEvent(e, data, unit?.id ?? null));
    const plan = (over: Partial<PlannedEvent> = {}): void => {
      events.push({ row, data, staff, unit, position, loginId: null, unchanged: duplicate, ...over });
    };

    if (data.kind === 'hire') {
      if (staff !== null) {
        if (duplicate) plan();
        else
          add(
            row,
            'employeeNumber',
            `職員番号 ${data.employeeNumber} は既に登録されています（採用は新しい職員のみ）。`,
            `Employee number ${data.employeeNumber} is already registered (a hire is for a new person).`,
          );
        continue;
      }
      const loginId = data.loginId ?? data.employeeNumber.toLowerCase();
      if (!loginIdSchema.safeParse(loginId).success) {
        add(
          row,
          'loginId',
          'ログインIDを入力してください（職員番号からは作れません。英小文字・数字と . _ - で3文字以上）。',
          'Give a login ID (the employee number does not make one: 3 or more lower-case letters, digits, . _ -).',
        );
        continue;
      }
      const firstUse = loginsInFile.get(loginId);
      if (taken.has(loginId) || firstUse !== undefined) {
        add(
          row,
          'loginId',
          firstUse === undefined
            ? `ログインID ${loginId} は使用されています。`
            : `ログインID ${loginId} は${String(firstUse)}行目でも使われています。`,
          firstUse === undefined
            ? `The login ID ${loginId} is taken.`
            : `The login ID ${loginId} is also used on row ${String(firstUse)}.`,
        );
        continue;
      }
      loginsInFile.set(loginId, row);
      hiredInFile.set(data.employeeNumber, data.effectiveDate);
      unitNow.set(data.employeeNumber, unit?.id ?? '');
      plan({ loginId });
      continue;
    }

    if (staff === null && !hiredInFile.has(data.employeeNumber)) {
      add(
        row,
        'employeeNumber',
        `職員番号 ${data.employeeNumber} の職員が見つかりません。`,
        `No staff member has employee number ${data.employeeNumber}.`,
      );
      continue;
    }
    if (duplicate) {
      plan();
      continue;
    }
    const startDate = staff?.start_date ?? hiredInFile.get(data.employeeNumber) ?? '';
    const lastDay = leftOn.get(data.employeeNumber) ?? staff?.end_date ?? null;
    // A retirement may confirm a last day already on record; anything else must fall within the employment.
    const until = data.kind === 'retirement' ? dayBefore(data.effectiveDate) : data.effectiveDate;
    if (lastDay !== null && lastDay < until) {
      add(
        row,
        'effectiveDate',
        `この職員は ${lastDay} に退職しています。`,
        `This person left on ${lastDay}.`,
      );
      continue;
    }
    // A transfer may take effect on the first day itself (a correction of the unit); the rest come after it.
    if (data.kind === 'transfer' ? data.effectiveDate < startDate : data.effectiveDate <= startDate) {
      add(
        row,
        'effectiveDate',
        `発効日は採用日（${startDate}）より後にしてください。`,
        `The effective date must be after the person's first day (${startDate}).`,
      );
      continue;
    }
    if (data.kind === 'transfer') {
      const current = unitNow.get(data.employeeNumber) ?? staff?.unit_id;
      if (unit !== null && current === unit.id) {
        add(
          row,
          'unitCode',
          `この職員は既に ${unit.name_ja} に所属しています。`,
          `This person already belongs to ${unit.name_en}.`,
        );
        continue;
      }
      if (unit !== null) unitNow.set(data.employeeNumber, unit.id);
    }
    if (data.kind === 'leave') {
      leaveBefore.set(data.employeeNumber, [
        ...(leaveBefore.get(data.employeeNumber) ?? []),
        data.effectiveDate,
      ]);
    }
    if (data.kind === 'return') {
      const leaves = [
        ...(leaveBefore.get(data.employeeNumber) ?? []),
        ...already.filter((e) => e.kind === 'leave').map((e) => e.effective_date),
      ];
      const onLeave =
        staff !== null && (await accountsOfStaff(tx, staff.id)).some((a) => a.disabled_reason === 'leave');
      if (!onLeave && !leaves.some((d) => d < data.effectiveDate)) {
        add(
          row,
          'kind',
          'この職員には復職の前の休職がありません。',
          'This person has no leave before this return.',
        );
        continue;
      }
    }
    if (data.kind === 'retirement') leftOn.set(data.employeeNumber, dayBefore(data.effectiveDate));
    plan();
  }
  return { events, issues };
};

export const kindJa: Readonly<Record<PersonnelEventKind, string>> = {
  hire: '採用',
  transfer: '異動',
  leave: '休職',
  return: '復職',
  retirement: '退職',
};
