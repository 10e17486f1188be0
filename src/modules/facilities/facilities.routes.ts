import { z } from 'zod';
import { contextOf, type MamoriApp } from '../../kernel/index.js';
import { disposeDevice } from './dispose-device.js';
import {
  deviceFilters,
  disposeDeviceInput,
  recordMaintenanceInput,
  registerDeviceInput,
  repairBody,
  updateDeviceBody,
} from './facilities.schema.js';
import { getDevice } from './get-device.js';
import { importDevices, importDevicesInput } from './import-devices.js';
import { importDevicesFile, importDevicesFileInput } from './import-devices-file.js';
import { listDevices } from './list-devices.js';
import { recordMaintenance } from './record-maintenance.js';
import { recordRepair } from './record-repair.js';
import { registerDevice } from './register-device.js';
import { updateDeviceRecord } from './update-device.js';

const tags = ['facilities'];
const idParams = z.strictObject({ id: z.string().min(1).max(64) });

/**
 * HTTP for the device register (第5 1, 4(1)): validate, call the use case, present. Placing a device off-site is a
 * request of the approvals engine (`facilities.offsitePlacement`, POST /api/requests with `resourceRef` device:…).
 */
export const registerFacilitiesRoutes = (app: MamoriApp): void => {
  app.get(
    '/api/facilities/devices',
    {
      config: { action: 'facilities.read' },
      schema: {
        tags,
        summary: 'The device register, filtered (the units the reader may see)',
        querystring: deviceFilters,
      },
    },
    (req) => listDevices(contextOf(req), req.query),
  );
  app.post(
    '/api/facilities/devices',
    {
      config: { action: 'facilities.manage' },
      schema: { tags, summary: 'Register a device (5-1(1), (2), (4)ア, 4(1))', body: registerDeviceInput },
    },
    async (req, reply) => reply.code(201).send(await registerDevice(contextOf(req), req.body)),
  );
  app.post(
    '/api/facilities/devices/import',
    {
      config: { action: 'facilities.manage' },
      schema: {
        tags,
        summary: 'Import a device register (rows of a spreadsheet): all or nothing, a dry run checks only',
        body: importDevicesInput,
      },
      bodyLimit: 32 * 1024 * 1024,
    },
    (req) => importDevices(contextOf(req), req.body),
  );
  app.post(
    '/api/facilities/devices/import-file',
    {
      config: { action: 'facilities.manage' },
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import a device register from CSV or Excel (dry run first; per-row errors write nothing)',
        querystring: z.strictObject({ dryRun: z.enum(['true', 'false']).default('true') }),
        body: importDevicesFileInput,
      },
    },
    (req) => importDevicesFile(contextOf(req), req.body, req.query.dryRun === 'true'),
  );
  app.get(
    '/api/facilities/devices/:id',
    {
      config: { action: 'facilities.read' },
      schema: { tags, summary: 'A device with its records and history', params: idParams },
    },
    (req) => getDevice(contextOf(req), { deviceId: req.params.id }),
  );
  app.put(
    '/api/facilities/devices/:id',
    {
      config: { action: 'facilities.manage' },
      schema: {
        tags,
        summary: 'Change a device, send it for repair or bring it back',
        params: idParams,
        body: updateDeviceBody,
      },
    },
    (req) => updateDeviceRecord(contextOf(req), { ...req.body, deviceId: req.params.id }),
  );
  app.post(
    '/api/facilities/devices/:id/maintenance',
    {
      config: { action: 'facilities.manage' },
      schema: {
        tags,
        summary: 'Record a periodic maintenance (5-1(4)ア) or an off-site check (5-1(5))',
        params: idParams,
        body: recordMaintenanceInput.omit({ deviceId: true }),
      },
    },
    async (req, reply) =>
      reply.code(201).send(await recordMaintenance(contextOf(req), { ...req.body, deviceId: req.params.id })),
  );
  app.post(
    '/api/facilities/devices/:id/repairs',
    {
      config: { action: 'facilities.manage' },
      schema: {
        tags,
        summary: 'Record a repair: erased, or NDA and the repairer checked (5-1(4)イ)',
        params: idParams,
        body: repairBody,
      },
    },
    async (req, reply) =>
      reply.code(201).send(await recordRepair(contextOf(req), { ...req.body, deviceId: req.params.id })),
  );
  app.post(
    '/api/facilities/devices/:id/disposal',
    {
      config: { action: 'facilities.manage' },
      schema: {
        tags,
        summary: 'Record a disposal or lease return with the erasure (5-1(6))',
        params: idParams,
        body: disposeDeviceInput.omit({ deviceId: true }),
      },
    },
    async (req, reply) =>
      reply.code(201).send(await disposeDevice(contextOf(req), { ...req.body, deviceId: req.params.id })),
  );
};
