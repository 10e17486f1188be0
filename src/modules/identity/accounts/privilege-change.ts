import type { AccountTable, Db, LedgerDraft } from '../../../kernel/index.js';
import { updateAccountRow } from '../accounts.repository.js';
import { endAllSessions } from '../lifecycle/lifecycle.repository.js';

/** Making an ID privileged for a system, or no longer (第7 2(1)ウ(イ)): who allowed it, until when, by which request. */
export interface PrivilegeChange {
  readonly privileged: boolean;
  readonly systemName: string | null;
  readonly reason: string;
  /** The ledger ref of whoever allowed it (an approver, or the administrator on the ID screens). */
  readonly grantedBy: string;
  /** The last day the privilege may be used; null: until revoked. */
  readonly until?: string | null;
  /** The approval request that allowed it, when there is one. */
  readonly request?: { readonly id: string; readonly refNo: string } | null;
  /** Why it ends without a person (e.g. its day passed). */
  readonly why?: string;
}

/**
 * The account side of a privilege change, inside the caller's transaction: the row records who allowed it, for
 * which system and until when; the account's sessions end, so the next sign-in runs under the profile of its new
 * class (MFA for privileged IDs, 7-2(1)ウ(エ)). Authorization (and the contractor rule, 7-2(1)ウ(ウ)) is the
 * caller's: the ID screens' use case, or the approval of an `identity.privilegedGrant` request.
 */
export const changePrivilege = async (
  tx: Db,
  account: AccountTable,
  change: PrivilegeChange,
  now: string,
): Promise<LedgerDraft[]> => {
  const systemName = change.systemName ?? account.system_name;
  await updateAccountRow(tx, account.id, {
    privileged: change.privileged ? 1 : 0,
    system_name: systemName,
    privileged_granted_by: change.privileged ? change.grantedBy : null,
    privileged_granted_at: change.privileged ? now : null,
    privileged_until: change.privileged ? (change.until ?? null) : null,
    privileged_request_id: change.privileged ? (change.request?.id ?? null) : null,
    updated_at: now,
  });
  const ended = await endAllSessions(tx, account.id, now, 'privilegeChanged');
  return [
    {
      kind: change.privileged ? 'identity.privilegeGranted' : 'identity.privilegeRevoked',
      subject: `account:${account.id}`,
      payload: {
        loginId: account.login_id,
        systemName,
        reason: change.reason,
        endedSessions: ended,
        ...(change.until == null ? {} : { until: change.until }),
        ...(change.request == null ? {} : { request: change.request.refNo }),
        ...(change.why === undefined ? {} : { why: change.why }),
      },
    },
  ];
};
