export { configSchema, envNames, type Config } from './config.schema.js';
export { loadConfig } from './load-config.js';
