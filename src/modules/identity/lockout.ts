import { newId, type AccountTable, type LedgerDraft, type Tx } from '../../kernel/index.js';
import { updateAccountRow } from './accounts.repository.js';
import {
  activeLockout,
  countAddressFailures,
  insertAttempt,
  insertLockout,
  type AttemptOutcome,
} from './attempts.repository.js';
import { addMinutes } from './open-session.js';
import type { AddressLimit, PasswordProfile } from './password-profiles.js';

/**
 * After a failed attempt (already recorded): counts the account's consecutive failures and locks it at the
 * profile's threshold (7-2(1)ウ(エ) 入力回数制限: fewer for privileged IDs), and locks the address when too many
 * attempts from it failed within the window, whatever IDs they named (password spraying).
 */
export const recordFailure = async (
  tx: Tx,
  fields: {
    /** The account whose password was wrong; undefined for unknown, locked or disabled IDs. */
    readonly account: AccountTable | undefined;
    readonly profile: PasswordProfile;
    readonly address: AddressLimit;
    readonly ip: string | null;
    readonly now: string;
  },
): Promise<LedgerDraft[]> => {
  const { account, profile, now } = fields;
  const out: LedgerDraft[] = [];
  if (account) {
    // A lock that ran out starts the count again.
    const previous = account.failed_attempts >= profile.lockoutThreshold ? 0 : account.failed_attempts;
    const failures = previous + 1;
    await updateAccountRow(tx, account.id, { failed_attempts: failures });
    if (failures >= profile.lockoutThreshold) {
      const until = profile.lockoutMinutes === null ? null : addMinutes(now, profile.lockoutMinutes);
      await insertLockout(tx, {
        id: newId(),
        scope: 'account',
        subject: account.id,
        started_at: now,
        until,
        failures,
        released_at: null,
        released_by: null,
        release_reason: null,
      });
      out.push({
        kind: 'identity.accountLocked',
        subject: `account:${account.id}`,
        payload: { failures, threshold: profile.lockoutThreshold, until, profile: profile.preset },
      });
    }
  }
  if (fields.ip !== null) {
    const since = addMinutes(now, -fields.address.windowMinutes);
    const failures = await countAddressFailures(tx, fields.ip, since);
    if (failures >= fields.address.threshold && !(await activeLockout(tx, 'address', fields.ip, now))) {
      const until = addMinutes(now, fields.address.lockMinutes);
      await insertLockout(tx, {
        id: newId(),
        scope: 'address',
        subject: fields.ip,
        started_at: now,
        until,
        failures,
        released_at: null,
        released_by: null,
        release_reason: null,
      });
      out.push({
        kind: 'identity.addressLocked',
        subject: `address:${fields.ip}`,
        payload: {
          failures,
          threshold: fields.address.threshold,
          windowMinutes: fields.address.windowMinutes,
          until,
        },
      });
    }
  }
  return out;
};

/**
 * A failed check of a signed-in person's password or second factor (a change of password, an elevation): the
 * attempt is recorded like one at sign-in and counts toward the same locks. Returns the locks' ledger entries.
 */
export const recordFailedCheck = async (
  tx: Tx,
  fields: {
    readonly account: AccountTable;
    readonly profile: PasswordProfile;
    readonly address: AddressLimit;
    readonly ip: string | null;
    readonly userAgent: string | null;
    readonly outcome: AttemptOutcome;
    readonly method: 'passwordChange' | 'elevation';
    readonly now: string;
  },
): Promise<LedgerDraft[]> => {
  await insertAttempt(tx, {
    id: newId(),
    at: fields.now,
    login_id: fields.account.login_id,
    account_id: fields.account.id,
    ip: fields.ip,
    user_agent: fields.userAgent,
    outcome: fields.outcome,
    method: fields.method,
  });
  return recordFailure(tx, fields);
};
