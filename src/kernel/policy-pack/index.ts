// The policy pack: the standard as data (brief, design principle 1), its schema, loader and checks.
export {
  clauseIdPattern,
  displayIdFrom,
  kanaFor,
  labelFormOf,
  parentIdOf,
  parseClauseId,
  type IdSegment,
  type LabelForm,
} from './clause-id.js';
export type { ParameterEntry } from './check-parameters.js';
export {
  effectiveParameters,
  formatParameterValue,
  parameterNumber,
  parseParameterValue,
  shippedPolicyPack,
  useShippedPolicyPack,
  type EffectiveParameter,
  type ParameterValue,
} from './effective-parameters.js';
export {
  lintPolicyPack,
  loadPolicyPack,
  manifestFileName,
  type PolicyPack,
  type PolicyPackLint,
} from './load-policy-pack.js';
export { defaultPolicyPackName, policyPackDir } from './pack-dir.js';
export { policyPackError, whereOf, type PackIssue } from './pack-issue.js';
export {
  actorCodes,
  approverScopes,
  clauseKinds,
  clauseSchema,
  manifestSchema,
  moduleNames,
  noteTopics,
  obligationKinds,
  parameterSchema,
  personCategories,
  type ApproverScope,
  type Clause,
  type ClauseKind,
  type ClauseNote,
  type Evidence,
  type ModuleName,
  type ObligationKind,
  type PolicyPackManifest,
  type PolicyParameter,
  type RequestType,
} from './pack.schema.js';
