import { AppError, type Db } from '../../kernel/index.js';
import { fieldError } from './asset-access.js';
import type { MediumInput } from './assets.schema.js';
import { findMediumByCode, findPlace, type MediumRow } from './storage.repository.js';

/** The media register's columns from the input, checked against the places it names. */
export const mediumColumns = async (
  db: Db,
  input: MediumInput,
  field = (key: string): string => key,
): Promise<
  Omit<
    MediumRow,
    'id' | 'classification' | 'created_by_staff_id' | 'created_at' | 'updated_at' | 'disposed_at'
  >
> => {
  if (input.storagePlaceId !== null) {
    const place = await findPlace(db, input.storagePlaceId);
    if (place === undefined || place.retired_on !== null)
      throw fieldError(
        field('storagePlaceId'),
        '保管場所が見つかりません。',
        'The storage place was not found.',
      );
  }
  return {
    code: input.code,
    label: input.label,
    kind: input.kind,
    removable: input.removable ? 1 : 0,
    owning_unit_id: input.owningUnitId,
    storage_place_id: input.storagePlaceId,
    purpose: input.purpose,
    usage: input.usage,
    stored_since: input.storedSince,
    write_protected: input.writeProtected ? 1 : 0,
    write_protected_on: input.writeProtected ? input.writeProtectedOn : null,
    write_protection_method: input.writeProtected ? input.writeProtectionMethod : null,
    encrypted: input.encrypted ? 1 : 0,
    status: input.status,
  };
};

export const requireFreeCode = async (
  db: Db,
  code: string,
  self: string | null,
  field = 'code',
): Promise<void> => {
  const other = await findMediumByCode(db, code);
  if (other !== undefined && other.id !== self) {
    const message = { ja: '登録済みの媒体番号です。', en: 'That medium number is already registered.' };
    throw new AppError('conflict', message, { issues: [{ field, message }] });
  }
};

export const mediumPayload = (row: Omit<MediumRow, 'id' | 'created_at' | 'updated_at'>) => ({
  code: row.code,
  label: row.label,
  kind: row.kind,
  removable: row.removable === 1,
  owningUnitId: row.owning_unit_id,
  storagePlaceId: row.storage_place_id,
  purpose: row.purpose,
  usage: row.usage,
  storedSince: row.stored_since,
  writeProtected: row.write_protected === 1,
  writeProtectionMethod: row.write_protection_method,
  encrypted: row.encrypted === 1,
  status: row.status,
});
