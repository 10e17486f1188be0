import type { Db, DeviceDisposalTable, DeviceServiceTable, DeviceTable } from '../../kernel/index.js';
import type { DeviceFilters } from './facilities.schema.js';

/** SQL for the device register and its records (第5 1, 4(1)). */

export type DeviceRow = DeviceTable;
export type ServiceRow = DeviceServiceTable;
export type DeviceDisposalRow = DeviceDisposalTable;

export const insertDevice = async (db: Db, row: DeviceRow): Promise<void> => {
  await db.insertInto('devices').values(row).execute();
};

export const updateDevice = async (db: Db, id: string, changes: Partial<DeviceRow>): Promise<void> => {
  await db.updateTable('devices').set(changes).where('id', '=', id).execute();
};

export const findDevice = (db: Db, id: string): Promise<DeviceRow | undefined> =>
  db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();

export const findDeviceByTag = (db: Db, tag: string): Promise<DeviceRow | undefined> =>
  db.selectFrom('devices').selectAll().where('asset_tag', '=', tag).executeTakeFirst();

export const findDevicesByTags = async (db: Db, tags: readonly string[]): Promise<DeviceRow[]> => {
  const out: DeviceRow[] = [];
  for (let i = 0; i < tags.length; i += 500) {
    const part = tags.slice(i, i + 500);
    if (part.length > 0)
      out.push(...(await db.selectFrom('devices').selectAll().where('asset_tag', 'in', part).execute()));
  }
  return out;
};

/** The register filtered; the reader's visibility is applied by the caller (per unit). */
export const listDevices = (
  db: Db,
  filter: Pick<DeviceFilters, 'q' | 'unitId' | 'kind' | 'status'>,
): Promise<DeviceRow[]> => {
  let q = db.selectFrom('devices').selectAll();
  if (filter.unitId) q = q.where('owning_unit_id', '=', filter.unitId);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('asset_tag', 'like', like),
        eb('name', 'like', like),
        eb('model', 'like', like),
        eb('location', 'like', like),
      ]),
    );
  }
  return q.orderBy('asset_tag').execute();
};

export const insertService = async (db: Db, row: ServiceRow): Promise<void> => {
  await db.insertInto('device_services').values(row).execute();
};

export const servicesOf = (db: Db, deviceId: string): Promise<ServiceRow[]> =>
  db
    .selectFrom('device_services')
    .selectAll()
    .where('device_id', '=', deviceId)
    .orderBy('performed_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();

export const insertDeviceDisposal = async (db: Db, row: DeviceDisposalRow): Promise<void> => {
  await db.insertInto('device_disposals').values(row).execute();
};

export const disposalsOf = (db: Db, deviceId: string): Promise<DeviceDisposalRow[]> =>
  db.selectFrom('device_disposals').selectAll().where('device_id', '=', deviceId).execute();

export const unitNames = (db: Db) => db.selectFrom('units').select(['id', 'name_ja', 'name_en']).execute();
