import { Badge, type MantineColor } from '@mantine/core';
import type { ComplianceStatusCode, SessionView } from '../../shared/api-types.js';
import { useLang } from '../shell/useLang.js';

/** Traffic lights: the same colour for a status everywhere (document, heat map, drawer, trend). */
export const statusColor: Readonly<Record<ComplianceStatusCode, MantineColor>> = {
  met: 'teal',
  partlyMet: 'yellow',
  notMet: 'red',
  notYetEvaluable: 'gray',
  notApplicable: 'indigo',
};

/** Marks for dense tables, as in the printed report. */
export const statusMark: Readonly<Record<ComplianceStatusCode, string>> = {
  met: '○',
  partlyMet: '△',
  notMet: '×',
  notYetEvaluable: '−',
  notApplicable: '除',
};

export const statusOrder: readonly ComplianceStatusCode[] = [
  'notMet',
  'partlyMet',
  'met',
  'notApplicable',
  'notYetEvaluable',
];

export function StatusBadge({ status, size = 'sm' }: { status: ComplianceStatusCode; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useLang();
  return (
    <Badge color={statusColor[status]} variant={status === 'notYetEvaluable' ? 'outline' : 'filled'} size={size} data-testid="clause-status" data-status={status}>
      {t(`compliance.status.${status}`)}
    </Badge>
  );
}

/** The security office (CISO, Security Director) records exclusions, snapshots and checklist answers. */
export const canManageCompliance = (session: SessionView): boolean =>
  session.account.systemRole === 'administrator' ||
  (session.account.category !== 'contractor' &&
    session.account.roles.some((r) => r.role === 'ciso' || r.role === 'securityDirector'));

const readRoles: ReadonlySet<string> = new Set([
  'ciso',
  'securityDirector',
  'securityOfficer',
  'securityManager',
  'committee',
  'auditLead',
  'auditor',
]);

/** Who sees the compliance pages in the menu (the server decides anyway). */
export const canReadCompliance = (session: SessionView): boolean =>
  session.account.systemRole === 'administrator' ||
  (session.account.category !== 'contractor' && session.account.roles.some((r) => readRoles.has(r.role)));
