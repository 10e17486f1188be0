import { defineUseCase, directoryOf, newId } from '../../kernel/index.js';
import {
  allow,
  deviceNotFound,
  deviceSubject,
  fieldError,
  requireKeepDevices,
  requireNotFuture,
  today,
  unitPathOf,
} from './device-access.js';
import { requireLive } from './device-rules.js';
import { disposeDeviceInput } from './facilities.schema.js';
import {
  findDevice,
  insertDeviceDisposal,
  updateDevice,
  type DeviceDisposalRow,
} from './facilities.repository.js';

/**
 * A disposal or lease return (1(6)): every piece of information on the internal storage is erased beyond recovery
 * first, with the method, the contractor's certificate when a contractor did it, and who of the hospital confirmed
 * it. A device with storage cannot be recorded as having none; the device leaves the register's live list.
 */
export const disposeDevice = defineUseCase({
  name: 'facilities.disposeDevice',
  input: disposeDeviceInput,
  authorize: allow('facilities.manage'),
  execute: async (ctx, input, tx) => {
    const device = await findDevice(tx, input.deviceId);
    if (device === undefined) throw deviceNotFound();
    requireKeepDevices(ctx.actor, await unitPathOf(ctx, tx, device.owning_unit_id), 'deviceId');
    requireLive(device);
    requireNotFuture(ctx, input.performedOn, 'performedOn');
    if (device.has_storage === 1 && input.erasureMethod === 'noStorage')
      throw fieldError(
        'erasureMethod',
        'この機器は記憶装置を内蔵しています。すべての情報を復元不可能な状態に消去した方法を選んでください（第5 1(6)）。',
        'This device has built-in storage: choose how all its information was made unrecoverable (5-1(6)).',
      );
    const confirmerId = input.confirmedByStaffId ?? ctx.actor.staffId;
    if (confirmerId === null)
      throw fieldError(
        'confirmedByStaffId',
        '消去を確認した職員を指定してください。',
        'Name who confirmed the erasure.',
      );
    const people = await directoryOf(ctx).people(tx, [confirmerId], today(ctx));
    const confirmer = people.get(confirmerId);
    if (confirmer === undefined)
      throw fieldError('confirmedByStaffId', '職員が見つかりません。', 'The staff member was not found.');
    const now = ctx.clock.now().toISOString();
    const row: DeviceDisposalRow = {
      id: newId(),
      device_id: device.id,
      kind: input.kind,
      performed_on: input.performedOn,
      has_storage: device.has_storage,
      erasure_method: input.erasureMethod,
      erasure_detail: input.erasureDetail,
      contractor: input.contractor,
      certificate: input.certificate,
      confirmed_by_staff_id: confirmerId,
      confirmed_by_name: confirmer.nameKanji,
      note: input.note,
      recorded_by_staff_id: ctx.actor.staffId,
      created_at: now,
    };
    await insertDeviceDisposal(tx, row);
    const status = input.kind === 'disposal' ? 'disposed' : 'returned';
    await updateDevice(tx, device.id, { status, ended_on: input.performedOn, updated_at: now });
    return {
      result: { id: row.id, status },
      ledger: [
        {
          kind: input.kind === 'disposal' ? 'facilities.device.disposed' : 'facilities.device.returned',
          subject: deviceSubject(device.id),
          payload: {
            assetTag: device.asset_tag,
            record: row.id,
            performedOn: row.performed_on,
            hasStorage: device.has_storage === 1,
            erasureMethod: row.erasure_method,
            contractor: row.contractor,
            certificate: row.certificate,
            confirmedBy: confirmer.nameKanji,
            clause: '5.1.6',
          },
        },
      ],
    };
  },
});
