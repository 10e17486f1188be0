import { Alert, Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { GapReport, UnitSummary } from '../../shared/api-types.js';
import { formatDate, formatDateTime } from '../lib/dates.js';
import { roleLabel, unitKindLabel, unitName } from '../lib/labels.js';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { useGapReport } from './api.js';

/** asOf may be a calendar date or an instant. */
const formatAsOf = (asOf: string, lang: 'ja' | 'en') =>
  /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? formatDate(asOf, lang) : formatDateTime(asOf, lang);

function UnitList({
  title,
  units,
  testId,
}: {
  title: string;
  units: readonly UnitSummary[];
  testId: string;
}) {
  const { t, lang } = useLang();
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Group gap="xs" mb="xs">
        <Title order={2} fz="h4">
          {title}
        </Title>
        <Badge color={units.length === 0 ? 'teal' : 'red'} variant="light">
          {t('common.count', { count: units.length })}
        </Badge>
      </Group>
      {units.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('common.none')}
        </Text>
      ) : (
        <Stack gap={4}>
          {units.map((u) => (
            <Group key={u.id} gap="xs">
              <Badge size="sm" variant="outline" color="gray">
                {unitKindLabel(t, u.kind)}
              </Badge>
              <Anchor component={Link} to={`/org/units/${encodeURIComponent(u.id)}?tab=roles`} fz="sm">
                {unitName(u, lang)}
              </Anchor>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function Report({ report }: { report: GapReport }) {
  const { t, lang } = useLang();
  const clear =
    report.missingOfficer.length === 0 && report.missingManager.length === 0 && report.conflicts.length === 0;
  return (
    <Stack gap="md">
      <Text fz="sm" c="dimmed" data-testid="gaps-as-of">
        {t('gaps.asOf', { date: formatAsOf(report.asOf, lang) })}
      </Text>
      {clear && (
        <Alert color="teal" variant="light">
          {t('gaps.allClear')}
        </Alert>
      )}
      <UnitList
        title={t('gaps.missingOfficer')}
        units={report.missingOfficer}
        testId="gaps-missing-officer"
      />
      <UnitList
        title={t('gaps.missingManager')}
        units={report.missingManager}
        testId="gaps-missing-manager"
      />
      <Paper withBorder p="md" radius="md" data-testid="gaps-conflicts">
        <Group gap="xs" mb="xs">
          <Title order={2} fz="h4">
            {t('gaps.conflicts')}
          </Title>
          <Badge color={report.conflicts.length === 0 ? 'teal' : 'red'} variant="light">
            {t('common.count', { count: report.conflicts.length })}
          </Badge>
        </Group>
        {report.conflicts.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('common.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('org.name')}</Table.Th>
                  <Table.Th>{t('gaps.rolesCol')}</Table.Th>
                  <Table.Th>{t('org.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.conflicts.map((c) => (
                  <Table.Tr key={`${c.staffId}-${c.roles.join('+')}`}>
                    <Table.Td>{c.staffName}</Table.Td>
                    <Table.Td>
                      {c.roles.map((r) => roleLabel(t, r)).join(lang === 'ja' ? '・' : ', ')}
                    </Table.Td>
                    <Table.Td>{c.reason[lang]}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}

/** /org/gaps — vacancies and separation-of-duties conflicts (may be 403 for ordinary staff). */
export function GapReportPage() {
  const { t } = useLang();
  useTitle(t('gaps.title'));
  const report = useGapReport();
  return (
    <Stack gap="md" data-testid="gaps-page">
      <div>
        <Title order={1} fz="h2">
          {t('gaps.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('gaps.lead')}
        </Text>
      </div>
      <QueryView query={report}>{(r) => <Report report={r} />}</QueryView>
    </Stack>
  );
}
