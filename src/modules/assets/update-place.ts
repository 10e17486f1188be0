import { AppError, defineUseCase } from '../../kernel/index.js';
import { allow, notFoundOf } from './asset-access.js';
import { placeSubject } from './asset-effects.js';
import { updatePlaceInput } from './assets.schema.js';
import { placeColumns, placePayload, requireBasis, requireManagePlace } from './place-rules.js';
import { findPlace, findPlaceByCode, updatePlace } from './storage.repository.js';

/** Changes a storage place: its protections as assessed, its unit, or retires it (nothing is deleted). */
export const updatePlaceRecord = defineUseCase({
  name: 'assets.updatePlace',
  input: updatePlaceInput,
  authorize: allow('assets.manage'),
  execute: async (ctx, input, tx) => {
    const place = await findPlace(tx, input.placeId);
    if (place === undefined) throw notFoundOf('place');
    await requireManagePlace(ctx, tx, place.owning_unit_id);
    if (input.owningUnitId !== place.owning_unit_id) await requireManagePlace(ctx, tx, input.owningUnitId);
    requireBasis(input);
    const other = await findPlaceByCode(tx, input.code);
    if (other !== undefined && other.id !== place.id) {
      const message = { ja: '登録済みの番号です。', en: 'Already registered.' };
      throw new AppError('conflict', message, { issues: [{ field: 'code', message }] });
    }
    const now = ctx.clock.now().toISOString();
    const next = { ...placeColumns(input), retired_on: input.retiredOn };
    await updatePlace(tx, place.id, { ...next, updated_at: now });
    return {
      result: { id: place.id },
      ledger: [
        { kind: 'assets.place.updated', subject: placeSubject(place.id), payload: placePayload(next) },
      ],
    };
  },
});
