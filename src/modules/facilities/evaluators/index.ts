import type { ClauseEvaluator } from '../../policy/index.js';
import { deviceEvaluator } from './device-evaluator.js';

/**
 * The clauses of 第5 the facilities module evidences from the device register (1(1), (2), (4), (5), (6), 4(1));
 * the composition root passes them to the compliance setup beside the other modules'.
 */
export const facilitiesEvaluators: readonly ClauseEvaluator[] = [deviceEvaluator];
