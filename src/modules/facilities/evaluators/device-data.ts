import type { Db } from '../../../kernel/index.js';

/**
 * What the 第5 evaluators read: three set-based queries (the live devices, the outside repairs of devices with
 * storage, the disposals), never one per device, unit or clause.
 */

export const liveDevices = (db: Db) =>
  db
    .selectFrom('devices')
    .select([
      'id',
      'asset_tag',
      'kind',
      'name',
      'owning_unit_id',
      'location',
      'environment_protected',
      'fixed',
      'ups',
      'ups_runtime_minutes',
      'surge_protection',
      'anti_theft',
      'anti_theft_method',
      'maintenance_interval_months',
      'last_maintained_on',
      'status',
      'offsite_request_id',
      'offsite_request_ref_no',
      'offsite_approved_at',
      'offsite_check_interval_months',
      'offsite_checked_on',
    ])
    .where('status', 'in', ['inUse', 'underRepair', 'offsite'])
    .orderBy('asset_tag')
    .execute();
export type LiveDevice = Awaited<ReturnType<typeof liveDevices>>[number];

/** Repairs by outside contractors of devices with built-in storage (1(4)イ). */
export const outsideRepairs = (db: Db) =>
  db
    .selectFrom('device_services as s')
    .innerJoin('devices as d', 'd.id', 's.device_id')
    .select([
      's.id',
      's.device_id',
      's.performed_on',
      's.contractor_name',
      's.erased',
      's.nda_concluded',
      's.confidentiality_checked',
      'd.asset_tag',
      'd.name',
      'd.owning_unit_id',
    ])
    .where('s.kind', '=', 'repair')
    .where('s.outside_contractor', '=', 1)
    .where('s.has_storage', '=', 1)
    .orderBy('s.performed_on')
    .execute();

/** Disposals and lease returns (1(6)). */
export const deviceDisposals = (db: Db) =>
  db
    .selectFrom('device_disposals as x')
    .innerJoin('devices as d', 'd.id', 'x.device_id')
    .select([
      'x.id',
      'x.device_id',
      'x.kind',
      'x.performed_on',
      'x.has_storage',
      'x.erasure_method',
      'x.contractor',
      'x.certificate',
      'x.confirmed_by_name',
      'd.asset_tag',
      'd.name',
      'd.owning_unit_id',
    ])
    .orderBy('x.performed_on')
    .execute();

/** The date `months` calendar months before `date` (the month's last day when shorter). */
export const monthsBefore = (date: string, months: number): string => {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};
