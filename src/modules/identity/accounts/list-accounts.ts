import { defineQuery, requirePermission } from '../../../kernel/index.js';
import type { AccountPage } from '../../../shared/identity-admin-types.js';
import { todayOf } from './account-inputs.js';
import { accountListItem } from './account-views.js';
import { findAccounts, lockedAccountIds } from './accounts-admin.repository.js';
import { listAccountsInput } from './accounts.schema.js';

/** The accounts screen: every ID with its kind, class, unit and status, filtered and paged. */
export const listAccounts = defineQuery({
  name: 'identity.listAccounts',
  input: listAccountsInput,
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.manageAccounts'),
  execute: async (ctx, input): Promise<AccountPage> => {
    const db = ctx.database.db;
    const locked = await lockedAccountIds(db, ctx.clock.now().toISOString());
    const today = todayOf(ctx);
    const all = (await findAccounts(db, input)).map((a) => accountListItem(a, today, locked.has(a.id)));
    const matching = input.status === undefined ? all : all.filter((a) => a.status === input.status);
    return { items: matching.slice(input.offset, input.offset + input.limit), total: matching.length };
  },
});
