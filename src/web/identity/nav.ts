import type { TFunction } from 'i18next';
import type { SessionView } from '../../shared/api-types.js';
import { lifecycleAccess } from './admin/lifecycle-access.js';

export interface IdentityNavItem {
  to: string;
  label: string;
  testId: string;
}

const settingsRoles: ReadonlySet<string> = new Set(['ciso', 'securityDirector']);
const directorRoles: ReadonlySet<string> = new Set(['securityDirector']);

/**
 * The identity pages a person may open: their own security pages for everyone, administration for the roles the
 * server allows (it refuses the rest anyway). Contractors never see administration (第7 2(1)ウ(ウ)).
 */
export const identityNav = (session: SessionView, t: TFunction): IdentityNavItem[] => {
  const holds = (roles: ReadonlySet<string>): boolean =>
    session.account.systemRole === 'administrator' ||
    (session.account.category !== 'contractor' && session.account.roles.some((r) => roles.has(r.role)));
  const items: IdentityNavItem[] = [
    { to: '/identity/security', label: t('identity.nav.security'), testId: 'nav-identity-security' },
    { to: '/identity/sessions', label: t('identity.nav.sessions'), testId: 'nav-identity-sessions' },
  ];
  if (holds(settingsRoles))
    items.push({
      to: '/identity/settings',
      label: t('identity.nav.settings'),
      testId: 'nav-identity-settings',
    });
  if (holds(directorRoles))
    items.push({
      to: '/identity/lockouts',
      label: t('identity.nav.lockouts'),
      testId: 'nav-identity-lockouts',
    });
  // Directory and single sign-on: settings for the CISO and the Director, synchronisation for the Director.
  if (holds(settingsRoles))
    items.push({
      to: '/identity/directory',
      label: t('directory.nav.settings'),
      testId: 'nav-identity-directory',
    });
  if (holds(directorRoles))
    items.push({
      to: '/identity/directory/sync',
      label: t('directory.nav.sync'),
      testId: 'nav-identity-directory-sync',
    });
  // ID administration: what lifecycleAccess allows (the server decides again).
  const can = lifecycleAccess(session);
  const admin: [boolean, string, 'accounts' | 'personnel' | 'sweep' | 'privileged' | 'shared'][] = [
    [can.accounts, '/identity/accounts', 'accounts'],
    [can.personnel, '/identity/personnel', 'personnel'],
    [can.sweep, '/identity/sweep', 'sweep'],
    [can.reports, '/identity/privileged', 'privileged'],
    [can.reports, '/identity/shared', 'shared'],
  ];
  for (const [allowed, to, key] of admin)
    if (allowed) items.push({ to, label: t(`identityAdmin.nav.${key}`), testId: `nav-identity-${key}` });
  return items;
};
