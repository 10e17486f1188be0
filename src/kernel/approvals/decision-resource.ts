import type { Classification, Resource } from '../access/index.js';
import { seatKey } from '../access/index.js';
import type { ApprovalRequestTable, ApprovalStepTable, Db } from '../db/index.js';
import type { OrgDirectory } from './directory.js';
import type { Env } from './advance.js';

const classificationOf = (request: Pick<ApprovalRequestTable, 'classification'>): Classification | null =>
  request.classification === 1 ||
  request.classification === 2 ||
  request.classification === 3 ||
  request.classification === 4
    ? request.classification
    : null;

/** The seat of a step and, once it was sent up a level, the seat above it. */
const seatsOf = (step: ApprovalStepTable): string[] => [
  seatKey(step.role, step.unit_id),
  ...(step.escalated_role === null ? [] : [seatKey(step.escalated_role, step.escalated_unit_id)]),
];

/**
 * A request as the access kernel sees it when someone submits, reads or withdraws it: the applicant's unit path
 * (so the Officers above see it), its applicant and preparer, every seat on its route and who decided.
 */
export const requestResource = async (
  directory: OrgDirectory,
  db: Db,
  asOf: string,
  request: ApprovalRequestTable,
  steps: readonly ApprovalStepTable[],
): Promise<Resource> => ({
  type: 'request',
  id: request.id,
  unitPath: (await directory.unitPath(db, request.applicant_unit_id, asOf)).map((u) => u.id),
  classification: classificationOf(request),
  applicantId: request.applicant_staff_id,
  preparerId: request.preparer_staff_id,
  seats: steps.flatMap(seatsOf),
  deciderIds: steps.flatMap((s) => (s.decided_by_staff_id === null ? [] : [s.decided_by_staff_id])),
});

/** A request not saved yet, for its applicant's unit path. */
export const newRequestResource = (
  request: ApprovalRequestTable,
  applicantUnitPath: readonly string[],
): Resource => ({
  type: 'request',
  id: request.id,
  unitPath: applicantUnitPath,
  classification: classificationOf(request),
  applicantId: request.applicant_staff_id,
  preparerId: request.preparer_staff_id,
});

/**
 * A request as the access kernel sees it when someone decides a step: the unit of the seat being decided (its
 * path up the tree), the step's seats (its own and the one it was sent up to), and the two people who may not
 * decide it (第3 7(1)).
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
    classification: classificationOf(request),
    applicantId: request.applicant_staff_id,
    preparerId: request.preparer_staff_id,
    seats: seatsOf(step),
  };
};
