import { defineQuery, endOfDay, type UseCaseContext } from '../../kernel/index.js';
import type { AssetHandlingView } from '../../shared/api-types.js';
import { allow } from './asset-access.js';
import { loadLookups, presentHandling } from './assets.presenters.js';
import { handlingFilters } from './assets.schema.js';
import { listHandlings } from './handlings.repository.js';
import { visibleRecords } from './record-visibility.js';

/** The first instant of a calendar date in the hospital's time zone. */
export const startOfDay = (date: string, timeZone: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return endOfDay(d.toISOString().slice(0, 10), timeZone);
};

export const dayRange = (ctx: UseCaseContext, from?: string | null, to?: string | null) => ({
  from: from === undefined || from === null ? null : startOfDay(from, ctx.timeZone),
  to: to === undefined || to === null ? null : endOfDay(to, ctx.timeZone),
});

/**
 * The handling log: transports, provisions, publications and their checks, disposals, receipts, copies, rulings,
 * erased drafts — newest first, filtered by kind, unit, asset and dates, as the reader may see them.
 */
export const listHandlingLog = defineQuery({
  name: 'assets.listHandlings',
  input: handlingFilters,
  authorize: allow('assets.read'),
  execute: async (ctx, input): Promise<AssetHandlingView[]> => {
    const db = ctx.database.db;
    const rows = await listHandlings(
      db,
      {
        kind: input.kind ?? null,
        unitId: input.unitId ?? null,
        assetId: input.assetId ?? null,
        ...dayRange(ctx, input.from, input.to),
      },
      input.limit * 4,
    );
    const visible = (await visibleRecords(ctx, db, rows)).slice(0, input.limit);
    const lookups = await loadLookups(db);
    return visible.map((h) => presentHandling(h, lookups));
  },
});
