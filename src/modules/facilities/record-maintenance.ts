import { defineUseCase, newId } from '../../kernel/index.js';
import {
  allow,
  deviceNotFound,
  deviceSubject,
  fieldError,
  requireKeepDevices,
  requireNotFuture,
  unitPathOf,
} from './device-access.js';
import { requireLive } from './device-rules.js';
import { recordMaintenanceInput } from './facilities.schema.js';
import { findDevice, insertService, updateDevice, type ServiceRow } from './facilities.repository.js';

/**
 * A periodic maintenance done (1(4)ア), or a check of an off-site device's security (1(5)): the record, and the
 * device's last date moves forward (never back: an older record entered late keeps the later date).
 */
export const recordMaintenance = defineUseCase({
  name: 'facilities.recordMaintenance',
  input: recordMaintenanceInput,
  authorize: allow('facilities.manage'),
  execute: async (ctx, input, tx) => {
    const device = await findDevice(tx, input.deviceId);
    if (device === undefined) throw deviceNotFound();
    requireKeepDevices(ctx.actor, await unitPathOf(ctx, tx, device.owning_unit_id), 'deviceId');
    requireLive(device);
    requireNotFuture(ctx, input.performedOn, 'performedOn');
    if (input.kind === 'offsiteCheck' && device.status !== 'offsite')
      throw fieldError(
        'kind',
        'この機器は敷地外に設置されていません（第5 1(5)）。',
        'This device is not placed off-site (5-1(5)).',
      );
    const now = ctx.clock.now().toISOString();
    const row: ServiceRow = {
      id: newId(),
      device_id: device.id,
      kind: input.kind,
      performed_on: input.performedOn,
      performed_by: input.performedBy,
      outside_contractor: 0,
      contractor_name: null,
      erased: 0,
      erasure_method: null,
      nda_concluded: 0,
      confidentiality_checked: 0,
      has_storage: device.has_storage,
      note: input.note,
      recorded_by_staff_id: ctx.actor.staffId,
      created_at: now,
    };
    await insertService(tx, row);
    const latest = (d: string | null): string =>
      d !== null && d > input.performedOn ? d : input.performedOn;
    await updateDevice(
      tx,
      device.id,
      input.kind === 'maintenance'
        ? { last_maintained_on: latest(device.last_maintained_on), updated_at: now }
        : { offsite_checked_on: latest(device.offsite_checked_on), updated_at: now },
    );
    return {
      result: { id: row.id },
      ledger: [
        {
          kind:
            input.kind === 'maintenance'
              ? 'facilities.device.maintained'
              : 'facilities.device.offsiteChecked',
          subject: deviceSubject(device.id),
          payload: {
            assetTag: device.asset_tag,
            record: row.id,
            performedOn: row.performed_on,
            performedBy: row.performed_by,
            clause: input.kind === 'maintenance' ? '5.1.4.a' : '5.1.5',
          },
        },
      ],
    };
  },
});
