import { defineQuery } from '../../kernel/index.js';
import type { AssetListView } from '../../shared/api-types.js';
import { allow, canReadAsset, unitPathsOf } from './asset-access.js';
import { loadLookups, presentAsset } from './assets.presenters.js';
import { searchAssets } from './assets.repository.js';
import { assetFilters } from './assets.schema.js';

/** The most rows one listing reads before the access kernel filters them (the register of a whole hospital). */
const READ_CAP = 50_000;

/**
 * The asset register with its filters. Each row is shown only when the access kernel lets the reader see it: a
 * section's own information, classes III and IV for all, class I only inside the owning section and its
 * compartment (7-1(1)), whatever the filters say.
 */
export const listAssets = defineQuery({
  name: 'assets.listAssets',
  input: assetFilters,
  authorize: allow('assets.read'),
  execute: async (ctx, input): Promise<AssetListView> => {
    const db = ctx.database.db;
    const rows = await searchAssets(db, input, READ_CAP);
    const paths = await unitPathsOf(
      ctx,
      db,
      rows.map((r) => r.owning_unit_id),
    );
    const visible = rows.filter((r) => canReadAsset(ctx.actor, r, paths.get(r.owning_unit_id) ?? []));
    const page = visible.slice(input.offset, input.offset + input.limit);
    const lookups = await loadLookups(db, {
      assets: page.map((r) => r.source_asset_id),
      media: page.map((r) => r.medium_id),
    });
    return { items: page.map((r) => presentAsset(r, lookups)), total: visible.length };
  },
});
