import type { SessionView } from '../../../shared/api-types.js';

/**
 * Which ID administration pages a person may open, mirroring the server's permissions (it refuses the rest
 * anyway). Contractors never see administration (第7 2(1)ウ(ウ)); Mamori's operator sees it all.
 */
export const lifecycleAccess = (session: SessionView) => {
  const admin = session.account.systemRole === 'administrator';
  const roles = new Set(
    session.account.category === 'contractor' ? [] : session.account.roles.map((r) => r.role),
  );
  const any = (...wanted: string[]) => admin || wanted.some((r) => roles.has(r));
  return {
    accounts: any('securityDirector'),
    personnel: any('securityDirector', 'personnelOffice'),
    scim: any('securityDirector'),
    sweep: any('securityDirector', 'securityManager'),
    reports: any('ciso', 'securityDirector', 'securityManager', 'committee', 'auditLead', 'auditor'),
    privileged: any('securityDirector'),
  };
};
