import {
  AppError,
  type ApprovalEnv,
  type ApprovalHooks,
  type ApprovalRequestTable,
  type FormValues,
  type LedgerDraft,
} from '../../kernel/index.js';
import { deviceSubject, fieldError, mayKeepDevices } from './device-access.js';
import { isLive } from './device-rules.js';
import { findDevice, updateDevice } from './facilities.repository.js';

/**
 * How the facilities module takes part in the approvals engine. A request to place a device off-site (1(5),
 * `facilities.offsitePlacement`, decided by the CISO) that names the device (`resourceRef` device:…) takes the
 * register's name and owning unit; it is filed by those who keep the device. When the CISO approves, the device is
 * recorded as off-site with the approval, the place and the interval of its security checks, in the same
 * transaction.
 */

const deviceIdOf = (resourceRef: string | null): string | null => {
  if (resourceRef === null) return null;
  const [kind, id = ''] = resourceRef.split(':');
  if (kind !== 'device')
    throw fieldError('resourceRef', '機器台帳の機器を指定してください。', 'Name a device of the register.');
  return id;
};

const unitPath = async (env: ApprovalEnv, unitId: string): Promise<string[]> =>
  (await env.directory.unitPath(env.tx, unitId, env.asOf)).map((u) => u.id);

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const formOf = (request: ApprovalRequestTable): FormValues => JSON.parse(request.form_json) as FormValues;

const placeOffsite = async (
  env: ApprovalEnv,
  request: ApprovalRequestTable,
): Promise<readonly LedgerDraft[]> => {
  const deviceId = request.resource_ref?.startsWith('device:') ? request.resource_ref.slice(7) : null;
  const device = deviceId === null ? undefined : await findDevice(env.tx, deviceId);
  if (device === undefined || !isLive(device.status)) return [];
  const form = formOf(request);
  const interval = typeof form['checkIntervalMonths'] === 'number' ? form['checkIntervalMonths'] : null;
  const location = text(form['location']);
  await updateDevice(env.tx, device.id, {
    status: 'offsite',
    offsite_request_id: request.id,
    offsite_request_ref_no: request.ref_no,
    offsite_location: location,
    offsite_approved_at: env.now,
    offsite_check_interval_months: interval,
    updated_at: env.now,
  });
  return [
    {
      kind: 'facilities.device.placedOffsite',
      subject: deviceSubject(device.id),
      payload: {
        assetTag: device.asset_tag,
        request: request.ref_no,
        location,
        startDate: text(form['startDate']),
        checkIntervalMonths: interval,
        clause: '5.1.5',
      },
    },
  ];
};

export const facilitiesApprovalHooks: ApprovalHooks = {
  'facilities.offsitePlacement': {
    beforeRoute: async (env, draft) => {
      const deviceId = deviceIdOf(draft.resourceRef);
      if (deviceId === null) return { form: draft.form, resourceUnitId: draft.resourceUnitId };
      const device = await findDevice(env.tx, deviceId);
      if (device === undefined)
        throw fieldError('resourceRef', '機器が見つかりません。', 'The device was not found.');
      if (!mayKeepDevices(env.actor, await unitPath(env, device.owning_unit_id)))
        throw new AppError('forbidden', {
          ja: '所管する部署の機器に限り申請できます（第5 1(5)）。',
          en: 'You may ask for the devices of your own units only (5-1(5)).',
        });
      if (!isLive(device.status) || device.status === 'offsite')
        throw new AppError('conflict', {
          ja: `機器 ${device.asset_tag} は敷地外に設置済みか、廃棄・返却済みです。`,
          en: `Device ${device.asset_tag} is already off-site, or disposed of or returned.`,
        });
      return {
        form: { ...draft.form, device: `${device.asset_tag} ${device.name}` },
        resourceUnitId: device.owning_unit_id,
      };
    },
    onApproved: placeOffsite,
  },
};
