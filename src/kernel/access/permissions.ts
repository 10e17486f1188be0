import { AppError } from '../errors/index.js';
import type { Actor } from './actor.js';
import type { Role } from './roles.js';

/**
 * Actions and who may perform them. A first, small rule table: the authorization issue replaces it with the full
 * engine (unit scopes, compartments, classification), keeping these action names.
 */
export const permissions = {
  'org.read': { anyAccount: true, roles: [] },
  'org.manage': { anyAccount: false, roles: ['ciso', 'securityDirector'] },
  'org.manageStaff': { anyAccount: false, roles: ['ciso', 'securityDirector', 'personnelOffice'] },
  'org.readReports': {
    anyAccount: false,
    roles: [
      'ciso',
      'securityDirector',
      'securityOfficer',
      'securityManager',
      'committee',
      'auditLead',
      'auditor',
    ],
  },
  'identity.manageAccounts': { anyAccount: false, roles: ['securityDirector'] },
  'ledger.read': {
    anyAccount: false,
    roles: ['ciso', 'securityDirector', 'auditLead', 'auditor', 'committee'],
  },
} as const satisfies Record<string, { anyAccount: boolean; roles: readonly Role[] }>;

export type Permission = keyof typeof permissions;

/** Administrators run the system; contractors never manage it. */
export const can = (actor: Actor, permission: Permission): boolean => {
  if (actor.kind === 'anonymous') return false;
  if (actor.systemRole === 'administrator') return true;
  const rule = permissions[permission];
  if (rule.anyAccount) return true;
  if (actor.category === 'contractor') return false;
  const allowed: readonly Role[] = rule.roles;
  return actor.grants.some((g) => allowed.includes(g.role));
};

export const requirePermission = (actor: Actor, permission: Permission): void => {
  if (actor.kind === 'anonymous') {
    throw new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });
  }
  if (!can(actor, permission)) {
    throw new AppError(
      'forbidden',
      { ja: 'この操作を行う権限がありません。', en: 'You are not allowed to do this.' },
      { internal: `${actor.loginId} lacks ${permission}` },
    );
  }
};
