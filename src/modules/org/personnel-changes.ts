import type { Db, JsonValue, LedgerDraft, StaffTable } from '../../kernel/index.js';
import { applyOrgData } from './apply/apply-org-data.js';
import type { StaffRow } from './org.schema.js';
import { delegationsRunningFrom, termsRunningFrom } from './personnel.repository.js';
import { updateAssignmentRow, updateDelegationRow } from './roles.repository.js';
import { findStaffByNumber, updateStaffRow } from './staff.repository.js';

/**
 * The staff-record side of personnel events (hire, transfer, retirement), for the identity lifecycle to call
 * inside its own use case's transaction: each returns the org ledger entries of what it changed. Nothing is
 * deleted: terms and records end with dates.
 */

/** The calendar day before a `YYYY-MM-DD` date. */
export const dayBefore = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/** A hire: the staff record, with the same rules as the org import (refused rows throw a validation error). */
export const createStaffRecord = async (
  tx: Db,
  now: string,
  row: StaffRow,
): Promise<{ staff: StaffTable; ledger: LedgerDraft[] }> => {
  const { ledger } = await applyOrgData(tx, now, { staff: [row] }, { mode: 'create', withRows: false });
  const staff = await findStaffByNumber(tx, row.employeeNumber);
  if (staff === undefined) throw new Error(`staff ${row.employeeNumber} was not created`);
  return { staff, ledger };
};

/**
 * Ends a person's terms and delegations (those given to them) that run on or after `from`, on the day before it;
 * a term that would start on or after `from` ends on its first day. Only those for `unitId` when given.
 */
export const endTermsFrom = async (
  tx: Db,
  staffId: string,
  from: string,
  reason: 'transfer' | 'retirement',
  unitId?: string,
): Promise<LedgerDraft[]> => {
  const last = dayBefore(from);
  const ledger: LedgerDraft[] = [];
  for (const term of await termsRunningFrom(tx, staffId, from, unitId)) {
    const endDate = term.start_date > last ? term.start_date : last;
    await updateAssignmentRow(tx, term.id, { end_date: endDate });
    ledger.push({
      kind: 'org.role.ended',
      subject: `roleAssignment:${term.id}`,
      payload: { role: term.role, endDate, previousEndDate: term.end_date, reason },
    });
  }
  for (const d of await delegationsRunningFrom(tx, staffId, from, unitId)) {
    const endDate = d.start_date > last ? d.start_date : last;
    await updateDelegationRow(tx, d.id, { end_date: endDate });
    ledger.push({
      kind: 'org.delegation.ended',
      subject: `delegation:${d.id}`,
      payload: { role: d.role, kind: d.kind, endDate, previousEndDate: d.end_date, reason },
    });
  }
  return ledger;
};

/**
 * A transfer effective `effectiveDate`: the record moves to the new unit (and position, when given), and the
 * roles and acting appointments the person held for the old unit end the day before (7-2(1)イ(ア)).
 */
export const moveStaffRecord = async (
  tx: Db,
  now: string,
  staff: StaffTable,
  to: { readonly unitId: string; readonly positionId?: string | null },
  effectiveDate: string,
): Promise<LedgerDraft[]> => {
  const changes: Record<string, [JsonValue, JsonValue]> = {};
  if (staff.unit_id !== to.unitId) changes['unit_id'] = [staff.unit_id, to.unitId];
  if (to.positionId !== undefined && to.positionId !== staff.position_id)
    changes['position_id'] = [staff.position_id, to.positionId];
  const ledger: LedgerDraft[] = [];
  if (Object.keys(changes).length > 0) {
    await updateStaffRow(tx, staff.id, {
      unit_id: to.unitId,
      ...(to.positionId === undefined ? {} : { position_id: to.positionId }),
      updated_at: now,
    });
    ledger.push({
      kind: 'org.staff.transferred',
      subject: `staff:${staff.id}`,
      payload: { employeeNumber: staff.employee_number, changes, effectiveDate },
    });
  }
  if (staff.unit_id !== to.unitId)
    ledger.push(...(await endTermsFrom(tx, staff.id, effectiveDate, 'transfer', staff.unit_id)));
  return ledger;
};

/** Leaving: the record ends on `lastDay`, and every term and delegation the person holds ends with it. */
export const endStaffRecord = async (
  tx: Db,
  now: string,
  staff: StaffTable,
  lastDay: string,
): Promise<LedgerDraft[]> => {
  const ledger: LedgerDraft[] = [];
  if (staff.end_date !== lastDay) {
    await updateStaffRow(tx, staff.id, { end_date: lastDay, updated_at: now });
    ledger.push({
      kind: 'org.staff.ended',
      subject: `staff:${staff.id}`,
      payload: {
        employeeNumber: staff.employee_number,
        changes: { end_date: [staff.end_date, lastDay] },
      },
    });
  }
  const from = new Date(`${lastDay}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() + 1);
  ledger.push(...(await endTermsFrom(tx, staff.id, from.toISOString().slice(0, 10), 'retirement')));
  return ledger;
};

type StaffDetails = Partial<Pick<StaffTable, 'name_kanji' | 'name_kana' | 'email' | 'phone' | 'employment'>>;

/** A person's own details changed by the personnel office (name, kana, contact, employment). */
export const updateStaffDetails = async (
  tx: Db,
  now: string,
  staff: StaffTable,
  details: StaffDetails,
): Promise<LedgerDraft[]> => {
  const changes: Record<string, [JsonValue, JsonValue]> = {};
  for (const [key, value] of Object.entries(details) as [keyof StaffDetails, string | null | undefined][])
    if (value !== undefined && staff[key] !== value) changes[key] = [staff[key], value];
  if (Object.keys(changes).length === 0) return [];
  await updateStaffRow(tx, staff.id, {
    ...Object.fromEntries(Object.entries(changes).map(([k, [, v]]) => [k, v])),
    updated_at: now,
  });
  return [
    {
      kind: 'org.staff.updated',
      subject: `staff:${staff.id}`,
      payload: { employeeNumber: staff.employee_number, changes },
    },
  ];
};
