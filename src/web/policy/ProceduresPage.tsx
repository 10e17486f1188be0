import { Anchor, Badge, Group, Paper, Spoiler, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { UnitProcedureView } from '../../shared/policy-api-types.js';
import { formatDate } from '../lib/dates.js';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { useUnitProcedures } from './api.js';

const stateColor: Readonly<Record<UnitProcedureView['state'], string>> = {
  inForce: 'teal',
  upcoming: 'blue',
  superseded: 'gray',
};

function Procedures({ list }: { list: UnitProcedureView[] }) {
  const { t, lang } = useLang();
  if (list.length === 0)
    return (
      <Text fz="sm" c="dimmed" data-testid="procedures-empty">
        {t('compliance.procedures.none')}
      </Text>
    );
  return (
    <Paper withBorder p="md" radius="md">
      <Table.ScrollContainer minWidth={900}>
        <Table fz="sm" data-testid="procedures-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('compliance.procedures.unit')}</Table.Th>
              <Table.Th>{t('compliance.procedures.name')}</Table.Th>
              <Table.Th>{t('compliance.procedures.effectiveOn')}</Table.Th>
              <Table.Th>{t('compliance.procedures.state')}</Table.Th>
              <Table.Th>{t('compliance.procedures.opinion')}</Table.Th>
              <Table.Th>{t('compliance.procedures.request')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((p) => (
              <Table.Tr key={p.id} data-testid="procedure-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{lang === 'ja' ? p.unit.nameJa : p.unit.nameEn}</Table.Td>
                <Table.Td>
                  <Text fz="sm" fw={500}>
                    {p.title}（{p.version}）
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {t('compliance.procedures.filedBy')}: {p.filedBy}
                  </Text>
                  <Spoiler maxHeight={40} showLabel="…" hideLabel="▲" fz="xs">
                    <Text fz="xs" style={{ whiteSpace: 'pre-wrap' }}>
                      {p.summary}
                    </Text>
                  </Spoiler>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(p.effectiveOn, lang)}</Table.Td>
                <Table.Td>
                  <Badge color={stateColor[p.state]} variant="light" data-testid="procedure-state">
                    {t(`compliance.procedures.states.${p.state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{p.opinionBy ?? '—'}</Text>
                  {p.opinion !== null && (
                    <Text fz="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      {p.opinion}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/approvals/requests/${encodeURIComponent(p.requestId)}`} ff="monospace">
                    {p.requestRefNo}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** /compliance/procedures — bureaus' and divisions' implementing procedures with the Director's opinion (第3 3(2)). */
export function ProceduresPage() {
  const { t } = useLang();
  useTitle(t('compliance.procedures.title'));
  const procedures = useUnitProcedures();
  return (
    <Stack gap="md" data-testid="procedures-page">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} fz="h2">
            {t('compliance.procedures.title')}
          </Title>
          <Text fz="sm" c="dimmed">
            {t('compliance.procedures.lead')}
          </Text>
        </div>
        <Anchor component={Link} to="/approvals/new?type=policy.unitProcedure" data-testid="procedure-file">
          {t('compliance.procedures.file')}
        </Anchor>
      </Group>
      <QueryView query={procedures}>{(list) => <Procedures list={list} />}</QueryView>
    </Stack>
  );
}
