import { AppError, defineUseCase, type JsonValue } from '../../kernel/index.js';
import {
  allow,
  notFound,
  recordingDenials,
  requireManageAsset,
  requireUpdateAsset,
  unitPathOf,
} from './asset-access.js';
import { assetSubject, refreshMediaClassification } from './asset-effects.js';
import { lockAsset, updateAsset, type AssetRow } from './assets.repository.js';
import { updateAssetInput } from './assets.schema.js';
import { resolveLocation } from './locations.js';

/**
 * Changes what the register says of an asset: its name, where it lives, its retention; a draft becomes active when
 * finished. The classification is not changed here (reclassify-asset.ts), nor the compartment by anyone but the
 * section's Manager. A medium's classification follows what it holds (4-2(4)ウ).
 */
export const updateAssetRecord = recordingDenials(
  defineUseCase({
    name: 'assets.updateAsset',
    input: updateAssetInput,
    authorize: allow('assets.register'),
    execute: async (ctx, input, tx) => {
      const now = ctx.clock.now().toISOString();
      const asset = await lockAsset(tx, ctx.database.dialect, input.assetId);
      if (asset === undefined) throw notFound();
      const path = await unitPathOf(ctx, tx, asset.owning_unit_id);
      requireUpdateAsset(ctx.actor, asset, path);
      if (asset.status !== 'active' && asset.status !== 'draft') {
        throw new AppError('conflict', {
          ja: '廃棄・消去済みの情報資産は変更できません。',
          en: 'An asset that has been disposed of or erased cannot be changed.',
        });
      }
      if (input.compartmentId !== undefined && input.compartmentId !== asset.compartment_id)
        requireManageAsset(ctx.actor, asset, path);
      await resolveLocation(tx, input);
      const changes: Partial<AssetRow> = {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.description === undefined ? {} : { description: input.description }),
        ...(input.systemName === undefined ? {} : { system_name: input.systemName }),
        ...(input.storagePlaceId === undefined ? {} : { storage_place_id: input.storagePlaceId }),
        ...(input.mediumId === undefined ? {} : { medium_id: input.mediumId }),
        ...(input.retainUntil === undefined ? {} : { retain_until: input.retainUntil }),
        ...(input.retentionNote === undefined ? {} : { retention_note: input.retentionNote }),
        ...(input.compartmentId === undefined ? {} : { compartment_id: input.compartmentId }),
        ...(input.status === undefined ? {} : { status: input.status }),
      };
      const changed = Object.fromEntries(
        Object.entries(changes).filter(([k, v]) => asset[k as keyof AssetRow] !== v),
      ) as Partial<AssetRow>;
      if (Object.keys(changed).length > 0) await updateAsset(tx, asset.id, { ...changed, updated_at: now });
      const media = await refreshMediaClassification(tx, [asset.medium_id, changed.medium_id], now);
      return {
        result: { id: asset.id, changed: Object.keys(changed) },
        ledger: [
          {
            kind: 'assets.asset.updated',
            subject: assetSubject(asset.id),
            payload: { code: asset.code, changes: changed as Record<string, JsonValue> },
          },
          ...media,
        ],
      };
    },
  }),
);
