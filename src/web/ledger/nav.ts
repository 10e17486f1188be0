import type { TFunction } from 'i18next';
import type { SessionView } from '../../shared/api-types.js';

export interface LedgerNavItem {
  to: string;
  label: string;
  testId: string;
}

const readRoles: ReadonlySet<string> = new Set([
  'ciso',
  'securityDirector',
  'auditLead',
  'auditor',
  'committee',
]);
const verifyRoles: ReadonlySet<string> = new Set(['ciso', 'securityDirector', 'auditLead', 'auditor']);

/** The server's `ledger.read` / `ledger.verify` and `ledger.checkpoint` holders (it decides anyway). */
const holds = (session: SessionView, roles: ReadonlySet<string>): boolean =>
  session.account.systemRole === 'administrator' ||
  (session.account.category !== 'contractor' && session.account.roles.some((r) => roles.has(r.role)));

export const canReadLedger = (session: SessionView): boolean => holds(session, readRoles);

/** Run a verification and sign a checkpoint now. */
export const canVerifyLedger = (session: SessionView): boolean => holds(session, verifyRoles);

/** The ledger page in the menu, for the people who may read it. */
export const ledgerNav = (session: SessionView, t: TFunction): LedgerNavItem[] =>
  canReadLedger(session) ? [{ to: '/ledger', label: t('ledger.nav.ledger'), testId: 'nav-ledger' }] : [];
