import { z } from 'zod';
import {
  actorRef,
  calendarDate,
  defineUseCase,
  newId,
  requirePermission,
  type IdSweepItemTable,
} from '../../../kernel/index.js';
import {
  findAccounts,
  sharedUsersOf,
  type AccountWithPerson,
} from '../accounts/accounts-admin.repository.js';
import { loadIdentitySettings } from '../settings.repository.js';
import { insertSweep, insertSweepItems, sweepItems } from './sweep.repository.js';

type Reason = 'unused' | 'notOnRoster' | 'ended';
const DAY = 86_400_000;

/**
 * Why an enabled ID is a candidate, if it is: past its end date; no longer tied to anyone on the personnel
 * roster (a personal ID whose holder left or who has no staff record, a development ID whose owner left, a
 * shared ID with nobody on the roster named); or no sign-in since the cutoff (7-2(1)イ(ウ)).
 */
const reasonOf = (
  a: AccountWithPerson,
  today: string,
  cutoff: string,
  sharedOnRoster: ReadonlySet<string>,
): Reason | null => {
  if (a.end_date !== null && a.end_date < today) return 'ended';
  const left = a.staff_end_date !== null && a.staff_end_date < today;
  if (a.kind === 'shared' ? !sharedOnRoster.has(a.id) : left) return 'notOnRoster';
  if (a.kind === 'personal' && a.employee_number === null && a.system_role === null && a.source === 'local')
    return 'notOnRoster';
  return (a.last_sign_in_at ?? a.created_at) < cutoff ? 'unused' : null;
};

/**
 * The unused-ID sweep (第7 2(1)イ(ウ)): finds the enabled IDs that are candidates and lists each to the Security
 * Manager of its unit (the screen), who disables it or keeps it with a reason. An ID already waiting for a
 * decision is not listed twice; one kept is listed again only after the unused period has passed once more.
 * The sweep is recorded even when it finds nothing: that is the evidence the check was made.
 */
export const startIdSweep = defineUseCase({
  name: 'identity.startIdSweep',
  input: z.object({ trigger: z.enum(['scheduled', 'manual']).default('manual') }).strict(),
  authorize: (ctx) => {
    if (ctx.actor.kind !== 'system') requirePermission(ctx.actor, 'identity.sweep');
  },
  execute: async (ctx, input, tx) => {
    const nowDate = ctx.clock.now();
    const now = nowDate.toISOString();
    const today = calendarDate(nowDate, ctx.timeZone);
    const { unusedDays } = await loadIdentitySettings(tx);
    const cutoff = new Date(nowDate.getTime() - unusedDays * DAY).toISOString();
    // The break-glass administrator is meant to lie unused; the privileged-holders report shows it instead.
    const enabled = (await findAccounts(tx, { q: null })).filter(
      (a) => a.disabled_at === null && a.system_role !== 'administrator',
    );
    const shared = enabled.filter((a) => a.kind === 'shared');
    const sharedOnRoster = new Set(
      (
        await sharedUsersOf(
          tx,
          shared.map((a) => a.id),
        )
      )
        .filter((u) => u.start_date <= today && (u.end_date === null || u.end_date >= today))
        .map((u) => u.account_id),
    );
    const known = await sweepItems(tx, cutoff);
    const waiting = new Set(known.filter((i) => i.decision === null).map((i) => i.account_id));
    const kept = new Set(
      known.filter((i) => i.decision === 'keep').map((i) => `${i.account_id}|${i.reason}`),
    );
    const sweepId = newId();
    const items: IdSweepItemTable[] = [];
    for (const a of enabled) {
      const reason = reasonOf(a, today, cutoff, sharedOnRoster);
      if (reason === null || waiting.has(a.id) || kept.has(`${a.id}|${reason}`)) continue;
      items.push({
        id: newId(),
        sweep_id: sweepId,
        account_id: a.id,
        unit_id: a.scoped_unit_id,
        reason,
        last_sign_in_at: a.last_sign_in_at,
        found_at: now,
        decision: null,
        decided_at: null,
        decided_by: null,
        note: null,
      });
    }
    await insertSweep(tx, {
      id: sweepId,
      started_at: now,
      started_by: actorRef(ctx.actor),
      trigger: input.trigger,
      unused_days: unusedDays,
      cutoff,
      as_of: today,
      candidates: items.length,
    });
    await insertSweepItems(tx, items);
    const byReason = (r: Reason) => items.filter((i) => i.reason === r).length;
    return {
      result: { id: sweepId, candidates: items.length },
      ledger: [
        {
          kind: 'identity.sweepStarted',
          subject: `idSweep:${sweepId}`,
          payload: {
            trigger: input.trigger,
            unusedDays,
            cutoff,
            checked: enabled.length,
            candidates: items.length,
            unused: byReason('unused'),
            notOnRoster: byReason('notOnRoster'),
            ended: byReason('ended'),
            accounts: items.map((i) => `account:${i.account_id}`),
          },
        },
      ],
    };
  },
});
