import { z } from 'zod';
import { defineQuery, requirePermission } from '../../../kernel/index.js';
import type { AccountKindCode, SweepItemView, SweepView } from '../../../shared/identity-admin-types.js';
import { accountListItem, unitRefOf } from '../accounts/account-views.js';
import { findAccounts } from '../accounts/accounts-admin.repository.js';
import { todayOf } from '../accounts/account-inputs.js';
import { loadIdentitySettings } from '../settings.repository.js';
import { inSweepScope, sweepUnitsOf } from './sweep-scope.js';
import { lastSweep, sweepItems } from './sweep.repository.js';

const DAY = 86_400_000;

/**
 * The unused-ID sweep as each person sees it: a Security Manager the candidates of their own section's IDs, the
 * Security Director all of them; items waiting for a decision and those decided in the last 30 days.
 */
export const listSweepItems = defineQuery({
  name: 'identity.listSweepItems',
  input: z.object({}).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.sweep'),
  execute: async (ctx): Promise<SweepView> => {
    const db = ctx.database.db;
    const now = ctx.clock.now();
    const scope = sweepUnitsOf(ctx.actor);
    const items = (await sweepItems(db, new Date(now.getTime() - 30 * DAY).toISOString())).filter((i) =>
      inSweepScope(scope, i.unit_id),
    );
    const accounts = new Map(
      (await findAccounts(db, { q: null }))
        .filter((a) => items.some((i) => i.account_id === a.id))
        .map((a) => [a.id, a]),
    );
    const today = todayOf(ctx);
    const last = await lastSweep(db);
    const views: SweepItemView[] = items.flatMap((i) => {
      const a = accounts.get(i.account_id);
      if (a === undefined) return [];
      const item = accountListItem(a, today, false);
      return [
        {
          id: i.id,
          sweepId: i.sweep_id,
          accountId: a.id,
          loginId: a.login_id,
          name: item.name,
          kind: a.kind as AccountKindCode,
          privileged: item.privileged,
          unit: unitRefOf(a),
          reason: i.reason as SweepItemView['reason'],
          lastSignInAt: i.last_sign_in_at,
          foundAt: i.found_at,
          decision: i.decision as SweepItemView['decision'],
          decidedAt: i.decided_at,
          decidedBy: i.decided_by,
          note: i.note,
        },
      ];
    });
    return {
      lastSweep:
        last === undefined
          ? null
          : {
              id: last.id,
              startedAt: last.started_at,
              unusedDays: last.unused_days,
              cutoff: last.cutoff,
              candidates: last.candidates,
            },
      unusedDays: (await loadIdentitySettings(db)).unusedDays,
      items: views,
    };
  },
});
