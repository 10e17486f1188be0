import type { Db } from '../../kernel/index.js';
import type {
  AssetDisposalView,
  AssetHandlingView,
  AssetPublicationView,
  AssetUnitRef,
  AssetView,
  StoragePlaceView,
} from '../../shared/api-types.js';
import { findAssetsByIds, unitNames, type AssetRow } from './assets.repository.js';
import type { DisposalRow, HandlingRow, PublicationRow } from './handlings.repository.js';
import { findMediaByIds, listPlaces, type MediumRow, type PlaceRow } from './storage.repository.js';

/** Register rows as the API shows them, with the names of the units, places, media and sources they refer to. */

export interface Lookups {
  readonly units: ReadonlyMap<string, AssetUnitRef>;
  readonly places: ReadonlyMap<string, PlaceRow>;
  readonly media: ReadonlyMap<string, MediumRow>;
  readonly assets: ReadonlyMap<string, Pick<AssetRow, 'id' | 'code' | 'name'>>;
}

/** Everything the rows refer to, in four small reads. */
export const loadLookups = async (
  db: Db,
  refs: { assets?: readonly (string | null)[]; media?: readonly (string | null)[] } = {},
): Promise<Lookups> => {
  const ids = (xs: readonly (string | null)[] | undefined): string[] => [
    ...new Set((xs ?? []).filter((x): x is string => x !== null)),
  ];
  const [units, places, media, assets] = await Promise.all([
    unitNames(db),
    listPlaces(db),
    findMediaByIds(db, ids(refs.media)),
    findAssetsByIds(db, ids(refs.assets)),
  ]);
  return {
    units: new Map(units.map((u) => [u.id, { id: u.id, nameJa: u.name_ja, nameEn: u.name_en }])),
    places: new Map(places.map((p) => [p.id, p])),
    media: new Map(media.map((m) => [m.id, m])),
    assets: new Map(assets.map((a) => [a.id, a])),
  };
};

export const unitRef = (l: Lookups, id: string): AssetUnitRef =>
  l.units.get(id) ?? { id, nameJa: id, nameEn: id };

const placeRef = (l: Lookups, id: string | null) => {
  const p = id === null ? undefined : l.places.get(id);
  return p === undefined ? null : { id: p.id, code: p.code, name: p.name };
};

export const presentAsset = (a: AssetRow, l: Lookups): AssetView => {
  const medium = a.medium_id === null ? undefined : l.media.get(a.medium_id);
  const source = a.source_asset_id === null ? undefined : l.assets.get(a.source_asset_id);
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    description: a.description,
    form: a.form === 'paper' ? 'paper' : 'electronic',
    owningUnit: unitRef(l, a.owning_unit_id),
    compartmentId: a.compartment_id,
    classification: a.classification,
    classificationBasis: a.classification_basis,
    classifiedAt: a.classified_at,
    origin: a.origin,
    source: source === undefined ? null : { id: source.id, code: source.code, name: source.name },
    sourceParty: a.source_party,
    receivedOn: a.received_on,
    systemName: a.system_name,
    storagePlace: placeRef(l, a.storage_place_id),
    medium:
      medium === undefined
        ? null
        : { id: medium.id, code: medium.code, label: medium.label, classification: medium.classification },
    retainUntil: a.retain_until,
    retentionNote: a.retention_note,
    status: a.status as AssetView['status'],
    rulingRequestId: a.ruling_request_id,
    createdByName: a.created_by_name,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
    erasedAt: a.erased_at,
    eraseReason: a.erase_reason,
    disposedAt: a.disposed_at,
  };
};

export const presentHandling = (h: HandlingRow, l: Lookups): AssetHandlingView => ({
  id: h.id,
  kind: h.kind,
  status: h.status,
  assetId: h.asset_id,
  mediumId: h.medium_id,
  subjectName: h.subject_name,
  unit: unitRef(l, h.unit_id),
  classification: h.classification,
  requestId: h.request_id,
  requestRefNo: h.request_ref_no,
  performedByName: h.performed_by_name,
  origin: h.origin,
  destination: h.destination,
  counterparty: h.counterparty,
  protection: h.protection,
  plannedOn: h.planned_on,
  performedAt: h.performed_at,
  detail: h.detail === null ? null : (JSON.parse(h.detail) as Record<string, unknown>),
  createdAt: h.created_at,
});

export const presentDisposal = (d: DisposalRow, l: Lookups, refNo: string | null): AssetDisposalView => ({
  id: d.id,
  recordNo: d.record_no,
  handlingId: d.handling_id,
  requestId: d.request_id,
  requestRefNo: refNo,
  assetId: d.asset_id,
  mediumId: d.medium_id,
  subjectName: d.subject_name,
  unit: unitRef(l, d.unit_id),
  classification: d.classification,
  method: d.method,
  unrecoverable: d.unrecoverable === 1,
  sanitization: d.sanitization,
  performedAt: d.performed_at,
  performedByName: d.performed_by_name,
  witnessName: d.witness_name,
  contractor: d.contractor,
  contractorCertificate: d.contractor_certificate,
  note: d.note,
  recordedAt: d.recorded_at,
});

export const presentPublication = (p: PublicationRow): AssetPublicationView => ({
  id: p.id,
  assetId: p.asset_id,
  channel: p.channel,
  fileName: p.file_name,
  byteSize: p.byte_size,
  sha256: p.sha256,
  publishedAt: p.published_at,
  publishedByName: p.published_by_name,
  status: p.status as AssetPublicationView['status'],
  lastCheckedAt: p.last_checked_at,
  lastCheckOk: p.last_check_ok === null ? null : p.last_check_ok === 1,
});

export const presentPlace = (p: PlaceRow, l: Lookups, mediaCount: number): StoragePlaceView => ({
  id: p.id,
  code: p.code,
  name: p.name,
  nameEn: p.name_en,
  kind: p.kind,
  owningUnit: p.owning_unit_id === null ? null : unitRef(l, p.owning_unit_id),
  location: p.location,
  fireproof: p.fireproof === 1,
  heatproof: p.heatproof === 1,
  waterproof: p.waterproof === 1,
  humidityproof: p.humidityproof === 1,
  lowDisasterRisk: p.low_disaster_risk === 1,
  disasterRiskBasis: p.disaster_risk_basis,
  assessedOn: p.assessed_on,
  note: p.note,
  retiredOn: p.retired_on,
  mediaCount,
});
