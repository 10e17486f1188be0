import { loadPolicyPack, type PolicyPack } from '../../src/kernel/index.js';
import {
  builtinEvaluators,
  createComplianceService,
  createComplianceSetup,
  loadChecklistPack,
  type ComplianceService,
} from '../../src/modules/policy/index.js';

let pack: PolicyPack | undefined;

/** The shipped Kawaguchi pack, read once per test file. */
export const kawaguchiPack = (): PolicyPack => (pack ??= loadPolicyPack());

/** Compliance over the shipped packs with the built-in evaluators, as the server composes it. */
export const testComplianceService = (): ComplianceService => {
  const p = kawaguchiPack();
  return createComplianceService(
    createComplianceSetup({
      pack: p,
      evaluators: builtinEvaluators(p),
      modules: ['org', 'identity', 'access', 'ledger', 'approvals', 'policy'],
      checklist: loadChecklistPack(p),
    }),
  );
};
