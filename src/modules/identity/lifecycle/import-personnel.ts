import { createHash } from 'node:crypto';
import {
  actorRef,
  calendarDate,
  canonicalJson,
  defineUseCase,
  newId,
  requirePermission,
  validationError,
  type JsonValue,
} from '../../../kernel/index.js';
import { importPersonnelInput, personnelEventKinds, type PersonnelEventKind } from './lifecycle.schema.js';
import { recordPersonnelEvents, type HiredAccount, type RecordedEvent } from './personnel-apply.js';
import { planPersonnelEvents } from './personnel-plan.js';

export interface KindCounts {
  applied: number;
  scheduled: number;
  unchanged: number;
}

export interface ImportPersonnelResult {
  readonly dryRun: boolean;
  readonly counts: Record<PersonnelEventKind, KindCounts>;
  readonly events: readonly RecordedEvent[];
  /** Accounts made for hires; their temporary passwords are shown once, and never for a dry run. */
  readonly accounts: readonly HiredAccount[];
}

const countsOf = (events: readonly RecordedEvent[]): Record<PersonnelEventKind, KindCounts> => {
  const counts = Object.fromEntries(
    personnelEventKinds.map((k) => [k, { applied: 0, scheduled: 0, unchanged: 0 }]),
  ) as Record<PersonnelEventKind, KindCounts>;
  for (const e of events) counts[e.kind][e.status]++;
  return counts;
};

/**
 * The personnel office's hires, transfers, leaves, returns and retirements (第7 2(1)イ(ア), 人事管理部門と連携
 * 7-2(1)イ(ウ)): all rows are checked first, and one wrong row rejects the file with every row's issues, nothing
 * written. Events whose day has come apply at once; the others wait for the scheduler. A dry run does all of it
 * and rolls back.
 */
export const importPersonnel = defineUseCase({
  name: 'identity.importPersonnel',
  input: importPersonnelInput,
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.importPersonnel'),
  execute: async (ctx, input, tx) => {
    const nowDate = ctx.clock.now();
    const rows = input.rows.map((data, i) => ({ row: input.rowNumbers?.[i] ?? i + 2, data }));
    const plan = await planPersonnelEvents(tx, rows, { withRows: true });
    if (plan.issues.length > 0) {
      const sorted = [...plan.issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
      throw validationError(sorted, `personnel rows rejected: ${String(sorted.length)} issues`);
    }
    const batchId = newId();
    const recorded = await recordPersonnelEvents(
      {
        tx,
        now: nowDate.toISOString(),
        today: calendarDate(nowDate, ctx.timeZone),
        by: actorRef(ctx.actor),
        dryRun: input.dryRun,
      },
      plan.events,
      { source: 'import', batchId },
    );
    const counts = countsOf(recorded.events);
    const digest = createHash('sha256').update(canonicalJson(input.rows)).digest('hex');
    return {
      result: {
        dryRun: input.dryRun,
        counts,
        events: recorded.events,
        accounts: recorded.accounts,
      } satisfies ImportPersonnelResult,
      ledger: [
        {
          kind: 'identity.personnelImported',
          subject: `personnelImport:${batchId}`,
          payload: {
            source: input.source,
            sha256: digest,
            rows: input.rows.length,
            counts: counts as unknown as JsonValue,
            accountsCreated: recorded.accounts.length,
          },
        },
        ...recorded.ledger,
      ],
      commit: !input.dryRun,
    };
  },
});
