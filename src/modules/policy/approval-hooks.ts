import type { ApprovalHooks } from '../../kernel/index.js';
import { parameterChangeHooks } from './parameters/parameter-change.js';
import { unitProcedureHooks } from './procedures/unit-procedure.js';

/**
 * The policy module's part in the approvals engine: a parameter changes when the committee approves it (第3 6(2),
 * 第9 3); a unit's implementing procedure is recorded when the Security Director has given an opinion (第3 3(2)).
 */
export const policyApprovalHooks: ApprovalHooks = {
  'policy.change': parameterChangeHooks,
  'policy.unitProcedure': unitProcedureHooks,
};
