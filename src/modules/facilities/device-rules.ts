import { AppError, type Tx } from '../../kernel/index.js';
import { fieldError } from './device-access.js';
import type { DeviceInput } from './facilities.schema.js';
import { findDeviceByTag, type DeviceRow } from './facilities.repository.js';

/** What the register records of a device, from the form; and the ledger payload of a device. */

export const deviceColumns = (
  input: DeviceInput,
): Omit<
  DeviceRow,
  | 'id'
  | 'status'
  | 'offsite_request_id'
  | 'offsite_request_ref_no'
  | 'offsite_location'
  | 'offsite_approved_at'
  | 'offsite_check_interval_months'
  | 'offsite_checked_on'
  | 'created_by_staff_id'
  | 'created_at'
  | 'updated_at'
  | 'ended_on'
> => ({
  asset_tag: input.assetTag,
  kind: input.kind,
  name: input.name,
  maker: input.maker,
  model: input.model,
  owning_unit_id: input.owningUnitId,
  location: input.location,
  has_storage: input.hasStorage ? 1 : 0,
  environment_protected: input.environmentProtected ? 1 : 0,
  fixed: input.fixed ? 1 : 0,
  installation_note: input.installationNote,
  ups: input.ups ? 1 : 0,
  ups_runtime_minutes: input.ups ? input.upsRuntimeMinutes : null,
  surge_protection: input.surgeProtection ? 1 : 0,
  anti_theft: input.antiTheft ? 1 : 0,
  anti_theft_method: input.antiTheft ? input.antiTheftMethod : null,
  maintenance_interval_months: input.maintenanceIntervalMonths,
  last_maintained_on: input.lastMaintainedOn,
});

export const devicePayload = (row: ReturnType<typeof deviceColumns> & { status?: string }) => ({
  assetTag: row.asset_tag,
  kind: row.kind,
  name: row.name,
  owningUnitId: row.owning_unit_id,
  location: row.location,
  hasStorage: row.has_storage === 1,
  environmentProtected: row.environment_protected === 1,
  fixed: row.fixed === 1,
  ups: row.ups === 1,
  upsRuntimeMinutes: row.ups_runtime_minutes,
  surgeProtection: row.surge_protection === 1,
  antiTheft: row.anti_theft === 1,
  antiTheftMethod: row.anti_theft_method,
  maintenanceIntervalMonths: row.maintenance_interval_months,
  lastMaintainedOn: row.last_maintained_on,
  ...(row.status === undefined ? {} : { status: row.status }),
});

/** An asset tag names one device. */
export const requireFreeTag = async (tx: Tx, tag: string, deviceId: string | null): Promise<void> => {
  const other = await findDeviceByTag(tx, tag);
  if (other === undefined || other.id === deviceId) return;
  const message = { ja: `資産番号 ${tag} は登録済みです。`, en: `Asset tag ${tag} is already registered.` };
  throw new AppError('conflict', message, { issues: [{ field: 'assetTag', message }] });
};

export const isLive = (status: string): boolean =>
  status === 'inUse' || status === 'underRepair' || status === 'offsite';

/** Records are kept of devices the hospital still holds. */
export const requireLive = (device: DeviceRow, field = 'deviceId'): void => {
  if (isLive(device.status)) return;
  throw new AppError(
    'conflict',
    {
      ja: `機器 ${device.asset_tag} は廃棄・返却済みです。`,
      en: `Device ${device.asset_tag} has been disposed of or returned.`,
    },
    { issues: [{ field, message: { ja: '廃棄・返却済みです。', en: 'Disposed of or returned.' } }] },
  );
};

export { fieldError };
