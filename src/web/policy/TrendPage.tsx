import { Alert, Badge, Box, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ComplianceSnapshotView, ComplianceTrendView } from '../../shared/api-types.js';
import { useCurrentSession } from '../identity/session.js';
import { formatDate } from '../lib/dates.js';
import { ApiErrorAlert, QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { complianceKeys, takeSnapshot, useComplianceTrend, usePolicyDocument } from './api.js';
import { canManageCompliance, StatusBadge, statusColor, statusOrder } from './status.js';

/** One snapshot's counts as a stacked bar, worst first. */
function Bar({ snapshot }: { snapshot: ComplianceSnapshotView }) {
  const total = Object.values(snapshot.counts).reduce((a, b) => a + b, 0) || 1;
  return (
    <Group gap={0} wrap="nowrap" w={260} h={12} style={{ borderRadius: 3, overflow: 'hidden' }}>
      {statusOrder.map((s) => (
        <Box key={s} h="100%" w={`${String((snapshot.counts[s] / total) * 100)}%`} bg={`${statusColor[s]}.${s === 'notYetEvaluable' ? '3' : '6'}`} />
      ))}
    </Group>
  );
}

function Trend({ trend }: { trend: ComplianceTrendView }) {
  const { t, lang } = useLang();
  const doc = usePolicyDocument();
  const display = new Map((doc.data?.clauses ?? []).map((c) => [c.id, c.displayId]));
  if (trend.snapshots.length === 0)
    return (
      <Text fz="sm" c="dimmed" data-testid="trend-empty">
        {t('compliance.trend.none')}
      </Text>
    );
  const c = trend.comparison;
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Table fz="sm" data-testid="trend-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('compliance.trend.date')}</Table.Th>
              {statusOrder.map((s) => (
                <Table.Th key={s} ta="right">
                  {t(`compliance.status.${s}`)}
                </Table.Th>
              ))}
              <Table.Th />
              <Table.Th ta="right">{t('compliance.trend.ledger')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...trend.snapshots].reverse().map((s) => (
              <Table.Tr key={s.id} data-testid="trend-row">
                <Table.Td>{formatDate(s.takenOn, lang)}</Table.Td>
                {statusOrder.map((st) => (
                  <Table.Td key={st} ta="right">
                    {s.counts[st]}
                  </Table.Td>
                ))}
                <Table.Td>
                  <Bar snapshot={s} />
                </Table.Td>
                <Table.Td ta="right">{s.ledgerSize}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {c !== null && (
        <Paper withBorder p="md" radius="md" data-testid="trend-changes">
          <Title order={2} fz="h4" mb="xs">
            {t('compliance.trend.compare', { from: formatDate(c.from.takenOn, lang), to: formatDate(c.to.takenOn, lang) })}
          </Title>
          {c.changes.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('compliance.trend.noChanges')}
            </Text>
          ) : (
            <Table fz="sm">
              <Table.Tbody>
                {c.changes.map((ch) => (
                  <Table.Tr key={ch.clauseId} data-testid="trend-change" data-direction={ch.direction}>
                    <Table.Td>{display.get(ch.clauseId) ?? ch.clauseId}</Table.Td>
                    <Table.Td>{ch.from === null ? '—' : <StatusBadge status={ch.from} size="xs" />}</Table.Td>
                    <Table.Td>→</Table.Td>
                    <Table.Td>
                      <StatusBadge status={ch.to} size="xs" />
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={ch.direction === 'improved' ? 'teal' : ch.direction === 'worsened' ? 'red' : 'gray'}>
                        {t(`compliance.trend.${ch.direction}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      )}
    </Stack>
  );
}

/** /compliance/trend — daily snapshots and what changed since the previous review. */
export function TrendPage() {
  const { t } = useLang();
  useTitle(t('compliance.trend.title'));
  const session = useCurrentSession();
  const queryClient = useQueryClient();
  const [since, setSince] = useState('');
  const trend = useComplianceTrend(/^\d{4}-\d{2}-\d{2}$/.test(since) ? since : null);
  const [error, setError] = useState<unknown>(null);
  const [taken, setTaken] = useState(false);
  const take = async () => {
    setError(null);
    try {
      await takeSnapshot();
      setTaken(true);
      await queryClient.invalidateQueries({ queryKey: complianceKeys.all });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack gap="md" data-testid="trend-page">
      <div>
        <Title order={1} fz="h2">
          {t('compliance.trend.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('compliance.trend.lead')}
        </Text>
      </div>
      <Group align="flex-end">
        <TextInput type="date" label={t('compliance.trend.since')} value={since} onChange={(e) => setSince(e.currentTarget.value)} data-testid="trend-since" />
        {canManageCompliance(session) && (
          <Button onClick={() => void take()} data-testid="take-snapshot">
            {t('compliance.trend.take')}
          </Button>
        )}
      </Group>
      {error !== null && <ApiErrorAlert error={error} />}
      {taken && (
        <Alert color="teal" variant="light" data-testid="snapshot-taken">
          {t('compliance.trend.taken')}
        </Alert>
      )}
      <QueryView query={trend}>{(tr) => <Trend trend={tr} />}</QueryView>
    </Stack>
  );
}
