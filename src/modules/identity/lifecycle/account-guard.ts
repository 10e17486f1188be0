import {
  AppError,
  recordingDenials,
  requirePermission,
  type AccountTable,
  type Db,
  type UseCaseContext,
} from '../../../kernel/index.js';
import { findAccountById } from '../accounts.repository.js';
import { classOf } from '../password-profiles.js';
import { refuseContractor } from '../privileged-guard.js';

/**
 * Who may change an account: the account administrators; for a privileged ID (or one becoming privileged) also
 * the privileged-ID permission, which the access rules never give a contractor (第7 2(1)ウ(ウ)), and the use case
 * refuses a contractor itself as well, whatever system role their account holds.
 */
export const authorizeAccountChange = (
  ctx: UseCaseContext,
  account: Pick<AccountTable, 'privileged' | 'system_role'> | { privileged: number; system_role: null },
): void => {
  requirePermission(ctx.actor, 'identity.manageAccounts');
  if (classOf(account) === 'privileged') {
    requirePermission(ctx.actor, 'identity.managePrivileged');
    refuseContractor(ctx.actor);
  }
};

/** Authorizes a change of one account: the permission first (no hint whether an ID exists), then its class. */
export const authorizeChangeOf = async (ctx: UseCaseContext, tx: Db, accountId: string): Promise<void> => {
  requirePermission(ctx.actor, 'identity.manageAccounts');
  authorizeAccountChange(ctx, await accountOrNotFound(tx, accountId));
};

export const accountOrNotFound = async (tx: Db, id: string): Promise<AccountTable> => {
  const account = await findAccountById(tx, id);
  if (account === undefined)
    throw new AppError('notFound', { ja: 'アカウントが見つかりません。', en: 'No such account.' });
  return account;
};

/**
 * A refusal by a forbid rule marked for reporting (a contractor at a privileged ID) becomes an `access.denied`
 * entry of its own after the refused use case rolled back; the error goes on (the kernel's wrapper).
 */
export { recordingDenials };
