import type { AccountTable, Db, JsonValue, LedgerDraft } from '../../../kernel/index.js';
import { updateAccountRow } from '../accounts.repository.js';
import type { DisabledReason } from './lifecycle.schema.js';
import { endAllSessions, removeSharedUserRow, sharedPlacesOf } from './lifecycle.repository.js';

/**
 * The account side of the lifecycle, for use cases to call inside their transaction: each change updates the
 * row (and the object, so later steps see it) and returns its ledger entries. A disabled account's sessions end
 * at once; authenticateSession would refuse them anyway, but ended sessions show why in "my sessions".
 */

export const disableAccount = async (
  tx: Db,
  account: AccountTable,
  reason: DisabledReason,
  now: string,
  detail: Record<string, JsonValue> = {},
): Promise<LedgerDraft[]> => {
  if (account.disabled_at !== null) return [];
  await updateAccountRow(tx, account.id, { disabled_at: now, disabled_reason: reason, updated_at: now });
  const sessions = await endAllSessions(tx, account.id, now, `disabled:${reason}`);
  Object.assign(account, { disabled_at: now, disabled_reason: reason, updated_at: now });
  return [
    {
      kind: 'identity.accountDisabled',
      subject: `account:${account.id}`,
      payload: { loginId: account.login_id, reason, endedSessions: sessions, ...detail },
    },
  ];
};

/** Enables an account; `kind` says whether it is a first activation (a hire's first day) or a return. */
export const enableAccount = async (
  tx: Db,
  account: AccountTable,
  now: string,
  detail: Record<string, JsonValue> = {},
): Promise<LedgerDraft[]> => {
  if (account.disabled_at === null) return [];
  const was = account.disabled_reason;
  await updateAccountRow(tx, account.id, { disabled_at: null, disabled_reason: null, updated_at: now });
  Object.assign(account, { disabled_at: null, disabled_reason: null, updated_at: now });
  return [
    {
      kind: was === 'notStarted' ? 'identity.accountActivated' : 'identity.accountEnabled',
      subject: `account:${account.id}`,
      payload: { loginId: account.login_id, was, ...detail },
    },
  ];
};

/** The account now belongs to another unit (a transfer): its scope moves. */
export const rescopeAccount = async (
  tx: Db,
  account: AccountTable,
  unitId: string,
  now: string,
  detail: Record<string, JsonValue> = {},
): Promise<LedgerDraft[]> => {
  if (account.scoped_unit_id === unitId) return [];
  const from = account.scoped_unit_id;
  await updateAccountRow(tx, account.id, { scoped_unit_id: unitId, updated_at: now });
  Object.assign(account, { scoped_unit_id: unitId, updated_at: now });
  return [
    {
      kind: 'identity.accountRescoped',
      subject: `account:${account.id}`,
      payload: {
        loginId: account.login_id,
        from: from === null ? null : `unit:${from}`,
        to: `unit:${unitId}`,
        ...detail,
      },
    },
  ];
};

/**
 * A person stops being a permitted user of shared IDs (6-4(1)): those of their old unit on a transfer, all of
 * them on leaving.
 */
export const removeFromSharedIds = async (
  tx: Db,
  staffId: string,
  now: string,
  reason: string,
  unitId?: string,
): Promise<LedgerDraft[]> => {
  const places = await sharedPlacesOf(tx, staffId, unitId);
  for (const p of places) await removeSharedUserRow(tx, p.id, now);
  return places.map((p) => ({
    kind: 'identity.sharedUserRemoved',
    subject: `account:${p.account_id}`,
    payload: { loginId: p.login_id, staff: `staff:${staffId}`, reason },
  }));
};
