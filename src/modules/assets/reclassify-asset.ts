import { AppError, defineUseCase } from '../../kernel/index.js';
import { allow, notFound, recordingDenials, requireManageAsset, unitPathOf, nameOf } from './asset-access.js';
import {
  assetSubject,
  logHandling,
  propagateClassification,
  refreshMediaClassification,
} from './asset-effects.js';
import { lockAsset, updateAsset } from './assets.repository.js';
import { classNames, reclassifyAssetInput, type ClassificationLevel } from './assets.schema.js';

/**
 * The Security Manager responsible for an asset (4-2(1)ア) changes its classification, with the reason. A
 * provisional class (unclear on receipt) becomes the Manager's ruling (4-2(3)ウ). Copies, transmissions and assets
 * received from inside follow their source (4-2(1)イ, 4-2(3)ア), so they are reclassified through their source.
 */
export const reclassifyAsset = recordingDenials(
  defineUseCase({
    name: 'assets.reclassifyAsset',
    input: reclassifyAssetInput,
    authorize: allow('assets.register'),
    execute: async (ctx, input, tx) => {
      const now = ctx.clock.now().toISOString();
      const asset = await lockAsset(tx, ctx.database.dialect, input.assetId);
      if (asset === undefined) throw notFound();
      requireManageAsset(ctx.actor, asset, await unitPathOf(ctx, tx, asset.owning_unit_id));
      if (asset.status !== 'active' && asset.status !== 'draft')
        throw new AppError('conflict', {
          ja: '廃棄・消去済みの情報資産の分類は変更できません。',
          en: 'An asset that has been disposed of or erased cannot be reclassified.',
        });
      if (asset.source_asset_id !== null && asset.origin !== 'imported') {
        const message = {
          ja: '複製・伝送・院内から入手した情報資産は入手元の分類で扱います。入手元の分類を変更してください（第4 2(1)イ、2(3)ア）。',
          en: 'Copies, transmissions and assets from inside keep their source’s class: reclassify the source (4-2(1)イ, 4-2(3)ア).',
        };
        throw new AppError('conflict', message, { issues: [{ field: 'classification', message }] });
      }
      const from = asset.classification as ClassificationLevel;
      const to = input.classification;
      const ruling = asset.classification_basis === 'provisional';
      if (from === to && !ruling)
        throw new AppError(
          'validation',
          {
            ja: `すでに分類${classNames[to]}です。`,
            en: `It is already class ${classNames[to]}.`,
          },
          {
            issues: [
              { field: 'classification', message: { ja: '現在と同じ分類です。', en: 'Same as now.' } },
            ],
          },
        );
      const basis = ruling ? 'ruling' : 'reclassified';
      await updateAsset(tx, asset.id, {
        classification: to,
        classification_basis: basis,
        classified_by_staff_id: ctx.actor.staffId,
        classified_at: now,
        updated_at: now,
      });
      const handling = await logHandling(tx, {
        kind: ruling ? 'classificationRuled' : 'reclassified',
        status: 'done',
        assetId: asset.id,
        mediumId: asset.medium_id,
        subjectName: asset.name,
        unitId: asset.owning_unit_id,
        classification: to,
        performedByStaffId: ctx.actor.staffId,
        performedByName: await nameOf(ctx, tx, ctx.actor.staffId),
        now,
        detail: { from, to, reason: input.reason },
      });
      const inherited = await propagateClassification(tx, asset, to, now);
      const media = await refreshMediaClassification(tx, [asset.medium_id, ...inherited.mediumIds], now);
      return {
        result: { id: asset.id, from, to, basis, followers: inherited.ledger.length },
        ledger: [
          {
            kind: 'assets.asset.reclassified',
            subject: assetSubject(asset.id),
            payload: { code: asset.code, from, to, basis, reason: input.reason },
          },
          handling.entry,
          ...inherited.ledger,
          ...media,
        ],
      };
    },
  }),
);
