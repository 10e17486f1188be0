import { z } from 'zod';
import {
  actorRef,
  AppError,
  calendarDate,
  defineUseCase,
  systemActor,
  type AppContext,
  type Db,
  type LedgerDraft,
} from '../../../kernel/index.js';
import { endTermsFrom } from '../../org/index.js';
import { changePrivilege } from '../accounts/privilege-change.js';
import { disableAccount, enableAccount, removeFromSharedIds, rescopeAccount } from './account-changes.js';
import {
  accountsOfLeavers,
  accountsOutOfScope,
  accountsStarting,
  developmentIdsEnded,
  dueEvents,
  privilegesEnded,
} from './lifecycle.repository.js';
import { applyPersonnelEvent } from './personnel-apply.js';

export interface LifecycleCounts {
  events: number;
  leavers: number;
  rescoped: number;
  started: number;
  developmentEnded: number;
  privilegeEnded: number;
}

const findWork = async (db: Db, today: string) => ({
  events: await dueEvents(db, today),
  leavers: await accountsOfLeavers(db, today),
  outOfScope: await accountsOutOfScope(db),
  starting: await accountsStarting(db, today),
  developmentEnded: await developmentIdsEnded(db, today),
  privilegeEnded: await privilegesEnded(db, today),
});

const isEmpty = (w: Awaited<ReturnType<typeof findWork>>): boolean =>
  w.events.length +
    w.leavers.length +
    w.outOfScope.length +
    w.starting.length +
    w.developmentEnded.length +
    w.privilegeEnded.length ===
  0;

/**
 * Accounts follow staff records (第7 2(1)イ, 第7 3(2)イ(ア)), once a day or whenever the scheduler looks: personnel
 * events whose day has come are applied; an account whose holder's record ended by other means is disabled; one
 * whose holder moved unit by other means is re-scoped and the old unit's roles end; a pending account opens on
 * its holder's first day; a development ID past its end date is disabled; a privilege allowed until a day that has
 * passed ends (7-2(1)ウ(イ)).
 */
export const followStaffRecordsNow = defineUseCase({
  name: 'identity.followStaffRecords',
  input: z.object({}).strict(),
  authorize: (ctx) => {
    if (ctx.actor.kind !== 'system')
      throw new AppError('forbidden', {
        ja: 'この処理はスケジューラーが行います。',
        en: 'The scheduler runs this.',
      });
  },
  execute: async (ctx, _input, tx) => {
    const nowDate = ctx.clock.now();
    const now = nowDate.toISOString();
    const today = calendarDate(nowDate, ctx.timeZone);
    const run = { tx, now, today, by: actorRef(ctx.actor), dryRun: false };
    const work = await findWork(tx, today);
    const ledger: LedgerDraft[] = [];
    for (const event of work.events) ledger.push(...(await applyPersonnelEvent(run, event)));
    // Re-read after the events: they may have done what the checks below would do.
    const after = await findWork(tx, today);
    const counts: LifecycleCounts = {
      events: work.events.length,
      leavers: after.leavers.length,
      rescoped: after.outOfScope.length,
      started: after.starting.length,
      developmentEnded: after.developmentEnded.length,
      privilegeEnded: after.privilegeEnded.length,
    };
    for (const a of after.leavers)
      ledger.push(...(await disableAccount(tx, a, 'retired', now, { why: 'staffRecordEnded' })));
    for (const a of after.outOfScope) {
      const old = a.scoped_unit_id;
      ledger.push(...(await rescopeAccount(tx, a, a.staff_unit_id, now, { why: 'staffRecordMoved' })));
      if (old !== null && a.staff_id !== null) {
        ledger.push(...(await endTermsFrom(tx, a.staff_id, today, 'transfer', old)));
        ledger.push(...(await removeFromSharedIds(tx, a.staff_id, now, 'transfer', old)));
      }
    }
    for (const a of after.starting) ledger.push(...(await enableAccount(tx, a, now)));
    for (const a of after.developmentEnded)
      ledger.push(...(await disableAccount(tx, a, 'developmentEnded', now, { endDate: a.end_date })));
    for (const a of after.privilegeEnded)
      ledger.push(
        ...(await changePrivilege(
          tx,
          a,
          {
            privileged: false,
            systemName: null,
            reason: `until ${a.privileged_until ?? ''}`,
            grantedBy: run.by,
            why: 'untilPassed',
          },
          now,
        )),
      );
    return {
      result: counts,
      ledger: [
        { kind: 'identity.lifecycleApplied', subject: 'identity:lifecycle', payload: { today, ...counts } },
        ...ledger,
      ],
    };
  },
});

/** For the scheduler: looks, and writes only when something is due (an idle hospital adds no entries). */
export const followStaffRecords = async (app: AppContext): Promise<LifecycleCounts | null> => {
  const today = calendarDate(app.clock.now(), app.timeZone);
  if (isEmpty(await findWork(app.database.db, today))) return null;
  return followStaffRecordsNow({ ...app, actor: systemActor('lifecycle') }, {});
};
