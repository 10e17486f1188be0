import { z } from 'zod';
import { AppError, defineQuery, entriesForSubject, type Db } from '../../kernel/index.js';
import type { DeviceDetailView, HistoryEntry } from '../../shared/api-types.js';
import { accountDisplayNames } from '../identity/index.js';
import {
  allow,
  canSeeDevices,
  deviceNotFound,
  deviceSubject,
  mayKeepDevices,
  unitPathOf,
} from './device-access.js';
import { isLive } from './device-rules.js';
import {
  loadUnitRefs,
  presentDevice,
  presentDeviceDisposal,
  presentService,
} from './facilities.presenters.js';
import { disposalsOf, findDevice, servicesOf } from './facilities.repository.js';

/** The ledger entries of a record, newest first, with who did each. */
const historyOf = async (db: Db, subject: string): Promise<HistoryEntry[]> => {
  const entries = await entriesForSubject(db, subject);
  const ids = [
    ...new Set(
      entries
        .map((e) => e.actor)
        .filter((a) => a.startsWith('account:'))
        .map((a) => a.slice(8)),
    ),
  ];
  const names = await accountDisplayNames(db, ids);
  return entries.map((e) => ({
    index: e.index,
    time: e.time,
    kind: e.kind,
    actor: e.actor,
    actorName: e.actor.startsWith('account:') ? (names.get(e.actor.slice(8)) ?? null) : null,
    payload: e.payload,
  }));
};

/** One device with its maintenance, repair and off-site check records, disposals and ledger history. */
export const getDevice = defineQuery({
  name: 'facilities.getDevice',
  input: z.strictObject({ deviceId: z.string().min(1).max(64) }),
  authorize: allow('facilities.read'),
  execute: async (ctx, input): Promise<DeviceDetailView> => {
    const db = ctx.database.db;
    const device = await findDevice(db, input.deviceId);
    if (device === undefined) throw deviceNotFound();
    const path = await unitPathOf(ctx, db, device.owning_unit_id);
    if (!canSeeDevices(ctx.actor, path))
      throw new AppError('forbidden', {
        ja: 'この部署の機器は閲覧できません。',
        en: 'You may not see the devices of this unit.',
      });
    const [services, disposals, history, units] = await Promise.all([
      servicesOf(db, device.id),
      disposalsOf(db, device.id),
      historyOf(db, deviceSubject(device.id)),
      loadUnitRefs(db),
    ]);
    const keep = isLive(device.status) && mayKeepDevices(ctx.actor, path) && ctx.actor.kind !== 'system';
    return {
      ...presentDevice(device, units),
      services: services.map(presentService),
      disposals: disposals.map(presentDeviceDisposal),
      history,
      can: {
        update: keep,
        requestOffsite: keep && device.status !== 'offsite' && ctx.actor.staffId !== null,
      },
    };
  },
});
