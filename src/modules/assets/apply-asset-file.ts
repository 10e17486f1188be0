import {
  newId,
  type Bilingual,
  type FieldIssue,
  type JsonValue,
  type LedgerDraft,
  type Tx,
  type UseCaseContext,
} from '../../kernel/index.js';
import { isSecurityOffice, isSystem, mayActForUnit, mayManageUnit, unitPathsOf } from './asset-access.js';
import {
  assetSubject,
  mediumSubject,
  placeSubject,
  propagateClassification,
  refreshMediaClassification,
} from './asset-effects.js';
import type { AssetFileData, AssetSheet } from './asset-file.js';
import {
  findAssetsByCodes,
  insertAsset,
  staffByNumbers,
  unitsByCode,
  updateAsset,
  type AssetRow,
} from './assets.repository.js';
import {
  findMediaByCodes,
  findPlacesByCodes,
  insertMedium,
  insertPlace,
  updateMedium,
  updatePlace,
  type MediumRow,
  type PlaceRow,
} from './storage.repository.js';

export interface SheetCounts {
  created: number;
  updated: number;
  unchanged: number;
}
export type AssetCounts = Record<AssetSheet, SheetCounts>;

/** The columns that differ between a stored row and the same row from the file. */
const changesOf = <R extends object>(stored: R, next: Partial<R>): Partial<R> =>
  Object.fromEntries(Object.entries(next).filter(([k, v]) => stored[k as keyof R] !== v)) as Partial<R>;

/**
 * Applies a checked asset register file: creates what is new, updates what changed, leaves the rest, and names every
 * row whose references do not hold (a unit, place, medium or person that does not exist, a unit the importer may
 * not register for) with its sheet, field and row. The caller throws on any issue, so nothing is half-written.
 */
