import { defineUseCase, newId } from '../../kernel/index.js';
import { allow, deviceSubject, requireKeepDevices, requireNotFuture, unitPathOf } from './device-access.js';
import { deviceColumns, devicePayload, requireFreeTag } from './device-rules.js';
import { registerDeviceInput } from './facilities.schema.js';
import { insertDevice, type DeviceRow } from './facilities.repository.js';

/** Registers a device in the register with its installation, power, anti-theft and maintenance (第5 1, 4(1)). */
export const registerDevice = defineUseCase({
  name: 'facilities.registerDevice',
  input: registerDeviceInput,
  authorize: allow('facilities.manage'),
  execute: async (ctx, input, tx) => {
    requireKeepDevices(ctx.actor, await unitPathOf(ctx, tx, input.owningUnitId), 'owningUnitId');
    if (input.lastMaintainedOn !== null) requireNotFuture(ctx, input.lastMaintainedOn, 'lastMaintainedOn');
    await requireFreeTag(tx, input.assetTag, null);
    const now = ctx.clock.now().toISOString();
    const row: DeviceRow = {
      id: newId(),
      ...deviceColumns(input),
      status: 'inUse',
      offsite_request_id: null,
      offsite_request_ref_no: null,
      offsite_location: null,
      offsite_approved_at: null,
      offsite_check_interval_months: null,
      offsite_checked_on: null,
      created_by_staff_id: ctx.actor.staffId,
      created_at: now,
      updated_at: now,
      ended_on: null,
    };
    await insertDevice(tx, row);
    return {
      result: { id: row.id, assetTag: row.asset_tag },
      ledger: [
        { kind: 'facilities.device.registered', subject: deviceSubject(row.id), payload: devicePayload(row) },
      ],
    };
  },
});
