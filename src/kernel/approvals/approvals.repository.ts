import { sql } from 'kysely';
import type { ApprovalRequestTable, ApprovalStepTable, Db, Dialect, NotificationTable } from '../db/index.js';

/** SQL for requests, steps, the request number and notifications. Portable across SQLite and PostgreSQL. */

export const findRequest = (db: Db, id: string): Promise<ApprovalRequestTable | undefined> =>
  db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirst();

/** The request row, locked for the rest of the transaction on PostgreSQL (SQLite has one writer). */
export const lockRequest = async (
  db: Db,
  dialect: Dialect,
  id: string,
): Promise<ApprovalRequestTable | undefined> =>
  dialect === 'postgres'
    ? db.selectFrom('approval_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
    : findRequest(db, id);

export const insertRequest = async (db: Db, row: ApprovalRequestTable): Promise<void> => {
  await db.insertInto('approval_requests').values(row).execute();
};

export const updateRequest = async (
  db: Db,
  id: string,
  changes: Partial<Omit<ApprovalRequestTable, 'id' | 'created_at'>>,
): Promise<void> => {
  await db.updateTable('approval_requests').set(changes).where('id', '=', id).execute();
};

export const stepsOf = (db: Db, requestId: string): Promise<ApprovalStepTable[]> =>
  db.selectFrom('approval_steps').selectAll().where('request_id', '=', requestId).orderBy('idx').execute();

export const insertSteps = async (db: Db, rows: readonly ApprovalStepTable[]): Promise<void> => {
  if (rows.length > 0)
    await db
      .insertInto('approval_steps')
      .values([...rows])
      .execute();
};

export const updateStep = async (
  db: Db,
  id: string,
  changes: Partial<Omit<ApprovalStepTable, 'id' | 'request_id' | 'idx'>>,
): Promise<void> => {
  await db.updateTable('approval_steps').set(changes).where('id', '=', id).execute();
};

/** The next request number of a year: 申請番号 `2026-000123`, unique and gap-free per year. */
export const nextRefNo = async (db: Db, year: number): Promise<string> => {
  const name = `request:${String(year)}`;
  await db
    .insertInto('approval_counters')
    .values({ name, value: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  await db
    .updateTable('approval_counters')
    .set({ value: sql<number>`value + 1` })
    .where('name', '=', name)
    .execute();
  const row = await db
    .selectFrom('approval_counters')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return `${String(year)}-${String(row.value).padStart(6, '0')}`;
};

export const insertNotifications = async (db: Db, rows: readonly NotificationTable[]): Promise<void> => {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('notifications')
      .values(rows.slice(i, i + 200))
      .execute();
  }
};

/** A (role, unit) an actor holds: unit null for hospital-wide roles. */
export interface Seat {
  readonly role: string;
  readonly unitId: string | null;
}

export interface TaskRow {
  readonly step_id: string;
  readonly idx: number;
  readonly role: string;
  readonly unit_id: string | null;
  readonly unit_name_ja: string | null;
  readonly unit_name_en: string | null;
  readonly escalated_role: string | null;
  readonly escalated_unit_id: string | null;
  readonly activated_at: string | null;
  readonly reminder_count: number;
  readonly request_id: string;
  readonly ref_no: string;
  readonly type_id: string;
  readonly status: string;
  readonly title: string;
  readonly applicant_name: string;
  readonly applicant_unit_name_ja: string;
  readonly applicant_unit_name_en: string;
  readonly submitted_at: string | null;
  readonly expires_at: string | null;
}

/**
 * "What waits for me": pending steps whose approver seat (or escalation seat) the person holds, not on requests
 * they made or prepared. Uses the inbox indexes (status, role, unit_id, …) and (status, escalated_role, …).
 */
export const pendingStepsFor = async (
  db: Db,
  seats: readonly Seat[],
  staffId: string,
  limit: number,
): Promise<TaskRow[]> => {
  if (seats.length === 0) return [];
  return (
    db
      .selectFrom('approval_steps as s')
      .innerJoin('approval_requests as r', 'r.id', 's.request_id')
      .select([
        's.id as step_id',
        's.idx',
        's.role',
        's.unit_id',
        's.unit_name_ja',
        's.unit_name_en',
        's.escalated_role',
        's.escalated_unit_id',
        's.activated_at',
        's.reminder_count',
        'r.id as request_id',
        'r.ref_no',
        'r.type_id',
        'r.status',
        'r.title',
        'r.applicant_name',
        'r.applicant_unit_name_ja',
        'r.applicant_unit_name_en',
        'r.submitted_at',
        'r.expires_at',
      ])
      // The seats as a union of index searches (one per seat and per escalation seat), so the database never walks
      // every pending step of the hospital in date order: a few dozen rows are then sorted.
      .where('s.id', 'in', (eb) => {
        const bySeat = (seat: Seat, escalated: boolean) => {
          const role = escalated ? 'escalated_role' : 'role';
          const unit = escalated ? 'escalated_unit_id' : 'unit_id';
          const q = eb
            .selectFrom('approval_steps')
            .select('id')
            .where('status', '=', 'pending')
            .where(role, '=', seat.role);
          return seat.unitId === null ? q.where(unit, 'is', null) : q.where(unit, '=', seat.unitId);
        };
        const [first, ...rest] = seats.flatMap((seat) => [bySeat(seat, false), bySeat(seat, true)]);
        if (first === undefined) throw new Error('no seats');
        return rest.reduce((union, q) => union.unionAll(q), first);
      })
      .where('r.applicant_staff_id', '<>', staffId)
      .where((eb) => eb.or([eb('r.preparer_staff_id', 'is', null), eb('r.preparer_staff_id', '<>', staffId)]))
      .orderBy('s.activated_at')
      .limit(limit)
      .execute()
  );
};

export const requestsOf = (
  db: Db,
  staffId: string,
  limit: number,
): Promise<
  Pick<
    ApprovalRequestTable,
    | 'id'
    | 'ref_no'
    | 'type_id'
    | 'status'
    | 'title'
    | 'created_at'
    | 'submitted_at'
    | 'decided_at'
    | 'current_step'
  >[]
> =>
  db
    .selectFrom('approval_requests')
    .select([
      'id',
      'ref_no',
      'type_id',
      'status',
      'title',
      'created_at',
      'submitted_at',
      'decided_at',
      'current_step',
    ])
    .where((eb) => eb.or([eb('applicant_staff_id', '=', staffId), eb('preparer_staff_id', '=', staffId)]))
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
