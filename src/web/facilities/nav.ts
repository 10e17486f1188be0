import type { TFunction } from 'i18next';

export interface FacilitiesNavItem {
  to: string;
  label: string;
  testId: string;
  also?: string[];
}

/** The facilities screens in the menu (everyone reads the register; each device is shown as its reader may see it). */
export const facilitiesNav = (t: TFunction): FacilitiesNavItem[] => [
  {
    to: '/facilities',
    label: t('facilities.nav.register'),
    testId: 'nav-facilities',
    also: ['/facilities/'],
  },
];
