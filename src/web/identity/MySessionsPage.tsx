import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formatDateTime } from '../lib/dates.js';
import { ApiErrorAlert, PageLoader } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { endSessions, useMySessions } from './api.js';

/** One's own open sessions: where and since when, and ending the ones not recognised. */
export function MySessionsPage() {
  const { t, lang } = useLang();
  useTitle(t('identity.sessions.title'));
  const sessions = useMySessions();
  const queryClient = useQueryClient();
  const end = useMutation({
    mutationFn: endSessions,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['identity', 'my-sessions'] }),
  });
  const others = (sessions.data ?? []).filter((s) => !s.current);
  return (
    <Stack gap="md" data-testid="my-sessions-page">
      <Title order={1} fz="h2">
        {t('identity.sessions.title')}
      </Title>
      <Text fz="sm">{t('identity.sessions.lead')}</Text>
      {sessions.isPending && <PageLoader />}
      {sessions.isError && <ApiErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {end.isError && <ApiErrorAlert error={end.error} />}
      {sessions.data !== undefined && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped withTableBorder data-testid="sessions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('identity.sessions.started')}</Table.Th>
                <Table.Th>{t('identity.sessions.lastSeen')}</Table.Th>
                <Table.Th>{t('identity.sessions.address')}</Table.Th>
                <Table.Th>{t('identity.sessions.client')}</Table.Th>
                <Table.Th>{t('identity.sessions.expires')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.map((s) => (
                <Table.Tr key={s.ref} data-testid="session-row">
                  <Table.Td>{formatDateTime(s.createdAt, lang)}</Table.Td>
                  <Table.Td>{formatDateTime(s.lastSeenAt, lang)}</Table.Td>
                  <Table.Td>{s.ip ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text fz="xs" lineClamp={2}>
                      {s.userAgent ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDateTime(s.expiresAt, lang)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {s.current && <Badge>{t('identity.sessions.current')}</Badge>}
                      {s.elevatedUntil !== null && (
                        <Badge color="grape">
                          {t('identity.sessions.elevated', { when: formatDateTime(s.elevatedUntil, lang) })}
                        </Badge>
                      )}
                      {!s.current && (
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          onClick={() => end.mutate({ ref: s.ref })}
                          data-testid="session-end"
                        >
                          {t('identity.sessions.end')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {sessions.data !== undefined &&
        (others.length === 0 ? (
          <Text fz="sm" c="dimmed" data-testid="sessions-none">
            {t('identity.sessions.none')}
          </Text>
        ) : (
          <Group>
            <Button
              color="red"
              variant="outline"
              onClick={() => end.mutate({ others: true })}
              data-testid="sessions-end-others"
            >
              {t('identity.sessions.endOthers')}
            </Button>
          </Group>
        ))}
    </Stack>
  );
}
