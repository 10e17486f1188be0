import { defineQuery, type UseCaseContext } from '../../kernel/index.js';
import type { AssetListView } from '../../shared/api-types.js';
import { allow, canReadAsset, unitPathsOf } from './asset-access.js';
import { loadLookups, presentAsset } from './assets.presenters.js';
import { searchAssets, type AssetRow } from './assets.repository.js';
import { assetFilters, type AssetFilters } from './assets.schema.js';

/** The most rows one listing reads before the access kernel filters them (the register of a whole hospital). */
const READ_CAP = 50_000;

/**
 * The register rows matching the filters that the reader may see: a section's own information, classes III and IV
 * for all, class I only inside the owning section and its compartment (7-1(1)), whatever the filters say.
 */
export const visibleAssetRows = async (ctx: UseCaseContext, filters: AssetFilters): Promise<AssetRow[]> => {
  const db = ctx.database.db;
  const rows = await searchAssets(db, filters, READ_CAP);
  const paths = await unitPathsOf(
    ctx,
    db,
    rows.map((r) => r.owning_unit_id),
  );
  return rows.filter((r) => canReadAsset(ctx.actor, r, paths.get(r.owning_unit_id) ?? []));
};

/** The asset register with its filters, a page at a time. */
export const listAssets = defineQuery({
  name: 'assets.listAssets',
  input: assetFilters,
  authorize: allow('assets.read'),
  execute: async (ctx, input): Promise<AssetListView> => {
    const visible = await visibleAssetRows(ctx, input);
    const page = visible.slice(input.offset, input.offset + input.limit);
    const lookups = await loadLookups(ctx.database.db, {
      assets: page.map((r) => r.source_asset_id),
      media: page.map((r) => r.medium_id),
    });
    return { items: page.map((r) => presentAsset(r, lookups)), total: visible.length };
  },
});
