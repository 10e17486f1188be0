// Shapes of the JSON the API sends, shared by the server and the web app, by area.
export type * from './api-types-base.js';
export type * from './api-types-identity.js';
export type * from './api-types-org.js';
export type * from './api-types-approvals.js';
export type * from './api-types-compliance.js';
export type * from './api-types-assets.js';
export type * from './api-types-facilities.js';
