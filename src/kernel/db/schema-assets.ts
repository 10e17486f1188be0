// Table types of information assets (第4) (see schema.ts for the conventions).
export interface StoragePlaceTable {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  kind: string;
  owning_unit_id: string | null;
  location: string | null;
  fireproof: number;
  heatproof: number;
  waterproof: number;
  humidityproof: number;
  low_disaster_risk: number;
  disaster_risk_basis: string | null;
  assessed_on: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  retired_on: string | null;
}

export interface MediumTable {
  id: string;
  code: string;
  label: string;
  kind: string;
  removable: number;
  owning_unit_id: string;
  storage_place_id: string | null;
  purpose: string;
  usage: string;
  stored_since: string | null;
  write_protected: number;
  write_protected_on: string | null;
  write_protection_method: string | null;
  encrypted: number;
  classification: number | null;
  status: string;
  created_by_staff_id: string | null;
  created_at: string;
  updated_at: string;
  disposed_at: string | null;
}

export interface InformationAssetTable {
  id: string;
  code: string;
  name: string;
  description: string | null;
  form: string;
  owning_unit_id: string;
  compartment_id: string | null;
  classification: number;
  classification_basis: string;
  classified_by_staff_id: string | null;
  classified_at: string;
  origin: string;
  source_asset_id: string | null;
  source_party: string | null;
  received_on: string | null;
  system_name: string | null;
  storage_place_id: string | null;
  medium_id: string | null;
  retain_until: string | null;
  retention_note: string | null;
  status: string;
  ruling_request_id: string | null;
  created_by_staff_id: string | null;
  created_by_name: string | null;
  created_at: string;
  updated_at: string;
  erased_at: string | null;
  erased_by_staff_id: string | null;
  erase_reason: string | null;
  disposed_at: string | null;
}

export interface AssetHandlingTable {
  id: string;
  kind: string;
  status: string;
  asset_id: string | null;
  medium_id: string | null;
  subject_name: string;
  unit_id: string;
  classification: number | null;
  request_id: string | null;
  request_ref_no: string | null;
  applicant_staff_id: string | null;
  performed_by_staff_id: string | null;
  performed_by_name: string | null;
  origin: string | null;
  destination: string | null;
  counterparty: string | null;
  protection: string | null;
  planned_on: string | null;
  performed_at: string | null;
  detail: string | null;
  created_at: string;
  updated_at: string;
}

export interface AssetDisposalTable {
  id: string;
  record_no: string;
  handling_id: string;
  request_id: string;
  asset_id: string | null;
  medium_id: string | null;
  subject_name: string;
  unit_id: string;
  classification: number;
  method: string;
  unrecoverable: number;
  sanitization: string | null;
  performed_at: string;
  performed_by_staff_id: string;
  performed_by_name: string;
  witness_name: string | null;
  contractor: string | null;
  contractor_certificate: string | null;
  note: string | null;
  recorded_by_staff_id: string;
  recorded_at: string;
}

export interface AssetPublicationTable {
  id: string;
  asset_id: string;
  unit_id: string;
  channel: string;
  file_name: string | null;
  byte_size: number;
  sha256: string;
  published_at: string;
  published_by_staff_id: string;
  published_by_name: string;
  status: string;
  last_checked_at: string | null;
  last_check_ok: number | null;
  updated_at: string;
}

export interface AssetCounterTable {
  name: string;
  value: number;
}
