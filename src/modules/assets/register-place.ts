import { AppError, defineUseCase, newId } from '../../kernel/index.js';
import { allow } from './asset-access.js';
import { placeSubject } from './asset-effects.js';
import { placeInput } from './assets.schema.js';
import { placeColumns, placePayload, requireBasis, requireManagePlace } from './place-rules.js';
import { findPlaceByCode, insertPlace, type PlaceRow } from './storage.repository.js';

/** Registers a storage place with its protections (4-2(5)ウ・エ). */
export const registerPlace = defineUseCase({
  name: 'assets.registerPlace',
  input: placeInput,
  authorize: allow('assets.manage'),
  execute: async (ctx, input, tx) => {
    await requireManagePlace(ctx, tx, input.owningUnitId);
    requireBasis(input);
    if ((await findPlaceByCode(tx, input.code)) !== undefined) {
      const message = { ja: '登録済みの番号です。', en: 'Already registered.' };
      throw new AppError(
        'conflict',
        { ja: `保管場所 ${input.code} は登録済みです。`, en: `Place ${input.code} is already registered.` },
        { issues: [{ field: 'code', message }] },
      );
    }
    const now = ctx.clock.now().toISOString();
    const row: PlaceRow = {
      id: newId(),
      ...placeColumns(input),
      created_at: now,
      updated_at: now,
      retired_on: null,
    };
    await insertPlace(tx, row);
    return {
      result: { id: row.id, code: row.code },
      ledger: [
        { kind: 'assets.place.registered', subject: placeSubject(row.id), payload: placePayload(row) },
      ],
    };
  },
});
