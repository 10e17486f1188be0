import { newId, type Db, type LedgerDraft } from '../../kernel/index.js';
import { liveDerivedFrom, updateAsset, type AssetRow } from './assets.repository.js';
import type { HandlingKind } from './assets.schema.js';
import { insertHandling, type HandlingRow } from './handlings.repository.js';
import { findMediaByIds, highestClassOnMedia, updateMedium } from './storage.repository.js';

/** What follows from a change to the register, in the same transaction: the rules that hold automatically. */

export const assetSubject = (id: string): string => `asset:${id}`;
export const mediumSubject = (id: string): string => `medium:${id}`;
export const placeSubject = (id: string): string => `storagePlace:${id}`;
export const handlingSubject = (id: string): string => `assetHandling:${id}`;
export const disposalSubject = (id: string): string => `assetDisposal:${id}`;
export const publicationSubject = (id: string): string => `assetPublication:${id}`;

/**
 * 4-2(4)ウ: a medium holding information of several classes is handled by the most sensitive of them. The
 * medium's classification is recomputed from what it holds whenever that changes; each change is an entry.
 */
export const refreshMediaClassification = async (
  db: Db,
  mediumIds: Iterable<string | null | undefined>,
  now: string,
): Promise<LedgerDraft[]> => {
  const ids = [...new Set([...mediumIds].filter((id): id is string => typeof id === 'string'))];
  if (ids.length === 0) return [];
  const [media, highest] = await Promise.all([findMediaByIds(db, ids), highestClassOnMedia(db, ids)]);
  const ledger: LedgerDraft[] = [];
  for (const medium of media) {
    const next = highest.get(medium.id) ?? null;
    if (next === medium.classification) continue;
    await updateMedium(db, medium.id, { classification: next, updated_at: now });
    ledger.push({
      kind: 'assets.medium.classificationChanged',
      subject: mediumSubject(medium.id),
      payload: { code: medium.code, from: medium.classification, to: next, clause: '4.2.4.c' },
    });
  }
  return ledger;
};

/**
 * 4-2(1)イ and 4-2(3)ア: copies, transmissions and assets received from inside are handled under their source's
 * classification, so a change to the source's class reaches them (and their own copies) in the same transaction.
 * Returns the entries and the media whose contents changed class.
 */
export const propagateClassification = async (
  db: Db,
  source: Pick<AssetRow, 'id' | 'code'>,
  level: number,
  now: string,
): Promise<{ ledger: LedgerDraft[]; mediumIds: string[] }> => {
  const ledger: LedgerDraft[] = [];
  const mediumIds: string[] = [];
  const seen = new Set<string>([source.id]);
  let frontier: Pick<AssetRow, 'id' | 'code'>[] = [source];
  while (frontier.length > 0) {
    const derived = (
      await liveDerivedFrom(
        db,
        frontier.map((a) => a.id),
      )
    ).filter((a) => !seen.has(a.id));
    for (const asset of derived) {
      seen.add(asset.id);
      if (asset.classification === level) continue;
      await updateAsset(db, asset.id, { classification: level, classified_at: now, updated_at: now });
      if (asset.medium_id !== null) mediumIds.push(asset.medium_id);
      ledger.push({
        kind: 'assets.asset.classificationInherited',
        subject: assetSubject(asset.id),
        payload: {
          code: asset.code,
          from: asset.classification,
          to: level,
          source: asset.source_asset_id,
          clause: asset.origin === 'receivedInside' ? '4.2.3.a' : '4.2.1.b',
        },
      });
    }
    frontier = derived;
  }
  return { ledger, mediumIds };
};

export interface HandlingDraft {
  readonly kind: HandlingKind;
  readonly status: 'approved' | 'done';
  readonly subjectName: string;
  readonly unitId: string;
  readonly now: string;
  readonly assetId?: string | null;
  readonly mediumId?: string | null;
  readonly classification?: number | null;
  readonly requestId?: string | null;
  readonly requestRefNo?: string | null;
  readonly applicantStaffId?: string | null;
  readonly performedByStaffId?: string | null;
  readonly performedByName?: string | null;
  readonly origin?: string | null;
  readonly destination?: string | null;
  readonly counterparty?: string | null;
  readonly protection?: string | null;
  readonly plannedOn?: string | null;
  readonly performedAt?: string | null;
  readonly detail?: Record<string, unknown> | null;
}

/** One line of the handling log, with its ledger entry. */
export const logHandling = async (
  db: Db,
  d: HandlingDraft,
): Promise<{ row: HandlingRow; entry: LedgerDraft }> => {
  const row: HandlingRow = {
    id: newId(),
    kind: d.kind,
    status: d.status,
    asset_id: d.assetId ?? null,
    medium_id: d.mediumId ?? null,
    subject_name: d.subjectName,
    unit_id: d.unitId,
    classification: d.classification ?? null,
    request_id: d.requestId ?? null,
    request_ref_no: d.requestRefNo ?? null,
    applicant_staff_id: d.applicantStaffId ?? null,
    performed_by_staff_id: d.performedByStaffId ?? null,
    performed_by_name: d.performedByName ?? null,
    origin: d.origin ?? null,
    destination: d.destination ?? null,
    counterparty: d.counterparty ?? null,
    protection: d.protection ?? null,
    planned_on: d.plannedOn ?? null,
    performed_at: d.performedAt ?? (d.status === 'done' ? d.now : null),
    detail: d.detail === undefined || d.detail === null ? null : JSON.stringify(d.detail),
    created_at: d.now,
    updated_at: d.now,
  };
  await insertHandling(db, row);
  return {
    row,
    entry: {
      kind: `assets.handling.${d.status === 'approved' ? 'approved' : 'recorded'}`,
      subject: handlingSubject(row.id),
      payload: {
        handlingKind: row.kind,
        asset: row.asset_id,
        medium: row.medium_id,
        subjectName: row.subject_name,
        unitId: row.unit_id,
        classification: row.classification,
        request: row.request_ref_no,
        protection: row.protection,
        counterparty: row.counterparty,
        destination: row.destination,
      },
    },
  };
};
