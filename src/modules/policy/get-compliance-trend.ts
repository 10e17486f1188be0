import { z } from 'zod';
import { calendarDateSchema, defineQuery, validationError, type ComplianceSnapshotTable } from '../../kernel/index.js';
import type {
  ComplianceChangeView,
  ComplianceSnapshotView,
  ComplianceStatusCode,
  ComplianceTrendView,
} from '../../shared/api-types.js';
import type { ComplianceSetup } from './compliance-setup.js';
import { findSnapshot, latestSnapshotOnOrBefore, listSnapshots, type SnapshotSummary } from './compliance.repository.js';
import { allow, today } from './policy-access.js';
import type { SnapshotClause } from './take-compliance-snapshot.js';

export const getComplianceTrendInput = z
  .object({
    from: calendarDateSchema.optional(),
    to: calendarDateSchema.optional(),
    /** Compare the latest snapshot with the last one taken on or before this date (the previous review). */
    since: calendarDateSchema.optional(),
  })
  .strict();

const view = (s: SnapshotSummary): ComplianceSnapshotView => ({
  id: s.id,
  takenOn: s.taken_on,
  takenAt: s.taken_at,
  ledgerSize: s.ledger_size,
  counts: {
    met: s.met,
    partlyMet: s.partly_met,
    notMet: s.not_met,
    notYetEvaluable: s.not_yet_evaluable,
    notApplicable: s.not_applicable,
  },
  digest: s.digest,
});

/** The last snapshot of each day. */
const lastOfEachDay = (rows: readonly SnapshotSummary[]): SnapshotSummary[] => {
  const byDay = new Map<string, SnapshotSummary>();
  for (const r of rows) byDay.set(r.taken_on, r);
  return [...byDay.values()];
};

const rank: Partial<Record<ComplianceStatusCode, number>> = { met: 3, partlyMet: 2, notMet: 1 };

const parse = (row: ComplianceSnapshotTable): Map<string, SnapshotClause> =>
  new Map((JSON.parse(row.results) as SnapshotClause[]).map((c) => [c.id, c]));

/** Clauses whose status differs between two snapshots: better, worse, or changed (to or from "not evaluable"). */
export const compareSnapshots = (
  from: ComplianceSnapshotTable,
  to: ComplianceSnapshotTable,
): ComplianceChangeView[] => {
  const before = parse(from);
  const changes: ComplianceChangeView[] = [];
  for (const now of parse(to).values()) {
    const was = before.get(now.id)?.status ?? null;
    if (was === now.status) continue;
    const a = was === null ? undefined : rank[was];
    const b = rank[now.status];
    changes.push({
      clauseId: now.id,
      from: was,
      to: now.status,
      direction: a === undefined || b === undefined ? 'changed' : b > a ? 'improved' : 'worsened',
    });
  }
  return changes;
};

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Daily snapshots over a period (a year by default) and what changed since the previous review. */
export const getComplianceTrend = (setup: ComplianceSetup) =>
  defineQuery({
    name: 'policy.getComplianceTrend',
    input: getComplianceTrendInput,
    authorize: allow('compliance.read'),
    execute: async (ctx, input): Promise<ComplianceTrendView> => {
      const db = ctx.database.db;
      const pack = setup.pack.manifest.name;
      const to = input.to ?? today(ctx);
      const from = input.from ?? addDays(to, -365);
      if (from > to)
        throw validationError([
          { field: 'from', message: { ja: '開始日は終了日以前にしてください。', en: 'Must not be after "to".' } },
        ]);
      const snapshots = lastOfEachDay(await listSnapshots(db, pack, from, to));
      const latest = snapshots.at(-1);
      if (latest === undefined) return { snapshots: [], comparison: null };
      const base =
        input.since === undefined
          ? snapshots.at(-2)
          : await latestSnapshotOnOrBefore(db, pack, input.since);
      if (base === undefined || base.id === latest.id) return { snapshots: snapshots.map(view), comparison: null };
      const [a, b] = await Promise.all([findSnapshot(db, base.id), findSnapshot(db, latest.id)]);
      if (a === undefined || b === undefined) return { snapshots: snapshots.map(view), comparison: null };
      return {
        snapshots: snapshots.map(view),
        comparison: { from: view(a), to: view(b), changes: compareSnapshots(a, b) },
      };
    },
  });
