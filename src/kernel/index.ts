// The kernel's public surface for modules, server and CLI. The kernel imports no module.
export * from './access/index.js';
export * from './approvals/index.js';
export * from './config/index.js';
export * from './db/index.js';
export * from './errors/index.js';
export * from './ledger/index.js';
export * from './reports/index.js';
export * from './time/index.js';
export * from './usecase/index.js';
export { newId } from './ids.js';
export { calendarDateSchema, kanaSchema, optionalDate, optionalText, text } from './schema-helpers.js';
export * from './http/index.js';
export * from './policy-pack/index.js';
// The latest signed checkpoint, for reports signed with the checkpoint they were computed at (policy module).
export { latestCheckpoint, type StoredCheckpoint } from './ledger/checkpoints.js';
