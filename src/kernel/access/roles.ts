/** The roles of 第3 (glossary codes). A role is held by a person, scoped to a unit where the standard scopes it. */
export const roleCodes = [
  'ciso',
  'securityDirector',
  'securityOfficer',
  'securityManager',
  'securityStaff',
  'committee',
  'auditLead',
  'auditor',
  'personnelOffice',
  'facilitiesOffice',
] as const;
export type Role = (typeof roleCodes)[number];

/** Mamori's own operator (not a role of the standard): runs the system, creates accounts and the organisation. */
export const systemRoles = ['administrator'] as const;
export type SystemRole = (typeof systemRoles)[number];

export interface RoleGrant {
  readonly role: Role;
  /** The unit the role is held for; null for hospital-wide roles (CISO, Director, committee…). */
  readonly unitId: string | null;
  /** Held by assignment, by the Director's delegation (3-2(7)), or as acting holder while someone is away. */
  readonly via: 'assignment' | 'delegation' | 'acting';
  /** The assignment or delegation that gives it. */
  readonly sourceId: string;
}
