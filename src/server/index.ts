export { buildApp, type BuildAppOptions } from './app.js';
export { openRuntime, type Runtime } from './runtime.js';
