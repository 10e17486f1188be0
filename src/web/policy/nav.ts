import type { TFunction } from 'i18next';
import type { SessionView } from '../../shared/api-types.js';
import { canReadCompliance } from './status.js';

export interface ComplianceNavItem {
  to: string;
  label: string;
  testId: string;
}

/** The compliance pages in the menu, for the people who may read them. */
export const complianceNav = (session: SessionView, t: TFunction): ComplianceNavItem[] =>
  canReadCompliance(session)
    ? [
        { to: '/compliance', label: t('compliance.nav.standard'), testId: 'nav-compliance' },
        { to: '/compliance/units', label: t('compliance.nav.units'), testId: 'nav-compliance-units' },
        { to: '/compliance/trend', label: t('compliance.nav.trend'), testId: 'nav-compliance-trend' },
        { to: '/compliance/checklist', label: t('compliance.nav.checklist'), testId: 'nav-compliance-checklist' },
        { to: '/compliance/parameters', label: t('compliance.nav.parameters'), testId: 'nav-compliance-parameters' },
        { to: '/compliance/procedures', label: t('compliance.nav.procedures'), testId: 'nav-compliance-procedures' },
      ]
    : [];
