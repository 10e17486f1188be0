import { AppError, defineUseCase } from '../../kernel/index.js';
import { allow, notFoundOf, requireManageUnit, unitPathOf } from './asset-access.js';
import { mediumSubject } from './asset-effects.js';
import { updateMediumInput } from './assets.schema.js';
import { mediumColumns, mediumPayload, requireFreeCode } from './medium-rules.js';
import { findMedium, updateMedium } from './storage.repository.js';

/**
 * Changes a medium's record: where it is kept, its write protection (4-2(5)イ), its use. A disposed medium is
 * closed; disposal itself goes through its approval (4-2(8)).
 */
export const updateMediumRecord = defineUseCase({
  name: 'assets.updateMedium',
  input: updateMediumInput,
  authorize: allow('assets.manage'),
  execute: async (ctx, input, tx) => {
    const medium = await findMedium(tx, input.mediumId);
    if (medium === undefined) throw notFoundOf('medium');
    requireManageUnit(ctx.actor, await unitPathOf(ctx, tx, medium.owning_unit_id), 'mediumId');
    if (input.medium.owningUnitId !== medium.owning_unit_id)
      requireManageUnit(
        ctx.actor,
        await unitPathOf(ctx, tx, input.medium.owningUnitId),
        'medium.owningUnitId',
      );
    if (medium.status === 'disposed')
      throw new AppError('conflict', {
        ja: '廃棄済みの記録媒体は変更できません。',
        en: 'A medium that has been disposed of cannot be changed.',
      });
    await requireFreeCode(tx, input.medium.code, medium.id, 'medium.code');
    const next = await mediumColumns(tx, input.medium, (key) => `medium.${key}`);
    const now = ctx.clock.now().toISOString();
    await updateMedium(tx, medium.id, { ...next, updated_at: now });
    return {
      result: { id: medium.id },
      ledger: [
        {
          kind: 'assets.medium.updated',
          subject: mediumSubject(medium.id),
          payload: { ...mediumPayload({ ...medium, ...next }), previous: mediumPayload(medium) },
        },
      ],
    };
  },
});
