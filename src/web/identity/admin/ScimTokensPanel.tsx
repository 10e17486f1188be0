import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../api/client.js';
import { formatDateTime } from '../../lib/dates.js';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert.js';
import { useLang } from '../../shell/useLang.js';
import { useCurrentSession } from '../session.js';
import { issueScimToken, lifecycleKeys, revokeScimToken, useScimTokens } from './lifecycle-api.js';
import { lifecycleAccess } from './lifecycle-access.js';

/** The Security Director's SCIM tokens for HR systems: issued (shown once), listed, revoked with a reason. */
export function ScimTokensPanel() {
  const { t, lang } = useLang();
  const session = useCurrentSession();
  const allowed = lifecycleAccess(session).scim;
  const tokens = useScimTokens(allowed);
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const issue = useMutation({
    mutationFn: () => issueScimToken(name),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: lifecycleKeys.tokens }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeScimToken(id, reason),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: lifecycleKeys.tokens }),
  });
  if (!allowed) return null;
  const nameError = isApiError(issue.error)
    ? issue.error.issues.find((i) => i.field === 'name')?.message[lang]
    : undefined;
  return (
    <Paper withBorder p="md" radius="md" data-testid="scim-tokens">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('identityAdmin.scim.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('identityAdmin.scim.lead', { url: `${window.location.origin}/scim/v2` })}
        </Text>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('identityAdmin.scim.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={nameError}
            w={280}
          />
          <Button onClick={() => issue.mutate()} loading={issue.isPending}>
            {t('identityAdmin.scim.issue')}
          </Button>
        </Group>
        {issue.isError && nameError === undefined && <ApiErrorAlert error={issue.error} />}
        {issue.isSuccess && (
          <Alert color="orange" variant="light">
            <Stack gap={4}>
              <Text fz="sm">{t('identityAdmin.scim.issued')}</Text>
              <Code block>{issue.data.token}</Code>
            </Stack>
          </Alert>
        )}
        {tokens.isError && <ApiErrorAlert error={tokens.error} />}
        {tokens.data?.length === 0 && <Text fz="sm">{t('identityAdmin.scim.none')}</Text>}
        {tokens.data !== undefined && tokens.data.length > 0 && (
          <>
            <TextInput
              label={t('identityAdmin.common.reason')}
              description={t('identityAdmin.common.reasonHint')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              w={360}
            />
            {revoke.isError && <ApiErrorAlert error={revoke.error} />}
            <Table withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('identityAdmin.scim.name')}</Table.Th>
                  <Table.Th>{t('identityAdmin.scim.createdAt')}</Table.Th>
                  <Table.Th>{t('identityAdmin.scim.lastUsed')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.map((tok) => (
                  <Table.Tr key={tok.id}>
                    <Table.Td>{tok.name}</Table.Td>
                    <Table.Td>{formatDateTime(tok.createdAt, lang)}</Table.Td>
                    <Table.Td>
                      {tok.lastUsedAt === null
                        ? t('identityAdmin.common.never')
                        : formatDateTime(tok.lastUsedAt, lang)}
                    </Table.Td>
                    <Table.Td>
                      {tok.revokedAt === null ? (
                        <Button size="xs" color="red" variant="light" onClick={() => revoke.mutate(tok.id)}>
                          {t('identityAdmin.scim.revoke')}
                        </Button>
                      ) : (
                        <Badge color="gray">{t('identityAdmin.scim.revoked')}</Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Paper>
  );
}
