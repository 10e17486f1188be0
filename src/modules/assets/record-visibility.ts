import type { Db, UseCaseContext } from '../../kernel/index.js';
import { canReadAsset, canSeeUnitRecords, unitPathsOf } from './asset-access.js';
import { findAssetsByIds } from './assets.repository.js';

/**
 * Lines of the handling log and disposal records are shown like the asset they are about (7-1(1)); lines about a
 * medium or an unregistered item like the unit's other records.
 */
export const visibleRecords = async <R extends { unit_id: string; asset_id: string | null }>(
  ctx: UseCaseContext,
  db: Db,
  rows: readonly R[],
): Promise<R[]> => {
  const assetIds = [...new Set(rows.flatMap((r) => (r.asset_id === null ? [] : [r.asset_id])))];
  const assets = new Map((await findAssetsByIds(db, assetIds)).map((a) => [a.id, a]));
  const paths = await unitPathsOf(ctx, db, [
    ...rows.map((r) => r.unit_id),
    ...[...assets.values()].map((a) => a.owning_unit_id),
  ]);
  return rows.filter((r) => {
    const asset = r.asset_id === null ? undefined : assets.get(r.asset_id);
    return asset === undefined
      ? canSeeUnitRecords(ctx.actor, paths.get(r.unit_id) ?? [])
      : canReadAsset(ctx.actor, asset, paths.get(asset.owning_unit_id) ?? []);
  });
};
