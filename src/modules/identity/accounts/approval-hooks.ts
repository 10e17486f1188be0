import type { ApprovalHooks } from '../../../kernel/index.js';
import { deregistrationHooks } from './deregistration-request.js';
import { privilegedGrantHooks } from './privileged-grant-request.js';

/** The identity module's part in the approvals engine: IDs removed (7-2(1)イ(イ)) and made privileged (7-2(1)ウ(イ)). */
export const identityApprovalHooks: ApprovalHooks = {
  'identity.deregistration': deregistrationHooks,
  'identity.privilegedGrant': privilegedGrantHooks,
};
