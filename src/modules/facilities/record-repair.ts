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
import { recordRepairInput } from './facilities.schema.js';
import { findDevice, insertService, type ServiceRow } from './facilities.repository.js';

/**
 * A repair (1(4)イ). A device with built-in storage goes to an outside repairer erased; when it cannot be erased,
 * only under a non-disclosure agreement with the repairer and after checking its confidentiality arrangements.
 * A repair that meets neither is refused, naming what is missing; nothing is written.
 */
export const recordRepair = defineUseCase({
  name: 'facilities.recordRepair',
  input: recordRepairInput,
  authorize: allow('facilities.manage'),
  execute: async (ctx, input, tx) => {
    const device = await findDevice(tx, input.deviceId);
    if (device === undefined) throw deviceNotFound();
    requireKeepDevices(ctx.actor, await unitPathOf(ctx, tx, device.owning_unit_id), 'deviceId');
    requireLive(device);
    requireNotFuture(ctx, input.performedOn, 'performedOn');
    const guarded = input.erased || (input.ndaConcluded && input.confidentialityChecked);
    if (device.has_storage === 1 && input.outsideContractor && !guarded)
      throw fieldError(
        input.ndaConcluded ? 'confidentialityChecked' : 'erased',
        '記憶媒体を内蔵する機器は、内容を消去して修理に出すか、消去できない場合は秘密保持契約を締結し秘密保持体制を確認してください（第5 1(4)イ）。',
        'A device with built-in storage goes to an outside repairer erased or, if it cannot be erased, under a non-disclosure agreement after checking the repairer’s confidentiality arrangements (5-1(4)イ).',
      );
    const now = ctx.clock.now().toISOString();
    const row: ServiceRow = {
      id: newId(),
      device_id: device.id,
      kind: 'repair',
      performed_on: input.performedOn,
      performed_by: input.contractorName,
      outside_contractor: input.outsideContractor ? 1 : 0,
      contractor_name: input.contractorName,
      erased: input.erased ? 1 : 0,
      erasure_method: input.erased ? input.erasureMethod : null,
      nda_concluded: input.ndaConcluded ? 1 : 0,
      confidentiality_checked: input.confidentialityChecked ? 1 : 0,
      has_storage: device.has_storage,
      note: input.note,
      recorded_by_staff_id: ctx.actor.staffId,
      created_at: now,
    };
    await insertService(tx, row);
    return {
      result: { id: row.id },
      ledger: [
        {
          kind: 'facilities.device.repaired',
          subject: deviceSubject(device.id),
          payload: {
            assetTag: device.asset_tag,
            record: row.id,
            performedOn: row.performed_on,
            outsideContractor: input.outsideContractor,
            contractor: row.contractor_name,
            hasStorage: device.has_storage === 1,
            erased: input.erased,
            erasureMethod: row.erasure_method,
            ndaConcluded: input.ndaConcluded,
            confidentialityChecked: input.confidentialityChecked,
            clause: '5.1.4.b',
          },
        },
      ],
    };
  },
});
