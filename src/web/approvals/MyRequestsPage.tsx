import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../lib/dates.js';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { useMyRequests } from './api.js';
import { statusColor, statusLabel } from './labels.js';

/** 自分の申請: what I applied for or prepared, newest first, with where each stands. */
export function MyRequestsPage() {
  const { t, lang } = useLang();
  useTitle(t('approvals.mine.title'));
  const mine = useMyRequests();
  return (
    <Stack gap="md" data-testid="mine-page">
      <Group justify="space-between">
        <Title order={1} fz="h2">
          {t('approvals.mine.title')}
        </Title>
        <Button component={Link} to="/approvals/new" data-testid="mine-new">
          {t('approvals.mine.newRequest')}
        </Button>
      </Group>
      <Text c="dimmed" fz="sm">
        {t('approvals.mine.lead')}
      </Text>
      <QueryView query={mine}>
        {(list) =>
          list.length === 0 ? (
            <Paper withBorder p="md" radius="md">
              <Text data-testid="mine-empty">{t('approvals.mine.empty')}</Text>
            </Paper>
          ) : (
            <Table.ScrollContainer minWidth={700}>
              <Table striped withTableBorder data-testid="mine-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('approvals.tasks.refNo')}</Table.Th>
                    <Table.Th>{t('approvals.tasks.type')}</Table.Th>
                    <Table.Th>{t('approvals.tasks.subject')}</Table.Th>
                    <Table.Th>{t('approvals.mine.created')}</Table.Th>
                    <Table.Th>{t('approvals.mine.decided')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((r) => (
                    <Table.Tr key={r.id} data-testid="mine-row" data-ref={r.refNo}>
                      <Table.Td ff="monospace" fz="sm">
                        {r.refNo}
                      </Table.Td>
                      <Table.Td fz="sm">{r.typeName[lang]}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Badge color={statusColor(r.status)} variant="light" data-testid="mine-status">
                            {statusLabel(t, r.status)}
                          </Badge>
                          <Anchor component={Link} to={`/approvals/requests/${encodeURIComponent(r.id)}`}>
                            {r.title}
                          </Anchor>
                        </Group>
                      </Table.Td>
                      <Table.Td fz="sm">{formatDateTime(r.createdAt, lang)}</Table.Td>
                      <Table.Td fz="sm">
                        {r.decidedAt === null ? '—' : formatDateTime(r.decidedAt, lang)}
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
