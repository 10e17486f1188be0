import { defineQuery } from '../../kernel/index.js';
import type { AssetDisposalView } from '../../shared/api-types.js';
import { allow } from './asset-access.js';
import { loadLookups, presentDisposal } from './assets.presenters.js';
import { disposalFilters } from './assets.schema.js';
import { listDisposals, refNosOf } from './handlings.repository.js';
import { dayRange } from './list-handlings.js';
import { visibleRecords } from './record-visibility.js';

/** The disposal records (4-2(8)ウ), newest first, filtered by unit and the day of disposal. */
export const listDisposalRecords = defineQuery({
  name: 'assets.listDisposals',
  input: disposalFilters,
  authorize: allow('assets.read'),
  execute: async (ctx, input): Promise<AssetDisposalView[]> => {
    const db = ctx.database.db;
    const rows = await listDisposals(
      db,
      { unitId: input.unitId ?? null, ...dayRange(ctx, input.from, input.to) },
      input.limit * 4,
    );
    const visible = (await visibleRecords(ctx, db, rows)).slice(0, input.limit);
    const refOf = await refNosOf(db, [...new Set(visible.map((d) => d.request_id))]);
    const lookups = await loadLookups(db);
    return visible.map((d) => presentDisposal(d, lookups, refOf.get(d.request_id) ?? null));
  },
});
