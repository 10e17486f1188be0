// Table types of facilities (第5): the device register and its records (see schema.ts for the conventions).
export interface DeviceTable {
  id: string;
  asset_tag: string;
  kind: string;
  name: string;
  maker: string | null;
  model: string | null;
  owning_unit_id: string;
  location: string | null;
  has_storage: number;
  environment_protected: number;
  fixed: number;
  installation_note: string | null;
  ups: number;
  ups_runtime_minutes: number | null;
  surge_protection: number;
  anti_theft: number;
  anti_theft_method: string | null;
  maintenance_interval_months: number | null;
  last_maintained_on: string | null;
  status: string;
  offsite_request_id: string | null;
  offsite_request_ref_no: string | null;
  offsite_location: string | null;
  offsite_approved_at: string | null;
  offsite_check_interval_months: number | null;
  offsite_checked_on: string | null;
  created_by_staff_id: string | null;
  created_at: string;
  updated_at: string;
  ended_on: string | null;
}

export interface DeviceServiceTable {
  id: string;
  device_id: string;
  kind: string;
  performed_on: string;
  performed_by: string | null;
  outside_contractor: number;
  contractor_name: string | null;
  erased: number;
  erasure_method: string | null;
  nda_concluded: number;
  confidentiality_checked: number;
  has_storage: number;
  note: string | null;
  recorded_by_staff_id: string | null;
  created_at: string;
}

export interface DeviceDisposalTable {
  id: string;
  device_id: string;
  kind: string;
  performed_on: string;
  has_storage: number;
  erasure_method: string;
  erasure_detail: string | null;
  contractor: string | null;
  certificate: string | null;
  confirmed_by_staff_id: string | null;
  confirmed_by_name: string;
  note: string | null;
  recorded_by_staff_id: string | null;
  created_at: string;
}
