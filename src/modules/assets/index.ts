// The assets module's only door: information assets, media and storage places, their handling (第4).
export * from './assets.schema.js';
export { assetApprovalHooks } from './approval-hooks.js';
export { deriveAsset } from './derive-asset.js';
export { checkPublication } from './check-publication.js';
export { checkStorage } from './check-storage.js';
export { completeHandling } from './complete-handling.js';
export { getDisposalCertificate, type DisposalCertificate } from './disposal-certificate.js';
export { renderDisposalCertificatePdf } from './disposal-certificate-pdf.js';
export { eraseDraft } from './erase-draft.js';
export { getAsset } from './get-asset.js';
export { listAssets } from './list-assets.js';
export { listDisposalRecords } from './list-disposals.js';
export { listHandlingLog } from './list-handlings.js';
export { listMediaRegister, mediaFilters } from './list-media.js';
export { listStoragePlaces } from './list-places.js';
export { isLongTerm, monthsBefore, storageFindings, type StorageFinding } from './storage-rules.js';
export { assetParameters, parametersOf, type AssetParameters } from './asset-parameters.js';
export { publishAsset } from './publish-asset.js';
export { reclassifyAsset } from './reclassify-asset.js';
export { recordDisposal } from './record-disposal.js';
export { recordHandling } from './record-handling.js';
export { registerAsset } from './register-asset.js';
export { registerMedium } from './register-medium.js';
export { registerPlace } from './register-place.js';
export { requestClassificationRuling, requestRulingInput } from './request-ruling.js';
export { updateAssetRecord } from './update-asset.js';
export { updateMediumRecord } from './update-medium.js';
export { updatePlaceRecord } from './update-place.js';
export { registerAssetRoutes } from './assets.routes.js';
export { registerAssetRecordRoutes } from './asset-records.routes.js';
export { exportRegister, exportRegisterInput, registers, type RegisterName } from './export-register.js';
export { importAssets, importAssetsInput, type ImportAssetsResult } from './import-assets.js';
export { importAssetsFile, importAssetsFileInput } from './import-assets-file.js';
export {
  assetFileSpecs,
  assetSheets,
  type AssetFileData,
  type AssetFileRow,
  type AssetSheet,
} from './asset-file.js';
export { assetEvaluators } from './evaluators/index.js';
