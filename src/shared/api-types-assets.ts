// Shapes of the JSON the API sends about information assets (第4) (re-exported by api-types.ts).
import type { Bilingual } from './api-types-base.js';
import type { HistoryEntry } from './api-types-org.js';

// ── Information assets (第4): the registers, the handling log, disposals, storage checks ──

export interface AssetUnitRef {
  id: string;
  nameJa: string;
  nameEn: string;
}

export interface AssetView {
  id: string;
  code: string;
  name: string;
  description: string | null;
  form: 'electronic' | 'paper';
  owningUnit: AssetUnitRef;
  compartmentId: string | null;
  /** 1 (I, most sensitive) … 4 (IV). */
  classification: number;
  classificationBasis: string;
  classifiedAt: string;
  origin: string;
  source: { id: string; code: string; name: string } | null;
  sourceParty: string | null;
  receivedOn: string | null;
  systemName: string | null;
  storagePlace: { id: string; code: string; name: string } | null;
  medium: { id: string; code: string; label: string; classification: number | null } | null;
  retainUntil: string | null;
  retentionNote: string | null;
  status: 'draft' | 'active' | 'disposed' | 'erased';
  rulingRequestId: string | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
  erasedAt: string | null;
  eraseReason: string | null;
  disposedAt: string | null;
}

export interface AssetHandlingView {
  id: string;
  kind: string;
  status: string;
  assetId: string | null;
  mediumId: string | null;
  subjectName: string;
  unit: AssetUnitRef;
  classification: number | null;
  requestId: string | null;
  requestRefNo: string | null;
  performedByName: string | null;
  origin: string | null;
  destination: string | null;
  counterparty: string | null;
  protection: string | null;
  plannedOn: string | null;
  performedAt: string | null;
  detail: Record<string, unknown> | null;
  createdAt: string;
}

export interface AssetDisposalView {
  id: string;
  recordNo: string;
  handlingId: string;
  requestId: string;
  requestRefNo: string | null;
  assetId: string | null;
  mediumId: string | null;
  subjectName: string;
  unit: AssetUnitRef;
  classification: number;
  method: string;
  unrecoverable: boolean;
  sanitization: string | null;
  performedAt: string;
  performedByName: string;
  witnessName: string | null;
  contractor: string | null;
  contractorCertificate: string | null;
  note: string | null;
  recordedAt: string;
}

export interface AssetPublicationView {
  id: string;
  assetId: string;
  channel: string;
  fileName: string | null;
  byteSize: number;
  sha256: string;
  publishedAt: string;
  publishedByName: string;
  status: 'published' | 'altered' | 'withdrawn';
  lastCheckedAt: string | null;
  lastCheckOk: boolean | null;
}

export interface AssetDetailView extends AssetView {
  /** Copies, transmissions and assets received from inside that follow this one's class (4-2(1)イ, 4-2(3)ア). */
  derived: {
    id: string;
    code: string;
    name: string;
    origin: string;
    classification: number;
    status: string;
  }[];
  handlings: AssetHandlingView[];
  disposals: AssetDisposalView[];
  publications: AssetPublicationView[];
  history: HistoryEntry[];
  /** What the reader may do now. */
  can: { update: boolean; reclassify: boolean; eraseDraft: boolean; request: boolean; publish: boolean };
}

export interface AssetListView {
  items: AssetView[];
  /** Assets matching the filters that the reader may see. */
  total: number;
}

export interface StoragePlaceView {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  owningUnit: AssetUnitRef | null;
  location: string | null;
  fireproof: boolean;
  heatproof: boolean;
  waterproof: boolean;
  humidityproof: boolean;
  lowDisasterRisk: boolean;
  disasterRiskBasis: string | null;
  assessedOn: string | null;
  note: string | null;
  retiredOn: string | null;
  mediaCount: number;
}

export interface MediumView {
  id: string;
  code: string;
  label: string;
  kind: string;
  removable: boolean;
  owningUnit: AssetUnitRef;
  storagePlace: { id: string; code: string; name: string } | null;
  purpose: string;
  usage: string;
  storedSince: string | null;
  writeProtected: boolean;
  writeProtectedOn: string | null;
  writeProtectionMethod: string | null;
  encrypted: boolean;
  /** The most sensitive class of what it holds (4-2(4)ウ); null when empty. */
  classification: number | null;
  status: string;
  assetCount: number;
  /** Storage rules it does not meet now (4-2(5)イ・ウ・エ), by clause id. */
  findings: StorageFindingView[];
}

export interface StorageFindingView {
  clauseId: string;
  ok: boolean;
  reason: Bilingual;
}

export interface StorageCheckView {
  asOf: string;
  /** The 4-2(5) parameter: months after which storage counts as long-term. */
  longTermMonths: number;
  rules: { clauseId: string; display: string; checked: number; failing: number }[];
  media: MediumView[];
}

export interface AssetImportResult {
  dryRun: boolean;
  counts: Record<string, { created: number; updated: number; unchanged: number }>;
}
