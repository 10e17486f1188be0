import {
  Alert,
  Anchor,
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
import { Link } from 'react-router';
import { isApiError } from '../../api/client.js';
import { formatDateTime } from '../../lib/dates.js';
import { unitName } from '../../lib/labels.js';
import { ApiErrorAlert, PageLoader } from '../../shell/ApiErrorAlert.js';
import { useLang } from '../../shell/useLang.js';
import { useTitle } from '../../shell/useTitle.js';
import { useCurrentSession } from '../session.js';
import { createSharedAccount, lifecycleKeys, useSharedAccounts } from './lifecycle-api.js';
import { lifecycleAccess } from './lifecycle-access.js';
import { StatusBadge } from './lifecycle-labels.js';

const fields = ['loginId', 'displayName', 'purpose', 'unitCode', 'users'] as const;

/** A shared ID is made only with its users named (第6 4(1)). */
function CreateSharedForm() {
  const { t, lang } = useLang();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ loginId: '', displayName: '', purpose: '', unitCode: '', users: '' });
  const create = useMutation({
    mutationFn: () =>
      createSharedAccount({
        ...form,
        users: form.users
          .split(/[,、\s]+/)
          .map((u) => u.trim())
          .filter((u) => u !== ''),
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: lifecycleKeys.all }),
  });
  const error = (field: string) =>
    isApiError(create.error)
      ? create.error.issues.find((i) => i.field === field || i.field.startsWith(`${field}.`))?.message[lang]
      : undefined;
  const label = {
    loginId: t('identityAdmin.common.loginId'),
    displayName: t('identityAdmin.shared.displayName'),
    purpose: t('identityAdmin.common.purpose'),
    unitCode: t('identityAdmin.shared.unitCode'),
    users: t('identityAdmin.shared.users'),
  };
  return (
    <Paper withBorder p="md" radius="md" data-testid="shared-form">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('identityAdmin.shared.create')}
        </Title>
        <Group align="flex-start" gap="sm">
          {fields.map((f) => (
            <TextInput
              key={f}
              label={label[f]}
              value={form[f]}
              onChange={(e) => setForm({ ...form, [f]: e.currentTarget.value })}
              error={error(f)}
              w={f === 'users' ? 320 : 200}
              data-testid={`shared-${f}`}
            />
          ))}
        </Group>
        {create.isError && !(isApiError(create.error) && fields.some((f) => error(f) !== undefined)) && (
          <ApiErrorAlert error={create.error} />
        )}
        {create.isSuccess && (
          <Alert color="orange" variant="light">
            <Stack gap={4}>
              <Text fz="sm">{t('identityAdmin.shared.created', { loginId: create.data.loginId })}</Text>
              <Text fz="sm">{t('identityAdmin.common.shownOnce')}</Text>
              <Code>{create.data.temporaryPassword}</Code>
            </Stack>
          </Alert>
        )}
        <div>
          <Button onClick={() => create.mutate()} loading={create.isPending} data-testid="shared-create">
            {t('identityAdmin.accounts.create')}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}

/** /identity/shared — shared IDs with their named users and what to look at (第6 4(1)). */
export function SharedAccountsPage() {
  const { t, lang } = useLang();
  useTitle(t('identityAdmin.shared.title'));
  const shared = useSharedAccounts();
  const access = lifecycleAccess(useCurrentSession());
  return (
    <Stack gap="md" data-testid="shared-page">
      <div>
        <Title order={1} fz="h2">
          {t('identityAdmin.shared.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('identityAdmin.shared.lead')}
        </Text>
      </div>
      {shared.isPending && <PageLoader />}
      {shared.isError && <ApiErrorAlert error={shared.error} onRetry={() => void shared.refetch()} />}
      {shared.data?.length === 0 && <Alert variant="light">{t('identityAdmin.shared.none')}</Alert>}
      {shared.data !== undefined && shared.data.length > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table striped withTableBorder fz="sm" data-testid="shared-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('identityAdmin.common.loginId')}</Table.Th>
                <Table.Th>{t('identityAdmin.shared.displayName')}</Table.Th>
                <Table.Th>{t('identityAdmin.common.unit')}</Table.Th>
                <Table.Th>{t('identityAdmin.common.purpose')}</Table.Th>
                <Table.Th>{t('identityAdmin.accounts.status')}</Table.Th>
                <Table.Th>{t('identityAdmin.shared.users')}</Table.Th>
                <Table.Th>{t('identityAdmin.accounts.lastSignIn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shared.data.map((s) => (
                <Table.Tr key={s.id} data-testid="shared-row">
                  <Table.Td>
                    {access.accounts ? (
                      <Anchor component={Link} to={`/identity/accounts/${s.id}`} fz="sm">
                        {s.loginId}
                      </Anchor>
                    ) : (
                      s.loginId
                    )}
                  </Table.Td>
                  <Table.Td>{s.displayName ?? '—'}</Table.Td>
                  <Table.Td>{s.unit === null ? '—' : unitName(s.unit, lang)}</Table.Td>
                  <Table.Td>{s.purpose ?? '—'}</Table.Td>
                  <Table.Td>
                    <StatusBadge t={t} status={s.status} />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {s.users.map((u) => (
                        <Text key={u.employeeNumber} fz="sm">
                          {u.name}（{u.employeeNumber}）{!u.onRoster && t('identityAdmin.shared.offRoster')}
                        </Text>
                      ))}
                      {s.problems.map((p) => (
                        <Badge key={p} color="red" variant="light">
                          {t(`identityAdmin.shared.problem_${p}`)}
                        </Badge>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {s.lastSignInAt === null
                      ? t('identityAdmin.common.never')
                      : formatDateTime(s.lastSignInAt, lang)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {access.accounts && <CreateSharedForm />}
    </Stack>
  );
}
