import { expect } from 'vitest';
import { AppError, calendarDate, type Actor } from '../../src/kernel/index.js';
import { findStaffByNumber, importOrg, resolveGrants } from '../../src/modules/org/index.js';
import type { TestDatabase } from '../db-harness.js';
import { smallHospital } from '../factories/org.js';

/**
 * The small hospital of test/factories/org.ts, as the approvals tests use it:
 *   S001 CISO · S002 Director (and Officer of 事務局) · S003 Manager of 医療情報課, the Director's delegate
 *   S004 Manager of 総務課 · S005 Officer of 看護部 · S006 Manager of 3階東病棟 · S007 staff of 3階東病棟
 */
export const seedSmallHospital = async (
  db: TestDatabase,
  options: { emails?: boolean } = {},
): Promise<void> => {
  const data = smallHospital();
  const staff =
    options.emails === true
      ? data.staff.map((s) => ({ ...s, email: `${s.employeeNumber.toLowerCase()}@hospital.test` }))
      : data.staff;
  await importOrg(db.ctx(), { data: { ...data, staff }, source: 'approvals test' });
};

export const staffIdOf = async (db: TestDatabase, employeeNumber: string): Promise<string> => {
  const staff = await findStaffByNumber(db.handle.db, employeeNumber);
  if (staff === undefined) throw new Error(`no staff ${employeeNumber}`);
  return staff.id;
};

export const unitIdOf = async (db: TestDatabase, code: string): Promise<string> => {
  const unit = await db.handle.db
    .selectFrom('units')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  if (unit === undefined) throw new Error(`no unit ${code}`);
  return unit.id;
};

/** The actor of a staff member as a session would build it: their grants on the clock's date. */
export const actorOf = async (db: TestDatabase, employeeNumber: string): Promise<Actor> => {
  const staff = await findStaffByNumber(db.handle.db, employeeNumber);
  if (staff === undefined) throw new Error(`no staff ${employeeNumber}`);
  return {
    kind: 'account',
    accountId: `account-${employeeNumber}`,
    staffId: staff.id,
    unitId: staff.unit_id,
    loginId: employeeNumber.toLowerCase(),
    systemRole: null,
    category: staff.category === 'contractor' ? 'contractor' : 'employee',
    grants: await resolveGrants(db.handle.db, staff.id, calendarDate(db.clock.now(), 'Asia/Tokyo')),
  };
};

export const rejectionOf = async (p: Promise<unknown>, code: AppError['code']): Promise<AppError> => {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code, (error as AppError).message).toBe(code);
  return error as AppError;
};

/** A complete carry-out form (6-1(1)ウ(ア)). */
export const carryOutForm = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  item: 'ノートPC（資産番号 PC-0042）',
  itemKind: 'pc',
  classification: 2,
  destination: '埼玉県立大学（研修会場）',
  startDate: '2026-04-10',
  returnDate: '2026-04-11',
  purpose: '院外研修での発表資料の投影',
  ...over,
});

export const countRows = async (
  db: TestDatabase,
  table: 'approval_requests' | 'approval_steps' | 'notifications',
): Promise<number> => {
  const row = await db.handle.db
    .selectFrom(table)
    .select(db.handle.db.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
};