export const applyAssetFile = async (
  ctx: UseCaseContext,
  tx: Tx,
  data: AssetFileData,
  rowNumbers: Partial<Record<AssetSheet, readonly number[]>>,
): Promise<{ counts: AssetCounts; ledger: LedgerDraft[]; issues: FieldIssue[] }> => {
  const now = ctx.clock.now().toISOString();
  const issues: FieldIssue[] = [];
  const ledger: LedgerDraft[] = [];
  const counts: AssetCounts = {
    places: { created: 0, updated: 0, unchanged: 0 },
    media: { created: 0, updated: 0, unchanged: 0 },
    assets: { created: 0, updated: 0, unchanged: 0 },
  };
  const issue = (sheet: AssetSheet, i: number, field: string, message: Bilingual): void => {
    const row = rowNumbers[sheet]?.[i];
    issues.push({ field: `${sheet}.${field}`, message, ...(row === undefined ? {} : { row }) });
  };
  const units = await unitsByCode(tx);
  const paths = await unitPathsOf(ctx, tx, units.values());
  const unitOf = (sheet: AssetSheet, i: number, field: string, unitCode: string): string | null => {
    const id = units.get(unitCode);
    if (id === undefined)
      issue(sheet, i, field, { ja: `部署コード「${unitCode}」はありません。`, en: `No unit ${unitCode}.` });
    return id ?? null;
  };
  const notYours: Bilingual = {
    ja: 'この部署の記録は取り込めません（所管する部署のものに限ります）。',
    en: 'You may import records of your own units only.',
  };

  // Storage places.
  const places = new Map(
    (
      await findPlacesByCodes(
        tx,
        data.places.map((p) => p.code),
      )
    ).map((p) => [p.code, p]),
  );
  for (const [i, p] of data.places.entries()) {
    const unitId = p.owningUnitCode === null ? null : unitOf('places', i, 'owningUnitCode', p.owningUnitCode);
    if (p.owningUnitCode !== null && unitId === null) continue;
    const allowed =
      unitId === null
        ? isSystem(ctx.actor) || isSecurityOffice(ctx.actor)
        : mayManageUnit(ctx.actor, paths.get(unitId) ?? []);
    if (!allowed) {
      issue('places', i, 'owningUnitCode', notYours);
      continue;
    }
    if (p.lowDisasterRisk && p.disasterRiskBasis === null) {
      issue('places', i, 'disasterRiskBasis', {
        ja: '自然災害の可能性が低いと判断した根拠を入力してください（第4 2(5)ウ）。',
        en: 'Say what the low natural-disaster risk rests on (4-2(5)ウ).',
      });
      continue;
    }
    const columns = {
      code: p.code,
      name: p.name,
      name_en: p.nameEn,
      kind: p.kind,
      owning_unit_id: unitId,
      location: p.location,
      fireproof: p.fireproof ? 1 : 0,
      heatproof: p.heatproof ? 1 : 0,
      waterproof: p.waterproof ? 1 : 0,
      humidityproof: p.humidityproof ? 1 : 0,
      low_disaster_risk: p.lowDisasterRisk ? 1 : 0,
      disaster_risk_basis: p.disasterRiskBasis,
      assessed_on: p.assessedOn,
      note: p.note,
    };
    const stored = places.get(p.code);
    if (stored === undefined) {
      const row: PlaceRow = { id: newId(), ...columns, created_at: now, updated_at: now, retired_on: null };
      await insertPlace(tx, row);
      places.set(row.code, row);
      counts.places.created++;
      ledger.push({
        kind: 'assets.place.registered',
        subject: placeSubject(row.id),
        payload: { code: row.code, imported: true },
      });
      continue;
    }
    const changed = changesOf(stored, columns);
    if (Object.keys(changed).length === 0) {
      counts.places.unchanged++;
      continue;
    }
    await updatePlace(tx, stored.id, { ...changed, updated_at: now });
    counts.places.updated++;
    ledger.push({
      kind: 'assets.place.updated',
      subject: placeSubject(stored.id),
      payload: { code: stored.code, changes: changed as Record<string, JsonValue>, imported: true },
    });
  }

  const fromDbOrFile = async (codes: readonly string[]) => {
    const missing = codes.filter((c) => !places.has(c));
    for (const p of await findPlacesByCodes(tx, [...new Set(missing)])) places.set(p.code, p);
  };
  await fromDbOrFile(
    [...data.media, ...data.assets].flatMap((r) => (r.storagePlaceCode === null ? [] : [r.storagePlaceCode])),
  );
  const placeOf = (sheet: AssetSheet, i: number, placeCode: string | null): string | null | undefined => {
    if (placeCode === null) return null;
    const place = places.get(placeCode);
    if (place === undefined || place.retired_on !== null) {
      issue(sheet, i, 'storagePlaceCode', {
        ja: `保管場所「${placeCode}」はありません。`,
        en: `No storage place ${placeCode}.`,
      });
      return undefined;
    }
    return place.id;
  };

  // Media.
  const media = new Map(
    (
      await findMediaByCodes(tx, [
        ...data.media.map((m) => m.code),
        ...data.assets.flatMap((a) => (a.mediumCode === null ? [] : [a.mediumCode])),
      ])
    ).map((m) => [m.code, m]),
  );
  const touchedMedia = new Set<string>();
  for (const [i, m] of data.media.entries()) {
    const unitId = unitOf('media', i, 'owningUnitCode', m.owningUnitCode);
    const placeId = placeOf('media', i, m.storagePlaceCode);
    if (unitId === null || placeId === undefined) continue;
    if (!mayManageUnit(ctx.actor, paths.get(unitId) ?? [])) {
      issue('media', i, 'owningUnitCode', notYours);
      continue;
    }
    if (m.writeProtected && m.writeProtectionMethod === null) {
      issue('media', i, 'writeProtectionMethod', {
        ja: '書込禁止の方法を入力してください（第4 2(5)イ）。',
        en: 'Say how it is write-protected (4-2(5)イ).',
      });
      continue;
    }
    const columns = {
      code: m.code,
      label: m.label,
      kind: m.kind,
      removable: m.removable ? 1 : 0,
      owning_unit_id: unitId,
      storage_place_id: placeId,
      purpose: m.purpose,
      usage: m.usage,
      stored_since: m.storedSince,
      write_protected: m.writeProtected ? 1 : 0,
      write_protected_on: m.writeProtected ? m.writeProtectedOn : null,
      write_protection_method: m.writeProtected ? m.writeProtectionMethod : null,
      encrypted: m.encrypted ? 1 : 0,
      status: m.status,
    };
    const stored = media.get(m.code);
    if (stored === undefined) {
      const row: MediumRow = {
        id: newId(),
        ...columns,
        classification: null,
        created_by_staff_id: ctx.actor.staffId,
        created_at: now,
        updated_at: now,
        disposed_at: null,
      };
      await insertMedium(tx, row);
      media.set(row.code, row);
      counts.media.created++;
      ledger.push({
        kind: 'assets.medium.registered',
        subject: mediumSubject(row.id),
        payload: { code: row.code, imported: true },
      });
      continue;
    }
    if (stored.status === 'disposed') {
      issue('media', i, 'code', {
        ja: `記録媒体「${m.code}」は廃棄済みです。`,
        en: `Medium ${m.code} has been disposed of.`,
      });
      continue;
    }
    const changed = changesOf(stored, columns);
    if (Object.keys(changed).length === 0) {
      counts.media.unchanged++;
      continue;
    }
    await updateMedium(tx, stored.id, { ...changed, updated_at: now });
    counts.media.updated++;
    ledger.push({
      kind: 'assets.medium.updated',
      subject: mediumSubject(stored.id),
      payload: { code: stored.code, changes: changed as Record<string, JsonValue>, imported: true },
    });
  }

  // Information assets.
  const assets = new Map(
    (
      await findAssetsByCodes(
        tx,
        data.assets.map((a) => a.code),
      )
    ).map((a) => [a.code, a]),
  );
  const creators = await staffByNumbers(tx, [
    ...new Set(
      data.assets.flatMap((a) => (a.creatorEmployeeNumber === null ? [] : [a.creatorEmployeeNumber])),
    ),
  ]);
  for (const [i, a] of data.assets.entries()) {
    const unitId = unitOf('assets', i, 'owningUnitCode', a.owningUnitCode);
    const placeId = placeOf('assets', i, a.storagePlaceCode);
    let mediumId: string | null = null;
    if (a.mediumCode !== null) {
      const medium = media.get(a.mediumCode);
      if (medium === undefined || medium.status === 'disposed' || medium.status === 'lost') {
        issue('assets', i, 'mediumCode', {
          ja: `記録媒体「${a.mediumCode}」はありません。`,
          en: `No medium ${a.mediumCode}.`,
        });
        continue;
      }
      mediumId = medium.id;
    }
    const creator =
      a.creatorEmployeeNumber === null ? null : (creators.get(a.creatorEmployeeNumber) ?? undefined);
    if (creator === undefined)
      issue('assets', i, 'creatorEmployeeNumber', {
        ja: `職員番号「${a.creatorEmployeeNumber ?? ''}」の職員はいません。`,
        en: `No staff member ${a.creatorEmployeeNumber ?? ''}.`,
      });
    if (unitId === null || placeId === undefined || creator === undefined) continue;
    if (!mayActForUnit(ctx.actor, paths.get(unitId) ?? [])) {
      issue('assets', i, 'owningUnitCode', notYours);
      continue;
    }
    const columns = {
      name: a.name,
      description: a.description,
      form: a.form,
      owning_unit_id: unitId,
      classification: a.classification,
      system_name: a.systemName,
      storage_place_id: placeId,
      medium_id: mediumId,
      retain_until: a.retainUntil,
      retention_note: a.retentionNote,
    };
    const stored = assets.get(a.code);
    if (stored === undefined) {
      const row: AssetRow = {
        id: newId(),
        code: a.code,
        ...columns,
        compartment_id: null,
        classification_basis: 'imported',
        classified_by_staff_id: creator?.id ?? null,
        classified_at: now,
        origin: 'imported',
        source_asset_id: null,
        source_party: null,
        received_on: null,
        status: a.status,
        ruling_request_id: null,
        created_by_staff_id: creator?.id ?? null,
        created_by_name: creator?.name ?? null,
        created_at: now,
        updated_at: now,
        erased_at: null,
        erased_by_staff_id: null,
        erase_reason: null,
        disposed_at: null,
      };
      await insertAsset(tx, row);
      assets.set(row.code, row);
      if (mediumId !== null) touchedMedia.add(mediumId);
      counts.assets.created++;
      ledger.push({
        kind: 'assets.asset.registered',
        subject: assetSubject(row.id),
        payload: {
          code: row.code,
          classification: row.classification,
          basis: 'imported',
          owningUnitId: unitId,
          imported: true,
        },
      });
      continue;
    }
    if (stored.status !== 'active' && stored.status !== 'draft') {
      issue('assets', i, 'code', {
        ja: `情報資産「${a.code}」は廃棄・消去済みです。`,
        en: `Asset ${a.code} has been disposed of or erased.`,
      });
      continue;
    }
    const changed: Partial<AssetRow> = changesOf(stored, columns);
    if (changed.classification !== undefined) changed.classification_basis = 'imported';
    if (Object.keys(changed).length === 0) {
      counts.assets.unchanged++;
      continue;
    }
    await updateAsset(tx, stored.id, { ...changed, updated_at: now });
    for (const id of [stored.medium_id, mediumId]) if (id !== null) touchedMedia.add(id);
    if (changed.classification !== undefined) {
      // Copies and assets received from inside follow their source (4-2(1)イ, 4-2(3)ア).
      const inherited = await propagateClassification(tx, stored, changed.classification, now);
      ledger.push(...inherited.ledger);
      for (const id of inherited.mediumIds) touchedMedia.add(id);
    }
    counts.assets.updated++;
    ledger.push({
      kind: 'assets.asset.updated',
      subject: assetSubject(stored.id),
      payload: { code: stored.code, changes: changed as Record<string, JsonValue>, imported: true },
    });
  }
  ledger.push(...(await refreshMediaClassification(tx, touchedMedia, now)));
  return { counts, ledger, issues };
};
