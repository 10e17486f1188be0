import type { Db, LockoutTable, SignInAttemptTable } from '../../kernel/index.js';

export type AttemptOutcome =
  | 'success'
  | 'badPassword'
  | 'unknownId'
  | 'locked'
  | 'addressLocked'
  | 'disabled'
  | 'badSecondFactor'
  /** The password was right; the second factor is still to come. */
  | 'secondFactorPending'
  /** Single sign-on refused: the provider's answer did not hold, or it named no usable account. */
  | 'ssoRefused'
  /** The password was right but this ID signs in through single sign-on (only privileged IDs use passwords). */
  | 'ssoRequired';

/** Outcomes that count as a failed attempt (for the per-address limit and the notice after sign-in). */
export const failureOutcomes: readonly AttemptOutcome[] = [
  'badPassword',
  'unknownId',
  'locked',
  'disabled',
  'badSecondFactor',
  'ssoRefused',
];

export const insertAttempt = async (db: Db, row: SignInAttemptTable): Promise<void> => {
  await db.insertInto('sign_in_attempts').values(row).execute();
};

export const countAddressFailures = async (db: Db, ip: string, since: string): Promise<number> => {
  const row = await db
    .selectFrom('sign_in_attempts')
    .select(db.fn.countAll<number>().as('n'))
    .where('ip', '=', ip)
    .where('at', '>', since)
    .where('outcome', 'in', failureOutcomes)
    .executeTakeFirst();
  return row?.n ?? 0;
};

/** A lock in force now: not released, and without an end or ending later. */
export const activeLockout = (
  db: Db,
  scope: 'account' | 'address',
  subject: string,
  now: string,
): Promise<LockoutTable | undefined> =>
  db
    .selectFrom('lockouts')
    .selectAll()
    .where('scope', '=', scope)
    .where('subject', '=', subject)
    .where('released_at', 'is', null)
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', now)]))
    .orderBy('started_at', 'desc')
    .executeTakeFirst();

export const insertLockout = async (db: Db, row: LockoutTable): Promise<void> => {
  await db.insertInto('lockouts').values(row).execute();
};

export const releaseLockouts = async (
  db: Db,
  scope: 'account' | 'address',
  subject: string,
  fields: { at: string; by: string; reason: string },
): Promise<number> => {
  const result = await db
    .updateTable('lockouts')
    .set({ released_at: fields.at, released_by: fields.by, release_reason: fields.reason })
    .where('scope', '=', scope)
    .where('subject', '=', subject)
    .where('released_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
};

/** Locks in force now and those that ended in the last day, newest first, for the lockouts screen. */
export const listRecentLockouts = (db: Db, since: string): Promise<LockoutTable[]> =>
  db
    .selectFrom('lockouts')
    .selectAll()
    .where((eb) =>
      eb.or([eb('released_at', 'is', null), eb('released_at', '>', since), eb('started_at', '>', since)]),
    )
    .orderBy('started_at', 'desc')
    .limit(500)
    .execute();

/** The last successful sign-in of an account before a time, and the failures after it (7-2(2)). */
export const lastSuccessBefore = (
  db: Db,
  accountId: string,
  before: string,
  excludeId: string | null,
): Promise<SignInAttemptTable | undefined> => {
  let q = db
    .selectFrom('sign_in_attempts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('outcome', '=', 'success')
    .where('at', '<=', before);
  if (excludeId !== null) q = q.where('id', '!=', excludeId);
  return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
};

export const failuresBetween = (
  db: Db,
  accountId: string,
  after: string | null,
  before: string,
): Promise<SignInAttemptTable[]> => {
  let q = db
    .selectFrom('sign_in_attempts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('outcome', 'in', failureOutcomes)
    .where('at', '<=', before);
  if (after !== null) q = q.where('at', '>', after);
  return q.orderBy('at', 'desc').limit(50).execute();
};

export const findAttempt = (db: Db, id: string): Promise<SignInAttemptTable | undefined> =>
  db.selectFrom('sign_in_attempts').selectAll().where('id', '=', id).executeTakeFirst();
