import { z } from 'zod';
import { AppError, defineUseCase, optionalText } from '../../kernel/index.js';
import { allow, notFound, recordingDenials, requireUpdateAsset, unitPathOf } from './asset-access.js';
import { assetSubject } from './asset-effects.js';
import { lockAsset } from './assets.repository.js';
import { classificationSchema } from './assets.schema.js';
import { findApproval } from './handlings.repository.js';
import { askForRuling } from './register-asset.js';

export const requestRulingInput = z.strictObject({
  assetId: z.string().trim().min(1).max(64),
  proposedClassification: classificationSchema,
  question: optionalText(1000),
});

/**
 * 4-2(3)ウ: asks the Security Manager again about an asset still handled provisionally as class I, when the
 * earlier request was rejected, withdrawn or expired. One request waits at a time.
 */
export const requestClassificationRuling = recordingDenials(
  defineUseCase({
    name: 'assets.requestClassificationRuling',
    input: requestRulingInput,
    authorize: allow('assets.register'),
    execute: async (ctx, input, tx) => {
      const asset = await lockAsset(tx, ctx.database.dialect, input.assetId);
      if (asset === undefined) throw notFound();
      requireUpdateAsset(ctx.actor, asset, await unitPathOf(ctx, tx, asset.owning_unit_id));
      if (
        asset.classification_basis !== 'provisional' ||
        (asset.status !== 'active' && asset.status !== 'draft')
      )
        throw new AppError('conflict', {
          ja: 'この情報資産の分類は判断済みです。',
          en: 'This asset’s classification has already been settled.',
        });
      const earlier =
        asset.ruling_request_id === null ? undefined : await findApproval(tx, asset.ruling_request_id);
      if (earlier !== undefined && (earlier.status === 'submitted' || earlier.status === 'draft'))
        throw new AppError('conflict', {
          ja: `分類の判断の申請（${earlier.ref_no}）が決裁を待っています。`,
          en: `The ruling request ${earlier.ref_no} is still waiting for a decision.`,
        });
      const ruling = await askForRuling(ctx, tx, asset, input.proposedClassification, input.question);
      return {
        result: { id: asset.id, requestId: ruling.requestId },
        ledger: [
          {
            kind: 'assets.asset.rulingRequested',
            subject: assetSubject(asset.id),
            payload: {
              code: asset.code,
              request: ruling.requestId,
              proposed: input.proposedClassification,
              clause: '4.2.3.c',
            },
          },
          ...ruling.ledger,
        ],
      };
    },
  }),
);
