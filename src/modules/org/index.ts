// The org module's only door (第3 組織体制).
export * from './org.schema.js';
export type { ContactChart, ContactHolder, ContactNode } from './contact-chart.model.js';
export type { OrgCounts, SheetCounts } from './apply/apply-org-data.js';
export * from './compartment.schema.js';
export { addCompartmentMember } from './add-compartment-member.js';
export { assignRole } from './assign-role.js';
export { closeCompartment } from './close-compartment.js';
export { createCompartment } from './create-compartment.js';
export { listCompartments } from './list-compartments.js';
export { removeCompartmentMember } from './remove-compartment-member.js';
export { renameCompartment } from './rename-compartment.js';
export { resolveCompartments } from './resolve-compartments.js';
export { buildContactChart } from './build-contact-chart.js';
export { buildGapReport } from './build-gap-report.js';
export { createUnit } from './create-unit.js';
export { delegateRole } from './delegate-role.js';
export { endRoleAssignment } from './end-role-assignment.js';
export { exportOrg } from './export-org.js';
export { getUnit } from './get-unit.js';
export { importOrg, importOrgInput, type ImportOrgResult } from './import-org.js';
export { listUnits } from './list-units.js';
export { registerStaff } from './register-staff.js';
export { resolveGrants } from './resolve-grants.js';
export { searchStaff } from './search-staff.js';
export { updateStaff } from './update-staff.js';
export { updateUnit } from './update-unit.js';
export { findStaffById, findStaffByNumber } from './staff.repository.js';
export {
  findPositionByCode,
  findUnitByCode,
  findUnitById,
  listAllUnits,
  listPositions,
} from './units.repository.js';
export { listAllStaff } from './staff.repository.js';
export { findPositionCode } from './personnel.repository.js';
export {
  createStaffRecord,
  dayBefore,
  endStaffRecord,
  endTermsFrom,
  moveStaffRecord,
  updateStaffDetails,
} from './personnel-changes.js';
export {
  readTabularFile,
  validateSheetRows,
  writeSheetCsv,
  type ParsedFile,
  type SheetSpec,
  type SheetSpecs,
  type TabularFormat,
} from './tabular-file.js';
export { sheetColumn, type OrgColumn, type OrgColumnKind } from './org-columns.js';
export { registerOrgRoutes } from './org.routes.js';
export { importOrgFile, importOrgFileInput } from './import-org-file.js';
export { readOrgFile, validateOrgRows, writeOrgCsv, writeOrgXlsx } from './org-file.js';
export { renderContactChartPdf } from './contact-chart-pdf.js';
export { orgDirectory } from './org-directory.js';
