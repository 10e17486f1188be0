import type { Db } from '../../kernel/index.js';
import type {
  DeviceDisposalView,
  DeviceServiceView,
  DeviceUnitRef,
  DeviceView,
} from '../../shared/api-types.js';
import {
  unitNames,
  type DeviceDisposalRow,
  type DeviceRow,
  type ServiceRow,
} from './facilities.repository.js';

/** Register rows as the API shows them, with the names of their units. */

export const loadUnitRefs = async (db: Db): Promise<ReadonlyMap<string, DeviceUnitRef>> =>
  new Map((await unitNames(db)).map((u) => [u.id, { id: u.id, nameJa: u.name_ja, nameEn: u.name_en }]));

const unitRef = (units: ReadonlyMap<string, DeviceUnitRef>, id: string): DeviceUnitRef =>
  units.get(id) ?? { id, nameJa: id, nameEn: id };

export const presentDevice = (d: DeviceRow, units: ReadonlyMap<string, DeviceUnitRef>): DeviceView => ({
  id: d.id,
  assetTag: d.asset_tag,
  kind: d.kind,
  name: d.name,
  maker: d.maker,
  model: d.model,
  owningUnit: unitRef(units, d.owning_unit_id),
  location: d.location,
  hasStorage: d.has_storage === 1,
  environmentProtected: d.environment_protected === 1,
  fixed: d.fixed === 1,
  installationNote: d.installation_note,
  ups: d.ups === 1,
  upsRuntimeMinutes: d.ups_runtime_minutes,
  surgeProtection: d.surge_protection === 1,
  antiTheft: d.anti_theft === 1,
  antiTheftMethod: d.anti_theft_method,
  maintenanceIntervalMonths: d.maintenance_interval_months,
  lastMaintainedOn: d.last_maintained_on,
  status: d.status,
  // The placement in force; an earlier one (the device back in use) stays in the history.
  offsite:
    d.status !== 'offsite' || d.offsite_request_id === null
      ? null
      : {
          requestId: d.offsite_request_id,
          requestRefNo: d.offsite_request_ref_no,
          location: d.offsite_location,
          approvedAt: d.offsite_approved_at,
          checkIntervalMonths: d.offsite_check_interval_months,
          checkedOn: d.offsite_checked_on,
        },
  endedOn: d.ended_on,
  updatedAt: d.updated_at,
});

export const presentService = (s: ServiceRow): DeviceServiceView => ({
  id: s.id,
  kind: s.kind,
  performedOn: s.performed_on,
  performedBy: s.performed_by,
  outsideContractor: s.outside_contractor === 1,
  contractorName: s.contractor_name,
  erased: s.erased === 1,
  erasureMethod: s.erasure_method,
  ndaConcluded: s.nda_concluded === 1,
  confidentialityChecked: s.confidentiality_checked === 1,
  note: s.note,
});

export const presentDeviceDisposal = (d: DeviceDisposalRow): DeviceDisposalView => ({
  id: d.id,
  kind: d.kind,
  performedOn: d.performed_on,
  erasureMethod: d.erasure_method,
  erasureDetail: d.erasure_detail,
  contractor: d.contractor,
  certificate: d.certificate,
  confirmedByName: d.confirmed_by_name,
  note: d.note,
});
