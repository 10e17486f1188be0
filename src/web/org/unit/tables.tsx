import { Badge, Table, Text } from '@mantine/core';
import type { AssignmentView, DelegationView, StaffView } from '../../../shared/api-types.js';
import { formatPeriod } from '../../lib/dates.js';
import {
  categoryLabel,
  delegationKindLabel,
  employmentLabel,
  roleLabel,
  unitName,
} from '../../lib/labels.js';
import { RecordHistoryButton } from '../../records/RecordHistoryButton.js';
import { useLang } from '../../shell/useLang.js';

const usePeriod = () => {
  const { t, lang } = useLang();
  return (start: string, end: string | null) =>
    formatPeriod(start, end, lang, {
      period: (from, to) => t('common.period', { from, to }),
      openEnded: (from) => t('common.openEnded', { from }),
    });
};

function Empty({ text }: { text: string }) {
  return (
    <Text fz="sm" c="dimmed" py="sm">
      {text}
    </Text>
  );
}

export function StaffTable({ staff }: { staff: readonly StaffView[] }) {
  const { t, lang } = useLang();
  if (staff.length === 0) return <Empty text={t('org.noStaff')} />;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover fz="sm" data-testid="staff-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('org.employeeNumber')}</Table.Th>
            <Table.Th>{t('org.name')}</Table.Th>
            <Table.Th>{t('org.position')}</Table.Th>
            <Table.Th>{t('org.employmentCol')}</Table.Th>
            <Table.Th>{t('org.phone')}</Table.Th>
            <Table.Th>{t('org.email')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {staff.map((s) => (
            <Table.Tr key={s.id} data-testid="staff-row">
              <Table.Td ff="monospace">{s.employeeNumber}</Table.Td>
              <Table.Td>
                <Text fz="sm">{s.nameKanji}</Text>
                <Text fz="xs" c="dimmed">
                  {s.nameKana}
                </Text>
              </Table.Td>
              <Table.Td>{(lang === 'ja' ? s.positionJa : (s.positionEn ?? s.positionJa)) ?? '—'}</Table.Td>
              <Table.Td>
                {s.category === 'contractor' ? (
                  <>
                    <Badge size="sm" variant="outline" color="orange">
                      {categoryLabel(t, s.category)}
                    </Badge>
                    {s.organization !== null && (
                      <Text fz="xs" c="dimmed">
                        {s.organization}
                      </Text>
                    )}
                  </>
                ) : (
                  employmentLabel(t, s.employment)
                )}
              </Table.Td>
              <Table.Td>{s.phone ?? '—'}</Table.Td>
              <Table.Td>{s.email ?? '—'}</Table.Td>
              <Table.Td>
                <RecordHistoryButton subject={`staff:${s.id}`} name={s.nameKanji} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function AssignmentTable({ assignments }: { assignments: readonly AssignmentView[] }) {
  const { t, lang } = useLang();
  const period = usePeriod();
  if (assignments.length === 0) return <Empty text={t('org.noAssignments')} />;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped fz="sm" data-testid="assignment-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('org.roleCol')}</Table.Th>
            <Table.Th>{t('org.holder')}</Table.Th>
            <Table.Th>{t('org.scope')}</Table.Th>
            <Table.Th>{t('org.periodCol')}</Table.Th>
            <Table.Th>{t('org.note')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {assignments.map((a) => (
            <Table.Tr key={a.id} data-testid="assignment-row">
              <Table.Td>{roleLabel(t, a.role)}</Table.Td>
              <Table.Td>{a.staffName}</Table.Td>
              <Table.Td>
                {a.unitNameJa === null
                  ? t('home.hospitalWide')
                  : unitName({ nameJa: a.unitNameJa, nameEn: a.unitNameEn ?? '' }, lang)}
              </Table.Td>
              <Table.Td>{period(a.startDate, a.endDate)}</Table.Td>
              <Table.Td>{a.note ?? ''}</Table.Td>
              <Table.Td>
                <RecordHistoryButton
                  subject={`roleAssignment:${a.id}`}
                  name={`${roleLabel(t, a.role)} ${a.staffName}`}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function DelegationTable({ delegations }: { delegations: readonly DelegationView[] }) {
  const { t } = useLang();
  const period = usePeriod();
  if (delegations.length === 0) return <Empty text={t('org.noDelegations')} />;
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped fz="sm" data-testid="delegation-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('org.kindCol')}</Table.Th>
            <Table.Th>{t('org.roleCol')}</Table.Th>
            <Table.Th>{t('org.fromCol')}</Table.Th>
            <Table.Th>{t('org.toCol')}</Table.Th>
            <Table.Th>{t('org.periodCol')}</Table.Th>
            <Table.Th>{t('org.reason')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {delegations.map((d) => (
            <Table.Tr key={d.id} data-testid="delegation-row">
              <Table.Td>
                <Badge size="sm" variant="light" color={d.kind === 'acting' ? 'orange' : 'blue'}>
                  {delegationKindLabel(t, d.kind)}
                </Badge>
              </Table.Td>
              <Table.Td>{roleLabel(t, d.role)}</Table.Td>
              <Table.Td>{d.fromName}</Table.Td>
              <Table.Td>{d.toName}</Table.Td>
              <Table.Td>{period(d.startDate, d.endDate)}</Table.Td>
              <Table.Td>{d.reason}</Table.Td>
              <Table.Td>
                <RecordHistoryButton
                  subject={`delegation:${d.id}`}
                  name={`${delegationKindLabel(t, d.kind)} ${d.fromName} → ${d.toName}`}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
