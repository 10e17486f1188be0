import { z } from 'zod';
import { defineQuery, requirePermission } from '../../../kernel/index.js';
import type { SharedAccountView } from '../../../shared/identity-admin-types.js';
import { todayOf } from '../accounts/account-inputs.js';
import { statusOf, unitRefOf } from '../accounts/account-views.js';
import { findAccounts, lockedAccountIds, sharedUsersOf } from '../accounts/accounts-admin.repository.js';

/**
 * Shared IDs and their named users (第6 4(1)): each with its unit, purpose and status, and what to look at — no
 * user named, or a named user no longer on the roster.
 */
export const listSharedAccounts = defineQuery({
  name: 'identity.listSharedAccounts',
  input: z.object({}).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.readReports'),
  execute: async (ctx): Promise<SharedAccountView[]> => {
    const db = ctx.database.db;
    const today = todayOf(ctx);
    const locked = await lockedAccountIds(db, ctx.clock.now().toISOString());
    const shared = await findAccounts(db, { q: null, kind: 'shared' });
    const users = await sharedUsersOf(
      db,
      shared.map((a) => a.id),
    );
    return shared.map((a) => {
      const mine = users
        .filter((u) => u.account_id === a.id)
        .map((u) => ({
          employeeNumber: u.employee_number,
          name: u.name_kanji,
          onRoster: u.start_date <= today && (u.end_date === null || u.end_date >= today),
          addedAt: u.added_at,
        }));
      const problems: SharedAccountView['problems'] = [];
      if (mine.length === 0) problems.push('noUsers');
      if (mine.some((u) => !u.onRoster)) problems.push('userLeft');
      return {
        id: a.id,
        loginId: a.login_id,
        displayName: a.display_name,
        purpose: a.purpose,
        unit: unitRefOf(a),
        status: statusOf(a, today, locked.has(a.id)),
        privileged: a.privileged === 1,
        lastSignInAt: a.last_sign_in_at,
        users: mine,
        problems,
      };
    });
  },
});
