import type { Db } from '../../kernel/index.js';
import { fieldError } from './asset-access.js';
import { findMedium, findPlace, type MediumRow, type PlaceRow } from './storage.repository.js';

/**
 * Where an asset lives, checked: the storage place must exist and be in use; the medium must exist and be neither
 * disposed nor lost. Errors name the field.
 */
export const resolveLocation = async (
  db: Db,
  ids: { readonly storagePlaceId?: string | null; readonly mediumId?: string | null },
  fields: { readonly place: string; readonly medium: string } = {
    place: 'storagePlaceId',
    medium: 'mediumId',
  },
): Promise<{ place: PlaceRow | null; medium: MediumRow | null }> => {
  let place: PlaceRow | null = null;
  let medium: MediumRow | null = null;
  if (ids.storagePlaceId !== undefined && ids.storagePlaceId !== null) {
    place = (await findPlace(db, ids.storagePlaceId)) ?? null;
    if (place === null || place.retired_on !== null)
      throw fieldError(fields.place, '保管場所が見つかりません。', 'The storage place was not found.');
  }
  if (ids.mediumId !== undefined && ids.mediumId !== null) {
    medium = (await findMedium(db, ids.mediumId)) ?? null;
    if (medium === null)
      throw fieldError(fields.medium, '記録媒体が見つかりません。', 'The medium was not found.');
    if (medium.status === 'disposed' || medium.status === 'lost')
      throw fieldError(
        fields.medium,
        `記録媒体 ${medium.code} は廃棄済みまたは紛失中です。`,
        `Medium ${medium.code} has been disposed of or is lost.`,
      );
  }
  return { place, medium };
};
