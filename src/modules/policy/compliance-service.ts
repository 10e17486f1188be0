import { getChecklist } from './checklist/get-checklist.js';
import { correctChecklistMapping } from './checklist/correct-checklist-mapping.js';
import { recordChecklistAnswer } from './checklist/record-checklist-answer.js';
import type { ComplianceSetup } from './compliance-setup.js';
import { endClauseExclusion } from './end-clause-exclusion.js';
import { getClauseCompliance } from './get-clause-compliance.js';
import { getComplianceStatus } from './get-compliance-status.js';
import { getComplianceTrend } from './get-compliance-trend.js';
import { getPolicyDocument } from './get-policy-document.js';
import { listPolicyParameters } from './parameters/list-parameters.js';
import { listUnitProcedures } from './procedures/list-unit-procedures.js';
import { recordClauseExclusion } from './record-clause-exclusion.js';
import { getComplianceReport } from './report/get-compliance-report.js';
import { takeComplianceSnapshot } from './take-compliance-snapshot.js';

/** The policy module's use cases bound to one setup (the pack and the evaluators the composition root chose). */
export const createComplianceService = (setup: ComplianceSetup) => ({
  setup,
  getStatus: getComplianceStatus(setup),
  getClause: getClauseCompliance(setup),
  getDocument: getPolicyDocument(setup),
  getTrend: getComplianceTrend(setup),
  getReport: getComplianceReport(setup),
  getChecklist: getChecklist(setup),
  recordExclusion: recordClauseExclusion(setup),
  endExclusion: endClauseExclusion,
  takeSnapshot: takeComplianceSnapshot(setup),
  recordChecklistAnswer: recordChecklistAnswer(setup),
  correctChecklistMapping: correctChecklistMapping(setup),
  listParameters: listPolicyParameters(setup),
  listProcedures: listUnitProcedures,
});

export type ComplianceService = ReturnType<typeof createComplianceService>;
