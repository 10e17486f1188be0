import { defineQuery } from '../../kernel/index.js';
import type { DeviceListView } from '../../shared/api-types.js';
import { allow, canSeeDevices, unitPathsOf } from './device-access.js';
import { loadUnitRefs, presentDevice } from './facilities.presenters.js';
import { deviceFilters } from './facilities.schema.js';
import { listDevices as selectDevices } from './facilities.repository.js';

/** The device register filtered by unit, kind and status, as the reader may see it, a page at a time. */
export const listDevices = defineQuery({
  name: 'facilities.listDevices',
  input: deviceFilters,
  authorize: allow('facilities.read'),
  execute: async (ctx, input): Promise<DeviceListView> => {
    const db = ctx.database.db;
    const rows = await selectDevices(db, input);
    const paths = await unitPathsOf(
      ctx,
      db,
      rows.map((r) => r.owning_unit_id),
    );
    const visible = rows.filter((r) => canSeeDevices(ctx.actor, paths.get(r.owning_unit_id) ?? []));
    const units = await loadUnitRefs(db);
    return {
      items: visible.slice(input.offset, input.offset + input.limit).map((r) => presentDevice(r, units)),
      total: visible.length,
    };
  },
});
