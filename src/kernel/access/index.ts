export { actorRef, anonymousActor, systemActor, type Actor } from './actor.js';
export { AccessDenied, accessEngine, accessRule, can, decide, requirePermission } from './authorize.js';
export {
  checkCommandActions,
  isCommandAction,
  localCommand,
  undeclaredCommandActions,
  type CommandAction,
  type CommandDeclaration,
} from './command-actions.js';
export {
  cedarPolicies,
  cedarPolicyText,
  cedarPrincipal,
  cedarRequest,
  cedarResource,
  cedarTypeOf,
  type CedarEntity,
  type CedarRequest,
} from './cedar.js';
export { DENIAL_ENTRIES_PER_MINUTE, denialReasons, recordDenial, type DenialReason } from './denials.js';
export { compileAccessRules, type AccessEngine } from './engine.js';
export {
  actionResourceTypes,
  hospitalRules,
  isAction,
  reportedActions,
  resourceActions,
  type Action,
  type ResourceAction,
} from './hospital-rules.js';
export {
  authorizeDuty,
  MIN_OVERRIDE_REASON,
  type OverrideRequest,
  type SeparationOverride,
} from './override.js';
export { permissions, type Permission, type PermissionEntry } from './permissions.js';
export { cachedPrincipalOf, principalOf, type Principal } from './principal.js';
export { undeclaredRouteActions, type RouteDeclaration } from './route-actions.js';
export { roleCodes, systemRoles, type Role, type RoleGrant, type SystemRole } from './roles.js';
export {
  hospitalResource,
  resourceTypes,
  seatKey,
  type Classification,
  type Condition,
  type Decision,
  type Duty,
  type Resource,
  type ResourceType,
  type RoleScope,
  type Rule,
} from './rules.js';
export {
  approvesOwnRequest,
  auditsOwnUnit,
  conflictOfDuty,
  dutyActions,
  separationRules,
  verifiesOwnChange,
  type DutyRecord,
} from './separation.js';
