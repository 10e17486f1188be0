export { buildApp, type BuildAppOptions } from './app.js';
export { complianceService, openRuntime, type Runtime } from './runtime.js';
export { checkpointSealer } from './checkpoint-sealer.js';
