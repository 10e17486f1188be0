export { actorRef, anonymousActor, systemActor, type Actor } from './actor.js';
export { can, permissions, requirePermission, type Permission } from './permissions.js';
export { roleCodes, systemRoles, type Role, type RoleGrant, type SystemRole } from './roles.js';
