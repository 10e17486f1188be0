import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Code,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AccountKindCode, AccountStatusCode } from '../../../shared/identity-admin-types.js';
import { isApiError } from '../../api/client.js';
import { formatDate, formatDateTime } from '../../lib/dates.js';
import { unitName } from '../../lib/labels.js';
import { ApiErrorAlert, PageLoader } from '../../shell/ApiErrorAlert.js';
import { useLang } from '../../shell/useLang.js';
import { useTitle } from '../../shell/useTitle.js';
import { createDevelopmentAccount, lifecycleKeys, useAccounts, type AccountFilter } from './lifecycle-api.js';
import { ClassBadge, KindBadge, StatusBadge, disabledReasonLabel } from './lifecycle-labels.js';

const kinds: readonly AccountKindCode[] = ['personal', 'shared', 'development'];
const statuses: readonly AccountStatusCode[] = ['active', 'pending', 'locked', 'disabled', 'expired'];
const PAGE = 50;

/** A development ID (第7 3(2)イ(ア)): holder, system, purpose and the end of development are all required. */
function DevelopmentAccountForm() {
  const { t, lang } = useLang();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    loginId: '',
    ownerEmployeeNumber: '',
    systemName: '',
    purpose: '',
    endDate: '',
    privileged: false,
  });
  const create = useMutation({
    mutationFn: () => createDevelopmentAccount(form),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: lifecycleKeys.all }),
  });
  const error = (field: string) =>
    isApiError(create.error) ? create.error.issues.find((i) => i.field === field)?.message[lang] : undefined;
  const text = (
    key: 'loginId' | 'ownerEmployeeNumber' | 'systemName' | 'purpose' | 'endDate',
    label: string,
  ) => (
    <TextInput
      label={label}
      value={form[key]}
      onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
      error={error(key)}
      placeholder={key === 'endDate' ? 'YYYY-MM-DD' : undefined}
      w={220}
      data-testid={`dev-${key}`}
    />
  );
  return (
    <Paper withBorder p="md" radius="md" data-testid="dev-form">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('identityAdmin.accounts.createDev')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('identityAdmin.accounts.createDevLead')}
        </Text>
        <Group align="flex-start" gap="sm">
          {text('loginId', t('identityAdmin.common.loginId'))}
          {text('ownerEmployeeNumber', t('identityAdmin.accounts.owner'))}
          {text('systemName', t('identityAdmin.common.systemName'))}
          {text('purpose', t('identityAdmin.common.purpose'))}
          {text('endDate', t('identityAdmin.common.endDate'))}
        </Group>
        <Checkbox
          label={t('identityAdmin.accounts.privileged')}
          checked={form.privileged}
          onChange={(e) => setForm({ ...form, privileged: e.currentTarget.checked })}
        />
        {create.isError &&
          !(
            isApiError(create.error) &&
            create.error.issues.length > 0 &&
            create.error.issues.every((i) => i.field in form)
          ) && <ApiErrorAlert error={create.error} />}
        {create.isSuccess && (
          <Alert color="orange" variant="light" data-testid="dev-created">
            <Stack gap={4}>
              <Text fz="sm">{t('identityAdmin.accounts.created', { loginId: create.data.loginId })}</Text>
              <Text fz="sm">{t('identityAdmin.common.shownOnce')}</Text>
              <Code>{create.data.temporaryPassword}</Code>
            </Stack>
          </Alert>
        )}
        <div>
          <Button onClick={() => create.mutate()} loading={create.isPending} data-testid="dev-create">
            {t('identityAdmin.accounts.create')}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}

