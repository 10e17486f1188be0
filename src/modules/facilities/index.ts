// The facilities module's only door: the device register (機器台帳) and its records (第5 1, 4(1)).
export * from './facilities.schema.js';
export { facilitiesApprovalHooks } from './approval-hooks.js';
export { disposeDevice } from './dispose-device.js';
export { getDevice } from './get-device.js';
export { listDevices } from './list-devices.js';
export { recordMaintenance } from './record-maintenance.js';
export { recordRepair } from './record-repair.js';
export { registerDevice } from './register-device.js';
export { updateDeviceRecord } from './update-device.js';
export { facilitiesEvaluators } from './evaluators/index.js';
export { registerFacilitiesRoutes } from './facilities.routes.js';
export { importDevices, importDevicesInput } from './import-devices.js';
export { importDevicesFile, importDevicesFileInput } from './import-devices-file.js';
export { deviceFileSpecs } from './device-file.js';
