// Shapes of the JSON the API sends about the device register (第5 1, 4(1)) (re-exported by api-types.ts).
import type { HistoryEntry } from './api-types-org.js';

export interface DeviceUnitRef {
  id: string;
  nameJa: string;
  nameEn: string;
}

export interface DeviceView {
  id: string;
  assetTag: string;
  kind: string;
  name: string;
  maker: string | null;
  model: string | null;
  owningUnit: DeviceUnitRef;
  location: string | null;
  hasStorage: boolean;
  environmentProtected: boolean;
  fixed: boolean;
  installationNote: string | null;
  ups: boolean;
  upsRuntimeMinutes: number | null;
  surgeProtection: boolean;
  antiTheft: boolean;
  antiTheftMethod: string | null;
  maintenanceIntervalMonths: number | null;
  lastMaintainedOn: string | null;
  status: string;
  offsite: {
    requestId: string;
    requestRefNo: string | null;
    location: string | null;
    approvedAt: string | null;
    checkIntervalMonths: number | null;
    checkedOn: string | null;
  } | null;
  endedOn: string | null;
  updatedAt: string;
}

export interface DeviceListView {
  items: DeviceView[];
  /** Devices matching the filters that the reader may see. */
  total: number;
}

export interface DeviceServiceView {
  id: string;
  kind: string;
  performedOn: string;
  performedBy: string | null;
  outsideContractor: boolean;
  contractorName: string | null;
  erased: boolean;
  erasureMethod: string | null;
  ndaConcluded: boolean;
  confidentialityChecked: boolean;
  note: string | null;
}

export interface DeviceDisposalView {
  id: string;
  kind: string;
  performedOn: string;
  erasureMethod: string;
  erasureDetail: string | null;
  contractor: string | null;
  certificate: string | null;
  confirmedByName: string;
  note: string | null;
}

export interface DeviceDetailView extends DeviceView {
  services: DeviceServiceView[];
  disposals: DeviceDisposalView[];
  history: HistoryEntry[];
  /** What the reader may do now. */
  can: { update: boolean; requestOffsite: boolean };
}
