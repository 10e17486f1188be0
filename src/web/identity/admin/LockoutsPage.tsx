import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { LockoutView } from '../../../shared/api-types.js';
import { isApiError } from '../../api/client.js';
import { formatDateTime } from '../../lib/dates.js';
import { ApiErrorAlert, PageLoader } from '../../shell/ApiErrorAlert.js';
import { useLang } from '../../shell/useLang.js';
import { useTitle } from '../../shell/useTitle.js';
import { unlockAccount, unlockAddress, useLockouts } from '../api.js';

function UnlockDialog({ lockout, onClose }: { lockout: LockoutView; onClose: () => void }) {
  const { t, lang } = useLang();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      lockout.scope === 'account'
        ? unlockAccount(lockout.subject, reason)
        : unlockAddress(lockout.subject, reason),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['identity', 'lockouts'] });
      onClose();
    },
  });
  const reasonError = isApiError(mutation.error)
    ? mutation.error.issues.find((i) => i.field === 'reason')?.message[lang]
    : undefined;
  return (
    // An inline panel rather than a modal: Mantine's modal injects a <style> element that the strict CSP refuses.
    <Paper withBorder p="md" radius="md" data-testid="unlock-dialog">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('identity.lockouts.unlockTitle')}: {lockout.loginId ?? lockout.subject}
        </Title>
        <TextInput
          label={t('identity.lockouts.reason')}
          description={t('identity.lockouts.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={reasonError}
          data-testid="unlock-reason"
        />
        {mutation.isError && reasonError === undefined && <ApiErrorAlert error={mutation.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('identity.common.cancel')}
          </Button>
          <Button onClick={() => mutation.mutate()} loading={mutation.isPending} data-testid="unlock-confirm">
            {t('identity.lockouts.unlock')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Locked accounts and addresses; unlocking asks for a reason, which goes on the ledger. */
export function LockoutsPage() {
  const { t, lang } = useLang();
  useTitle(t('identity.lockouts.title'));
  const lockouts = useLockouts();
  const [selected, setSelected] = useState<LockoutView | null>(null);
  return (
    <Stack gap="md" data-testid="lockouts-page">
      <Title order={1} fz="h2">
        {t('identity.lockouts.title')}
      </Title>
      <Text fz="sm">{t('identity.lockouts.lead')}</Text>
      {selected !== null && (
        <UnlockDialog key={selected.id} lockout={selected} onClose={() => setSelected(null)} />
      )}
      {lockouts.isPending && <PageLoader />}
      {lockouts.isError && <ApiErrorAlert error={lockouts.error} onRetry={() => void lockouts.refetch()} />}
      {lockouts.data?.length === 0 && (
        <Alert color="teal" variant="light">
          {t('identity.lockouts.none')}
        </Alert>
      )}
      {lockouts.data !== undefined && lockouts.data.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped withTableBorder data-testid="lockouts-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('identity.lockouts.subject')}</Table.Th>
                <Table.Th>{t('identity.lockouts.started')}</Table.Th>
                <Table.Th>{t('identity.lockouts.until')}</Table.Th>
                <Table.Th>{t('identity.lockouts.failures')}</Table.Th>
                <Table.Th>{t('identity.lockouts.state')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lockouts.data.map((l) => (
                <Table.Tr key={l.id} data-testid="lockout-row">
                  <Table.Td>
                    <Group gap={6}>
                      <Text fz="sm" fw={600}>
                        {l.scope === 'account' ? (l.loginId ?? l.subject) : l.subject}
                      </Text>
                      {l.name !== null && <Text fz="sm">{l.name}</Text>}
                      {l.scope === 'address' && (
                        <Badge variant="outline">{t('identity.lockouts.address')}</Badge>
                      )}
                      {l.privileged && <Badge color="grape">{t('identity.common.privileged')}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatDateTime(l.startedAt, lang)}</Table.Td>
                  <Table.Td>
                    {l.until === null ? t('identity.settings.untilUnlock') : formatDateTime(l.until, lang)}
                  </Table.Td>
                  <Table.Td>{l.failures}</Table.Td>
                  <Table.Td>
                    {l.active ? (
                      <Badge color="red">{t('identity.lockouts.active')}</Badge>
                    ) : (
                      <Text fz="xs" c="dimmed">
                        {l.releasedAt === null
                          ? t('identity.lockouts.expired')
                          : `${t('identity.lockouts.released')}: ${l.releaseReason ?? ''}`}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {l.active && (
                      <Button size="xs" onClick={() => setSelected(l)} data-testid="unlock-button">
                        {t('identity.lockouts.unlock')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
