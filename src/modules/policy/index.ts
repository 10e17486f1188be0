// The policy module's only door: compliance evaluation of the standard, clause by clause, and the MHLW checklist.
export {
  checklistFileName,
  defaultChecklistName,
  loadChecklistPack,
  type ChecklistItem,
  type ChecklistPack,
} from './checklist/checklist.model.js';
export { answerJa, renderChecklistPdf, renderChecklistXlsx } from './checklist/checklist-export.js';
export { answerFrom, buildChecklist } from './checklist/get-checklist.js';
export {
  createComplianceSetup,
  isEvaluable,
  moduleNames,
  type ComplianceSetup,
} from './compliance-setup.js';
export { createComplianceService, type ComplianceService } from './compliance-service.js';
export {
  complianceStatuses,
  statusNames,
  type ClauseEvaluator,
  type ClauseFinding,
  type ComplianceStatus,
  type EvaluatedStatus,
  type EvaluationContext,
  type EvidenceItem,
  type UnitFinding,
  type UnitRef,
} from './compliance.model.js';
export { endClauseExclusion } from './end-clause-exclusion.js';
export { policyApprovalHooks } from './approval-hooks.js';
export { listPolicyParameters } from './parameters/list-parameters.js';
export { listUnitProcedures } from './procedures/list-unit-procedures.js';
export {
  evaluateCompliance,
  MAX_EVIDENCE,
  type ClauseResult,
  type Evaluation,
  type UnitResult,
} from './evaluate-compliance.js';
export { builtinEvaluators } from './evaluators/index.js';
export { aggregateStatus, evidence, sameFinding, unitsFinding, unitsReason } from './findings.js';
export { registerPolicyRoutes } from './policy.routes.js';
export { renderComplianceReportPdf } from './report/compliance-report-pdf.js';
export { renderComplianceReportXlsx } from './report/compliance-report-xlsx.js';
export {
  collectComplianceReport,
  sealReport,
  type ComplianceReport,
  type SealCheckpoint,
} from './report/report-data.js';
export { complianceSnapshotJob, takeDailySnapshot } from './snapshot-job.js';
export { digestOf, snapshotClauses } from './take-compliance-snapshot.js';
