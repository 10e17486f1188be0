import type { TFunction } from 'i18next';
import type { SessionView } from '../../shared/api-types.js';

export interface FacilitiesNavItem {
  to: string;
  label: string;
  testId: string;
  also?: string[];
}

/** Who keeps devices (`facilities.manage`): the units' Managers and Staff, the Officers, the security office. */
const keepers = new Set(['ciso', 'securityDirector', 'securityOfficer', 'securityManager', 'securityStaff']);
export const keepsDevices = (s: SessionView): boolean =>
  s.account.category !== 'contractor' && s.account.roles.some((r) => keepers.has(r.role));

/** The facilities screens in the menu (everyone reads the register; each device is shown as its reader may see it). */
export const facilitiesNav = (session: SessionView, t: TFunction): FacilitiesNavItem[] => [
  {
    to: '/facilities',
    label: t('facilities.nav.register'),
    testId: 'nav-facilities',
    also: ['/facilities/new', '/facilities/devices/'],
  },
  ...(keepsDevices(session)
    ? [{ to: '/facilities/import', label: t('facilities.nav.import'), testId: 'nav-facilities-import' }]
    : []),
];
