import { z } from 'zod';
import { defineQuery, parameterNumber, requirePermission } from '../../../kernel/index.js';
import type { PrivilegedSystemView } from '../../../shared/identity-admin-types.js';
import { accountListItem, unitRefOf } from '../accounts/account-views.js';
import { findAccounts, lockedAccountIds } from '../accounts/accounts-admin.repository.js';
import { todayOf } from '../accounts/account-inputs.js';

/**
 * Privileged ID holders per information system (第7 2(1)ウ(ア)), to keep them few: every enabled privileged ID,
 * grouped by the system it is for (Mamori itself when none is named), each group against the hospital's limit
 * (`identity.privilegedMaxHolders` of the policy pack), with who allowed each (7-2(1)ウ(イ)).
 */
export const listPrivilegedHolders = defineQuery({
  name: 'identity.listPrivilegedHolders',
  input: z.object({}).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.readReports'),
  execute: async (ctx): Promise<PrivilegedSystemView[]> => {
    const db = ctx.database.db;
    const today = todayOf(ctx);
    const limit = await parameterNumber(db, 'identity.privilegedMaxHolders', 3);
    const locked = await lockedAccountIds(db, ctx.clock.now().toISOString());
    const held = (await findAccounts(db, { q: null, privileged: true })).filter(
      (a) => a.disabled_at === null && (a.end_date === null || a.end_date >= today),
    );
    const bySystem = new Map<string | null, typeof held>();
    for (const a of held) bySystem.set(a.system_name, [...(bySystem.get(a.system_name) ?? []), a]);
    return [...bySystem.entries()]
      .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b, 'ja')))
      .map(([systemName, accounts]) => ({
        systemName,
        limit,
        over: accounts.length > limit,
        holders: accounts.map((a) => {
          const item = accountListItem(a, today, locked.has(a.id));
          return {
            accountId: a.id,
            loginId: a.login_id,
            name: item.name,
            unit: unitRefOf(a),
            kind: item.kind,
            systemRole: a.system_role,
            grantedBy: a.privileged_granted_by,
            grantedAt: a.privileged_granted_at,
            lastSignInAt: a.last_sign_in_at,
            endDate: a.end_date,
            category: item.category,
          };
        }),
      }));
  },
});
