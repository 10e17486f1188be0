import type { TFunction } from 'i18next';
import type { SessionView } from '../../shared/api-types.js';

export interface IdentityNavItem {
  to: string;
  label: string;
  testId: string;
}

const adminRoles = new Set(['ciso', 'securityDirector']);

/** The identity pages a person may open: their own security pages for everyone, administration for some. */
export const identityNav = (session: SessionView, t: TFunction): IdentityNavItem[] => {
  const admin =
    session.account.systemRole === 'administrator' ||
    (session.account.category !== 'contractor' && session.account.roles.some((r) => adminRoles.has(r.role)));
  const items: IdentityNavItem[] = [];
  if (admin)
    items.push({
      to: '/identity/settings',
      label: t('identity.nav.settings'),
      testId: 'nav-identity-settings',
    });
  return items;
};
