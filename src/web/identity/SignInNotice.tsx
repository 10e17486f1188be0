import { Alert, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { SessionView, SignInEventView } from '../../shared/api-types.js';
import { sessionKey } from '../api/query.js';
import { formatDateTime } from '../lib/dates.js';
import { ApiErrorAlert } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { reportSignIn } from './api.js';

function ReportPanel({ event, onCancel }: { event: SignInEventView; onCancel: () => void }) {
  const { t, lang } = useLang();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [note, setNote] = useState('');
  const mutation = useMutation({
    mutationFn: () => reportSignIn(event.attemptId, note.trim() === '' ? null : note.trim()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: sessionKey });
      await navigate('/password', { replace: true });
    },
  });
  return (
    <Paper withBorder p="sm" radius="md" bg="red.0" data-testid="report-panel">
      <Stack gap="xs">
        <Text fz="sm" fw={600}>
          {t('identity.notice.reportTitle', { when: formatDateTime(event.at, lang) })}
        </Text>
        <Text fz="xs">{t('identity.notice.reportLead')}</Text>
        <Textarea
          label={t('identity.notice.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          data-testid="report-note"
        />
        {mutation.isError && <ApiErrorAlert error={mutation.error} />}
        <Group justify="flex-end">
          <Button variant="default" size="xs" onClick={onCancel}>
            {t('identity.common.cancel')}
          </Button>
          <Button
            color="red"
            size="xs"
            onClick={() => mutation.mutate()}
            loading={mutation.isPending}
            data-testid="report-confirm"
          >
            {t('identity.notice.reportSend')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * The notice after sign-in (第7 2(2)): the previous successful sign-in with its time, address and client, and the
 * failed attempts since; each can be reported with "this was not me".
 */
export function SignInNotice({ session }: { session: SessionView }) {
  const { t, lang } = useLang();
  const [reporting, setReporting] = useState<SignInEventView | null>(null);
  const previous = session.previousSignIn;
  const failures = session.failedSincePrevious;
  const notMe = (event: SignInEventView) => (
    <Button
      size="compact-xs"
      variant="subtle"
      color="red"
      onClick={() => setReporting(event)}
      data-testid="not-me"
    >
      {t('identity.notice.notMe')}
    </Button>
  );
  return (
    <Paper withBorder p="md" radius="md" data-testid="signin-notice">
      <Stack gap="xs">
        <Title order={2} fz="h5">
          {t('identity.notice.title')}
        </Title>
        {previous === null ? (
          <Text fz="sm" data-testid="previous-signin">
            {t('home.noPrevious')}
          </Text>
        ) : (
          <Group gap="xs" justify="space-between" wrap="nowrap">
            <Text fz="sm" data-testid="previous-signin">
              {t('home.previousSignIn', { when: formatDateTime(previous.at, lang) })}
              {previous.ip !== null && t('home.previousFrom', { ip: previous.ip })}
              {previous.userAgent !== null &&
                ` ${t('identity.notice.client', { client: previous.userAgent })}`}
            </Text>
            {previous.attemptId !== undefined &&
              notMe({
                attemptId: previous.attemptId,
                at: previous.at,
                ip: previous.ip,
                userAgent: previous.userAgent,
                outcome: 'success',
              })}
          </Group>
        )}
        {failures.length === 0 ? (
          <Text fz="xs" c="dimmed" data-testid="failures-none">
            {t('identity.notice.noFailures')}
          </Text>
        ) : (
          <Alert color="orange" variant="light" p="xs" data-testid="failures-since">
            <Text fz="sm" fw={600} mb={4}>
              {t('identity.notice.failures', { count: failures.length })}
            </Text>
            <Table fz="xs" withRowBorders={false}>
              <Table.Tbody>
                {failures.map((f) => (
                  <Table.Tr key={f.attemptId} data-testid="failure-row">
                    <Table.Td>{formatDateTime(f.at, lang)}</Table.Td>
                    <Table.Td>{f.ip ?? '—'}</Table.Td>
                    <Table.Td>{f.userAgent ?? '—'}</Table.Td>
                    <Table.Td>{notMe(f)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Alert>
        )}
        {reporting !== null && (
          <ReportPanel key={reporting.attemptId} event={reporting} onCancel={() => setReporting(null)} />
        )}
        <Text fz="xs" c="dimmed">
          {t('home.notYou')}
        </Text>
        <Text fz="xs" c="dimmed">
          {t('home.expires', { when: formatDateTime(session.expiresAt, lang) })}
        </Text>
      </Stack>
    </Paper>
  );
}
