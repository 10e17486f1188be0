import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../lib/dates.js';
import { unitName } from '../lib/labels.js';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { certificateUrl, exportUrl, useDisposals } from './api.js';
import { UnitFilter } from './Filters.js';
import { assetLabel, classColor, classLabel } from './labels.js';

/** /assets/disposals — the disposal records (4-2(8)ウ) with their certificates, Excel and PDF. */
export function DisposalsPage() {
  const { t, lang } = useLang();
  useTitle(t('assets.disposal.title'));
  const [unitId, setUnitId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const q = { unitId, from, to };
  const records = useDisposals(q);
  return (
    <Stack gap="md" data-testid="disposals-page">
      <Group justify="space-between">
        <Title order={1} fz="h2">
          {t('assets.disposal.title')}
        </Title>
        <Group gap="xs">
          <Button component="a" href={exportUrl('disposals', 'xlsx', q)} variant="light">
            {t('assets.common.exportXlsx')}
          </Button>
          <Button component="a" href={exportUrl('disposals', 'pdf', q)} variant="light">
            {t('assets.common.exportPdf')}
          </Button>
        </Group>
      </Group>
      <Text c="dimmed" fz="sm">
        {t('assets.disposal.lead')}
      </Text>
      <Group gap="sm" align="flex-end">
        <UnitFilter value={unitId} onChange={setUnitId} testId="disposals-unit" />
        <TextInput
          type="date"
          label={t('assets.handlings.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('assets.handlings.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </Group>
      <QueryView query={records}>
        {(rows) =>
          rows.length === 0 ? (
            <Paper withBorder p="md">
              <Text>{t('assets.disposal.empty')}</Text>
            </Paper>
          ) : (
            <Table.ScrollContainer minWidth={1000}>
              <Table striped withTableBorder fz="sm" data-testid="disposals-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('assets.disposal.recordNo')}</Table.Th>
                    <Table.Th>{t('assets.common.performedAt')}</Table.Th>
                    <Table.Th>{t('assets.handlings.subject')}</Table.Th>
                    <Table.Th>{t('assets.common.classification')}</Table.Th>
                    <Table.Th>{t('assets.disposal.method')}</Table.Th>
                    <Table.Th>{t('assets.disposal.performer')}</Table.Th>
                    <Table.Th>{t('assets.handlings.request')}</Table.Th>
                    <Table.Th>{t('assets.disposal.certificate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((d) => (
                    <Table.Tr key={d.id} data-testid="disposal-row" data-record={d.recordNo}>
                      <Table.Td ff="monospace">{d.recordNo}</Table.Td>
                      <Table.Td>{formatDateTime(d.performedAt, lang)}</Table.Td>
                      <Table.Td>
                        {d.subjectName}
                        <Text fz="xs" c="dimmed">
                          {unitName(d.unit, lang)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={classColor(d.classification)} variant="light">
                          {classLabel(t, d.classification)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {assetLabel(t, 'method', d.method)}
                        {d.sanitization !== null && (
                          <Text fz="xs" c="dimmed">
                            {d.sanitization}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {d.performedByName}
                        {d.witnessName !== null && (
                          <Text fz="xs" c="dimmed">
                            {t('assets.disposal.witness')}: {d.witnessName}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/approvals/requests/${encodeURIComponent(d.requestId)}`}
                          ff="monospace"
                        >
                          {d.requestRefNo}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Anchor
                          href={certificateUrl(d.id)}
                          target="_blank"
                          data-testid="disposal-certificate"
                        >
                          PDF
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
    </Stack>
  );
}
