// The assets module's only door: information assets, media and storage places, their handling (第4).
export * from './assets.schema.js';
export { assetApprovalHooks } from './approval-hooks.js';
export { deriveAsset } from './derive-asset.js';
export { eraseDraft } from './erase-draft.js';
export { getAsset } from './get-asset.js';
export { listAssets } from './list-assets.js';
export { reclassifyAsset } from './reclassify-asset.js';
export { registerAsset } from './register-asset.js';
export { registerMedium } from './register-medium.js';
export { registerPlace } from './register-place.js';
export { requestClassificationRuling, requestRulingInput } from './request-ruling.js';
export { updateAssetRecord } from './update-asset.js';
export { updateMediumRecord } from './update-medium.js';
export { updatePlaceRecord } from './update-place.js';
