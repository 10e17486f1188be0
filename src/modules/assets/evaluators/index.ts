import type { ClauseEvaluator } from '../../policy/index.js';
import { compartmentEvaluator } from './compartment-evaluator.js';
import { handlingEvaluator } from './handling-evaluator.js';
import { registerEvaluator } from './register-evaluator.js';
import { storageEvaluator } from './storage-evaluator.js';

/**
 * The clauses of 第4 the assets module evidences, and 第7 1(1)イ (information kept in compartments, judged from the
 * compartments and the register); the composition root passes them to the compliance setup beside the policy
 * module's own (which then leaves these clauses to them).
 */
export const assetEvaluators: readonly ClauseEvaluator[] = [
  registerEvaluator,
  storageEvaluator,
  handlingEvaluator,
  compartmentEvaluator,
];