/** /identity/accounts — every ID with kind, class, unit and status; filters; a development ID form. */
export function AccountsPage() {
  const { t, lang } = useLang();
  useTitle(t('identityAdmin.accounts.title'));
  const [filter, setFilter] = useState<AccountFilter>({ limit: PAGE, offset: 0 });
  const accounts = useAccounts(filter);
  const set = (over: Partial<AccountFilter>) => setFilter({ ...filter, ...over, offset: 0 });
  const offset = filter.offset ?? 0;
  return (
    <Stack gap="md" data-testid="accounts-page">
      <div>
        <Title order={1} fz="h2">
          {t('identityAdmin.accounts.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('identityAdmin.accounts.lead')}
        </Text>
      </div>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('identityAdmin.accounts.search')}
          value={filter.q ?? ''}
          onChange={(e) => set({ q: e.currentTarget.value })}
          w={260}
          data-testid="accounts-search"
        />
        <Select
          label={t('identityAdmin.accounts.kind')}
          data={[
            { value: '', label: t('identityAdmin.common.all') },
            ...kinds.map((k) => ({ value: k, label: t(`identityAdmin.kind.${k}`) })),
          ]}
          value={filter.kind ?? ''}
          onChange={(v) => set({ kind: v === null || v === '' ? undefined : v })}
          w={160}
          allowDeselect={false}
        />
        <Select
          label={t('identityAdmin.accounts.status')}
          data={[
            { value: '', label: t('identityAdmin.common.all') },
            ...statuses.map((s) => ({ value: s, label: t(`identityAdmin.status.${s}`) })),
          ]}
          value={filter.status ?? ''}
          onChange={(v) => set({ status: v === null || v === '' ? undefined : v })}
          w={160}
          allowDeselect={false}
          data-testid="accounts-status"
        />
        <Checkbox
          label={t('identityAdmin.accounts.privilegedOnly')}
          checked={filter.privileged === true}
          onChange={(e) => set({ privileged: e.currentTarget.checked ? true : undefined })}
          mb={8}
        />
      </Group>
      {accounts.isPending && <PageLoader />}
      {accounts.isError && <ApiErrorAlert error={accounts.error} onRetry={() => void accounts.refetch()} />}
      {accounts.data !== undefined && (
        <>
          <Text fz="sm" data-testid="accounts-total">
            {t('identityAdmin.accounts.total', { count: accounts.data.total })}
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table striped withTableBorder fz="sm" data-testid="accounts-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('identityAdmin.accounts.loginId')}</Table.Th>
                  <Table.Th>{t('identityAdmin.accounts.name')}</Table.Th>
                  <Table.Th>{t('identityAdmin.accounts.unit')}</Table.Th>
                  <Table.Th>{t('identityAdmin.accounts.kind')}</Table.Th>
                  <Table.Th>{t('identityAdmin.accounts.class')}</Table.Th>
                  <Table.Th>{t('identityAdmin.accounts.status')}</Table.Th>
                  <Table.Th>{t('identityAdmin.accounts.lastSignIn')}</Table.Th>
                  <Table.Th>{t('identityAdmin.accounts.endDate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {accounts.data.items.map((a) => (
                  <Table.Tr key={a.id} data-testid="account-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/identity/accounts/${a.id}`} fz="sm" fw={600}>
                        {a.loginId}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {a.name ?? '—'}
                      {a.employeeNumber !== null && (
                        <Text fz="xs" c="dimmed">
                          {a.employeeNumber}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{a.unit === null ? '—' : unitName(a.unit, lang)}</Table.Td>
                    <Table.Td>
                      <KindBadge t={t} kind={a.kind} />
                    </Table.Td>
                    <Table.Td>
                      <ClassBadge t={t} privileged={a.profileClass === 'privileged'} />
                      {a.systemName !== null && (
                        <Text fz="xs" c="dimmed">
                          {a.systemName}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge t={t} status={a.status} />
                      {a.disabledReason !== null && (
                        <Text fz="xs" c="dimmed">
                          {disabledReasonLabel(t, a.disabledReason)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {a.lastSignInAt === null
                        ? t('identityAdmin.common.never')
                        : formatDateTime(a.lastSignInAt, lang)}
                    </Table.Td>
                    <Table.Td>{a.endDate === null ? '—' : formatDate(a.endDate, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              disabled={offset === 0}
              onClick={() => setFilter({ ...filter, offset: Math.max(0, offset - PAGE) })}
            >
              ←
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={offset + PAGE >= accounts.data.total}
              onClick={() => setFilter({ ...filter, offset: offset + PAGE })}
            >
              →
            </Button>
          </Group>
        </>
      )}
      <DevelopmentAccountForm />
    </Stack>
  );
}
