import type { Actor, Db } from '../../kernel/index.js';
import { canReadAsset, canSeeUnitRecords, fieldError } from './asset-access.js';
import { findAsset } from './assets.repository.js';
import { findMedium } from './storage.repository.js';

/**
 * What a handling is about: a registered asset, or a medium with everything on it (handled by the most sensitive
 * class it holds, 4-2(4)ウ; an empty medium as class IV). Only what the actor may see is found.
 */
export interface Subject {
  readonly kind: 'asset' | 'medium';
  readonly id: string;
  readonly code: string;
  /** "IA-2026-000012 退院サマリ" */
  readonly name: string;
  readonly classification: number;
  readonly unitId: string;
  readonly assetId: string | null;
  readonly mediumId: string | null;
}

export interface SubjectRef {
  readonly kind: 'asset' | 'medium';
  readonly id: string;
}

/** `asset:…` or `medium:…`; anything else is no register record. */
export const parseRef = (ref: string | null): SubjectRef | null => {
  if (ref === null) return null;
  const [kind, id = ''] = ref.split(':');
  return kind === 'asset' || kind === 'medium' ? { kind, id } : null;
};

export const loadSubject = async (
  db: Db,
  actor: Actor,
  pathOf: (unitId: string) => Promise<string[]>,
  ref: SubjectRef,
  field: string,
): Promise<Subject> => {
  if (ref.kind === 'asset') {
    const asset = await findAsset(db, ref.id);
    if (asset === undefined || !canReadAsset(actor, asset, await pathOf(asset.owning_unit_id)))
      throw fieldError(field, '情報資産が見つかりません。', 'The information asset was not found.');
    if (asset.status !== 'active' && asset.status !== 'draft')
      throw fieldError(
        field,
        `情報資産 ${asset.code} は廃棄・消去済みです。`,
        `Asset ${asset.code} has been disposed of or erased.`,
      );
    return {
      kind: 'asset',
      id: asset.id,
      code: asset.code,
      name: `${asset.code} ${asset.name}`,
      classification: asset.classification,
      unitId: asset.owning_unit_id,
      assetId: asset.id,
      mediumId: asset.medium_id,
    };
  }
  const medium = await findMedium(db, ref.id);
  if (medium === undefined || !canSeeUnitRecords(actor, await pathOf(medium.owning_unit_id)))
    throw fieldError(field, '記録媒体が見つかりません。', 'The medium was not found.');
  if (medium.status === 'disposed')
    throw fieldError(
      field,
      `記録媒体 ${medium.code} は廃棄済みです。`,
      `Medium ${medium.code} has been disposed of.`,
    );
  return {
    kind: 'medium',
    id: medium.id,
    code: medium.code,
    name: `${medium.code} ${medium.label}`,
    classification: medium.classification ?? 4,
    unitId: medium.owning_unit_id,
    assetId: null,
    mediumId: medium.id,
  };
};
