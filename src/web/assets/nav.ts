import type { TFunction } from 'i18next';
import type { SessionView } from '../../shared/api-types.js';
import { importsRegisters } from './labels.js';

export interface AssetNavItem {
  to: string;
  label: string;
  testId: string;
  also?: string[];
}

/** The asset screens in the menu (everyone reads the registers; each row is shown as its reader may see it). */
export const assetsNav = (session: SessionView, t: TFunction): AssetNavItem[] => [
  { to: '/assets', label: t('assets.nav.register'), testId: 'nav-assets', also: ['/assets/new'] },
  { to: '/assets/media', label: t('assets.nav.media'), testId: 'nav-assets-media' },
  { to: '/assets/places', label: t('assets.nav.places'), testId: 'nav-assets-places' },
  { to: '/assets/storage', label: t('assets.nav.storage'), testId: 'nav-assets-storage' },
  { to: '/assets/handlings', label: t('assets.nav.handlings'), testId: 'nav-assets-handlings' },
  { to: '/assets/disposals', label: t('assets.nav.disposals'), testId: 'nav-assets-disposals' },
  ...(importsRegisters(session)
    ? [{ to: '/assets/import', label: t('assets.nav.import'), testId: 'nav-assets-import' }]
    : []),
];
