import { systemActor, type Actor } from '../../src/kernel/index.js';
import { createAccount, type PersonnelRow } from '../../src/modules/identity/index.js';
import { importOrg } from '../../src/modules/org/index.js';
import { actorOf } from '../approvals/fixtures.js';
import type { TestDatabase } from '../db-harness.js';
import { assignmentRow, smallHospital, staffRow } from './org.js';

/**
 * The small hospital of org.ts for the lifecycle tests, plus a personnel clerk (P001, 総務課, 人事管理部門) and a
 * Security Staff role for S007 on 3階東病棟; accounts for the people named (login ID → employee number).
 *   S001 CISO · S002 Director · S003 Manager 医療情報課 · S004 Manager 総務課 · S006 Manager 3階東病棟
 *   S007 staff 3階東病棟 · C001 contractor 医療情報課 · P001 personnel office
 */
export const lifecycleHospital = async (
  db: TestDatabase,
  accounts: Record<string, string> = {},
): Promise<Map<string, string>> => {
  const data = smallHospital();
  data.staff.push(
    staffRow({
      employeeNumber: 'P001',
      nameKanji: '人事 九子',
      nameKana: 'ジンジ ココ',
      unitCode: 'JIMU-SOMU',
    }),
  );
  data.assignments.push(
    assignmentRow({ role: 'personnelOffice', employeeNumber: 'P001', unitCode: 'JIMU-SOMU' }),
    assignmentRow({ role: 'securityStaff', employeeNumber: 'S007', unitCode: 'KANGO-3E' }),
  );
  const ctx = db.ctx(systemActor('test'));
  await importOrg(ctx, { data, source: 'lifecycle test' });
  const passwords = new Map<string, string>();
  for (const [loginId, employeeNumber] of Object.entries(accounts))
    passwords.set(loginId, (await createAccount(ctx, { loginId, employeeNumber })).temporaryPassword);
  return passwords;
};

/** A personnel file row with valid defaults for its kind; a test overrides what it is about. */
export const personnelRow = (
  over: Partial<PersonnelRow> & Pick<PersonnelRow, 'kind' | 'employeeNumber'>,
) => ({
  effectiveDate: '2026-04-01',
  nameKanji: null,
  nameKana: null,
  employment: null,
  category: 'employee' as const,
  organization: null,
  unitCode: null,
  positionCode: null,
  email: null,
  phone: null,
  loginId: null,
  returnDate: null,
  note: null,
  ...over,
});

/** A hire row: a new nurse on 3階東病棟 unless told otherwise. */
export const hireRow = (employeeNumber: string, over: Partial<PersonnelRow> = {}) =>
  personnelRow({
    kind: 'hire',
    employeeNumber,
    nameKanji: '新人 花子',
    nameKana: 'シンジン ハナコ',
    employment: 'regular',
    unitCode: 'KANGO-3E',
    ...over,
  });

/** The actor of a staff member with an account id that exists (for rules that compare accounts). */
export const staffActor = async (
  db: TestDatabase,
  employeeNumber: string,
  accountId?: string,
): Promise<Actor> => {
  const actor = await actorOf(db, employeeNumber);
  return accountId === undefined ? actor : { ...actor, accountId };
};

export const accountOf = async (db: TestDatabase, loginId: string) =>
  db.handle.db.selectFrom('accounts').selectAll().where('login_id', '=', loginId).executeTakeFirstOrThrow();

export const staffOf = async (db: TestDatabase, employeeNumber: string) =>
  db.handle.db
    .selectFrom('staff')
    .selectAll()
    .where('employee_number', '=', employeeNumber)
    .executeTakeFirstOrThrow();
