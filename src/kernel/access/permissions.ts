import type { Role } from './roles.js';

/** Who may perform an action on the hospital as a whole. */
export interface PermissionEntry {
  readonly anyAccount: boolean;
  readonly roles: readonly Role[];
  /**
   * A privileged action (it runs or configures Mamori, manages people's IDs, the organisation, the ledger or the
   * compliance record): any refusal of it is a sensitive denial, written to the ledger (`recordDenial`).
   */
  readonly reportDenial?: true;
}

/**
 * Actions on the hospital as a whole and who may perform them: any signed-in account, or the holders of some
 * roles anywhere (never contractors). `hospital-rules.ts` compiles each entry into rules of the access engine
 * (`#signedIn`, `#roles`); actions on single records are declared there. Add an action here with its roles.
 */
export const permissions = {
  /** Run Mamori itself (start the server, migrate the database, seed the demo): the operator only, from the CLI. */
  'system.operate': { anyAccount: false, roles: [], reportDenial: true },
  'org.read': { anyAccount: true, roles: [] },
  /**
   * One's own session and sign-in security: read it, sign out, end one's other sessions, enrol or remove one's
   * second factors, elevate one's privileged ID, report a sign-in that was not one's own.
   */
  'identity.session': { anyAccount: true, roles: [] },
  'identity.changeOwnPassword': { anyAccount: true, roles: [] },
  /** The history tab of a record; the query narrows it by the record's kind (org records, one's own account). */
  'records.readHistory': { anyAccount: true, roles: [] },
  'org.manage': { anyAccount: false, roles: ['ciso', 'securityDirector'], reportDenial: true },
  'org.manageStaff': {
    anyAccount: false,
    roles: ['ciso', 'securityDirector', 'personnelOffice'],
    reportDenial: true,
  },
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
  'identity.manageAccounts': { anyAccount: false, roles: ['securityDirector'], reportDenial: true },
  'identity.manageSettings': { anyAccount: false, roles: ['ciso', 'securityDirector'], reportDenial: true },
  'identity.unlock': { anyAccount: false, roles: ['securityDirector'], reportDenial: true },
  'identity.importPersonnel': {
    anyAccount: false,
    roles: ['securityDirector', 'personnelOffice'],
    reportDenial: true,
  },
  'identity.sweep': { anyAccount: false, roles: ['securityDirector', 'securityManager'], reportDenial: true },
  /** Create a privileged ID or change one (its privilege, system, password, status); never contractors (7-2(1)ウ(ウ)). */
  'identity.managePrivileged': { anyAccount: false, roles: ['securityDirector'], reportDenial: true },
  /** Issue and revoke the bearer tokens HR systems use for SCIM. */
  'identity.manageScim': { anyAccount: false, roles: ['securityDirector'], reportDenial: true },
  'identity.readReports': {
    anyAccount: false,
    roles: ['ciso', 'securityDirector', 'securityManager', 'committee', 'auditLead', 'auditor'],
  },
  'ledger.read': {
    anyAccount: false,
    roles: ['ciso', 'securityDirector', 'auditLead', 'auditor', 'committee'],
  },
  /** Sign a checkpoint now, and run a full verification of a log (reads every entry). */
  'ledger.checkpoint': {
    anyAccount: false,
    roles: ['ciso', 'securityDirector', 'auditLead', 'auditor'],
    reportDenial: true,
  },
  'ledger.verify': {
    anyAccount: false,
    roles: ['ciso', 'securityDirector', 'auditLead', 'auditor'],
    reportDenial: true,
  },
  /** Record an auditor's cosignature of a checkpoint (the auditor's key never enters Mamori). */
  'ledger.cosign': { anyAccount: false, roles: ['auditLead', 'auditor'], reportDenial: true },
  /** The compliance picture: the standard with a status beside each clause, its evidence, reports, the MHLW checklist. */
  'compliance.read': {
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
  /** Record a clause as not applicable, take a snapshot, answer or re-map an MHLW checklist item (security office). */
  'compliance.manage': { anyAccount: false, roles: ['ciso', 'securityDirector'], reportDenial: true },
  /** The asset registers (第4); each record is then shown only if `information.read` allows it (7-1(1)). */
  'assets.read': { anyAccount: true, roles: [] },
  /** Register information one creates or obtains (4-2(2)イ, 4-2(3)); the owning unit is checked per record. */
  'assets.register': { anyAccount: true, roles: [] },
  /** Storage places and media (4-2(5)): the units' Managers and Staff, Officers, the security office. */
  'assets.manage': {
    anyAccount: false,
    roles: ['ciso', 'securityDirector', 'securityOfficer', 'securityManager', 'securityStaff'],
  },
  /** Import an asset register from a spreadsheet: for one's own sections, or any for the security office. */
  'assets.import': {
    anyAccount: false,
    roles: ['ciso', 'securityDirector', 'securityOfficer', 'securityManager'],
    reportDenial: true,
  },
  /** The device register (第5 1, 4(1)); each device is then shown to its unit's people and hospital-wide roles. */
  'facilities.read': { anyAccount: true, roles: [] },
  /** Register and keep devices, their maintenance, repairs and disposals: the units' Managers and Staff, Officers, the security office. */
  'facilities.manage': {
    anyAccount: false,
    roles: ['ciso', 'securityDirector', 'securityOfficer', 'securityManager', 'securityStaff'],
  },
  /**
   * A person's own work in the approvals engine (許可の申請): the request types to choose from, their own requests
   * and the tasks waiting for their decision. What they may do with one request is decided on the request
   * (`request.submit`, `request.read`, `request.withdraw`, `request.approve` in `hospital-rules.ts`).
   */
  'request.list': { anyAccount: true, roles: [] },
  /** One's own notifications of requests (in the application): read them, mark them read. */
  'request.readNotifications': { anyAccount: true, roles: [] },
} as const satisfies Record<string, PermissionEntry>;

export type Permission = keyof typeof permissions;
