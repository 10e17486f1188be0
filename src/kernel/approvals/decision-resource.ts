import type { Resource } from '../access/index.js';
import type { ApprovalRequestTable, ApprovalStepTable } from '../db/index.js';
import type { Env } from './advance.js';

/**
 * A request as the access kernel sees it when someone decides a step: the unit of the seat being decided (its
 * path up the tree, so an Officer over the subtree is recognised), and the two people who may not decide it.
 */
export const decisionResource = async (
  env: Env,
  request: ApprovalRequestTable,
  step: ApprovalStepTable,
  escalated: boolean,
): Promise<Resource> => {
  const unitId = (escalated ? step.escalated_unit_id : step.unit_id) ?? request.applicant_unit_id;
  const path = await env.directory.unitPath(env.tx, unitId, env.asOf);
  return {
    type: 'request',
    id: request.id,
    unitPath: path.map((u) => u.id),
    classification:
      request.classification === 1 ||
      request.classification === 2 ||
      request.classification === 3 ||
      request.classification === 4
        ? request.classification
        : null,
    applicantId: request.applicant_staff_id,
    preparerId: request.preparer_staff_id,
  };
};
