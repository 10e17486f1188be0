import { defineUseCase } from '../../kernel/index.js';
import {
  allow,
  deviceNotFound,
  deviceSubject,
  requireKeepDevices,
  requireNotFuture,
  unitPathOf,
} from './device-access.js';
import { deviceColumns, devicePayload, requireFreeTag, requireLive } from './device-rules.js';
import { updateDeviceInput } from './facilities.schema.js';
import { findDevice, updateDevice } from './facilities.repository.js';

/**
 * Changes what the register says of a device (its place, fixing, power, maintenance interval), or its status: sent
 * for repair, or back in use (which also ends an off-site placement). The entry keeps the previous values.
 */
export const updateDeviceRecord = defineUseCase({
  name: 'facilities.updateDevice',
  input: updateDeviceInput,
  authorize: allow('facilities.manage'),
  execute: async (ctx, input, tx) => {
    const device = await findDevice(tx, input.deviceId);
    if (device === undefined) throw deviceNotFound();
    requireKeepDevices(ctx.actor, await unitPathOf(ctx, tx, device.owning_unit_id), 'deviceId');
    requireLive(device);
    if (input.device.owningUnitId !== device.owning_unit_id)
      requireKeepDevices(
        ctx.actor,
        await unitPathOf(ctx, tx, input.device.owningUnitId),
        'device.owningUnitId',
      );
    if (input.device.lastMaintainedOn !== null)
      requireNotFuture(ctx, input.device.lastMaintainedOn, 'device.lastMaintainedOn');
    await requireFreeTag(tx, input.device.assetTag, device.id);
    const now = ctx.clock.now().toISOString();
    const next = { ...deviceColumns(input.device), status: input.status ?? device.status };
    await updateDevice(tx, device.id, { ...next, updated_at: now });
    return {
      result: { id: device.id },
      ledger: [
        {
          kind: 'facilities.device.updated',
          subject: deviceSubject(device.id),
          payload: { ...devicePayload(next), previous: devicePayload(device) },
        },
      ],
    };
  },
});
