import { AppError, defineUseCase } from '../../kernel/index.js';
import { allow, nameOf, notFound, recordingDenials, requireUpdateAsset, unitPathOf } from './asset-access.js';
import { assetSubject, logHandling, refreshMediaClassification } from './asset-effects.js';
import { lockAsset, updateAsset } from './assets.repository.js';
import { eraseDraftInput } from './assets.schema.js';

/**
 * 4-2(2)ウ: information no longer needed while it was being made is erased. The register keeps the line, marked
 * erased with who, when and why, and the handling log and the ledger record the erasure; only drafts go this way
 * (finished information is disposed of with permission, 4-2(8)).
 */
export const eraseDraft = recordingDenials(
  defineUseCase({
    name: 'assets.eraseDraft',
    input: eraseDraftInput,
    authorize: allow('assets.register'),
    execute: async (ctx, input, tx) => {
      const now = ctx.clock.now().toISOString();
      const asset = await lockAsset(tx, ctx.database.dialect, input.assetId);
      if (asset === undefined) throw notFound();
      requireUpdateAsset(ctx.actor, asset, await unitPathOf(ctx, tx, asset.owning_unit_id));
      if (asset.status !== 'draft')
        throw new AppError('conflict', {
          ja: '作成途上（下書き）の情報だけを消去できます。完成した情報資産は廃棄の申請をしてください（第4 2(8)）。',
          en: 'Only drafts are erased this way; finished assets are disposed of with permission (4-2(8)).',
        });
      await updateAsset(tx, asset.id, {
        status: 'erased',
        erased_at: now,
        erased_by_staff_id: ctx.actor.staffId,
        erase_reason: input.reason,
        updated_at: now,
      });
      const handling = await logHandling(tx, {
        kind: 'draftErased',
        status: 'done',
        assetId: asset.id,
        mediumId: asset.medium_id,
        subjectName: asset.name,
        unitId: asset.owning_unit_id,
        classification: asset.classification,
        performedByStaffId: ctx.actor.staffId,
        performedByName: await nameOf(ctx, tx, ctx.actor.staffId),
        now,
        detail: { reason: input.reason },
      });
      return {
        result: { id: asset.id, status: 'erased' as const, erasedAt: now },
        ledger: [
          {
            kind: 'assets.asset.draftErased',
            subject: assetSubject(asset.id),
            payload: { code: asset.code, name: asset.name, reason: input.reason, clause: '4.2.2.c' },
          },
          handling.entry,
          ...(await refreshMediaClassification(tx, [asset.medium_id], now)),
        ],
      };
    },
  }),
);
