import type { PolicyPack } from '../../../kernel/index.js';
import type { ClauseEvaluator } from '../compliance.model.js';
import { approvalsEvaluator } from './approvals.js';
import { identityEvaluator } from './identity.js';
import { ledgerEvaluator } from './ledger.js';
import { orgEvaluator } from './org.js';
import { privilegedGrantEvaluator } from './privileged-grants.js';
import { procedureEvaluator } from './procedures.js';
import { separationEvaluator } from './separation.js';

/**
 * The evaluators the policy module carries for parts that read only kernel tables: the organisation (第3), the
 * separation of duties (第3 7), Mamori's own IDs (第6 4, 第7 2), the audit log (第7 1(6)イ), the units' implementing
 * procedures (第3 3(2)), who allowed each privileged ID (第7 2(1)ウ(イ)) and the approval routes of every
 * "許可を得なければならない" clause not judged by another evaluator. Modules built later export their own `evaluators`
 * from their index; the composition root passes them all to `createComplianceSetup`.
 */
export const builtinEvaluators = (
  pack: PolicyPack,
  others: readonly ClauseEvaluator[] = [],
): ClauseEvaluator[] => {
  const specific = [
    orgEvaluator,
    separationEvaluator,
    identityEvaluator,
    privilegedGrantEvaluator,
    ledgerEvaluator,
    procedureEvaluator,
  ];
  const claimed = new Set([...specific, ...others].flatMap((e) => e.clauseIds));
  return [...specific, approvalsEvaluator(pack, claimed)];
};
