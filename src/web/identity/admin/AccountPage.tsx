import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AccountDetail } from '../../../shared/identity-admin-types.js';
import { formatDate, formatDateTime } from '../../lib/dates.js';
import { unitName } from '../../lib/labels.js';
import { RecordHistoryButton } from '../../records/RecordHistoryButton.js';
import { ApiErrorAlert, PageLoader } from '../../shell/ApiErrorAlert.js';
import { useLang } from '../../shell/useLang.js';
import { useTitle } from '../../shell/useTitle.js';
import { unlockAccount } from '../api.js';
import { useCurrentSession } from '../session.js';
import {
  accountAction,
  changeSharedUsers,
  lifecycleKeys,
  setPrivilege,
  useAccount,
} from './lifecycle-api.js';
import { lifecycleAccess } from './lifecycle-access.js';
import {
  ClassBadge,
  KindBadge,
  StatusBadge,
  disabledReasonLabel,
  eventKindLabel,
  eventStatusLabel,
} from './lifecycle-labels.js';

const splitNumbers = (s: string): string[] =>
  s
    .split(/[,、\s]+/)
    .map((x) => x.trim())
    .filter((x) => x !== '');

/** Disable, enable, unlock, a temporary password, the privilege and shared users: each with a reason. */
function Actions({ account }: { account: AccountDetail }) {
  const { t } = useLang();
  const session = useCurrentSession();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [systemName, setSystemName] = useState(account.systemName ?? '');
  const [adding, setAdding] = useState('');
  const done = () => void queryClient.invalidateQueries({ queryKey: lifecycleKeys.all });
  const act = useMutation({
    mutationFn: async (
      action: 'disable' | 'enable' | 'temporary-password' | 'unlock',
    ): Promise<{ temporaryPassword?: string }> => {
      if (action === 'unlock') {
        await unlockAccount(account.id, reason);
        return {};
      }
      return accountAction(account.id, action, reason);
    },
    onSuccess: done,
  });
  const privilege = useMutation({
    mutationFn: (privileged: boolean) =>
      setPrivilege(account.id, {
        privileged,
        systemName: systemName.trim() === '' ? null : systemName,
        reason,
      }),
    onSuccess: done,
  });
  const users = useMutation({
    mutationFn: (change: { add: string[]; remove: string[] }) =>
      changeSharedUsers(account.id, { ...change, reason }),
    onSuccess: () => {
      setAdding('');
      done();
    },
  });
  const issued = act.data?.temporaryPassword;
  const canPrivilege = lifecycleAccess(session).privileged;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <TextInput
          label={t('identityAdmin.common.reason')}
          description={t('identityAdmin.common.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maw={480}
          data-testid="account-reason"
        />
        <Group gap="sm">
          {account.status === 'locked' && (
            <Button color="orange" onClick={() => act.mutate('unlock')} data-testid="account-unlock">
              {t('identityAdmin.account.unlock')}
            </Button>
          )}
          {account.status === 'disabled' ? (
            <Button onClick={() => act.mutate('enable')} data-testid="account-enable">
              {t('identityAdmin.account.enable')}
            </Button>
          ) : (
            <Button
              color="red"
              variant="light"
              onClick={() => act.mutate('disable')}
              data-testid="account-disable"
            >
              {t('identityAdmin.account.disable')}
            </Button>
          )}
          {account.source === 'local' && (
            <Button
              variant="default"
              onClick={() => act.mutate('temporary-password')}
              data-testid="account-temporary"
            >
              {t('identityAdmin.account.issuePassword')}
            </Button>
          )}
        </Group>
        {act.isError && <ApiErrorAlert error={act.error} />}
        {issued !== undefined && (
          <Alert color="orange" variant="light" data-testid="account-issued">
            <Stack gap={4}>
              <Text fz="sm">{t('identityAdmin.account.issued')}</Text>
              <Text fz="sm">{t('identityAdmin.common.shownOnce')}</Text>
              <Code>{issued}</Code>
            </Stack>
          </Alert>
        )}
        {canPrivilege && (
          <Stack gap="xs">
            <Title order={3} fz="h5">
              {t('identityAdmin.account.privilege')}
            </Title>
            <Text fz="xs" c="dimmed">
              {t('identityAdmin.account.contractorNote')}
            </Text>
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t('identityAdmin.common.systemName')}
                value={systemName}
                onChange={(e) => setSystemName(e.currentTarget.value)}
                w={240}
              />
              <Button
                color={account.privileged ? 'gray' : 'grape'}
                variant="light"
                onClick={() => privilege.mutate(!account.privileged)}
                data-testid="account-privilege"
              >
                {account.privileged ? t('identityAdmin.account.revoke') : t('identityAdmin.account.grant')}
              </Button>
            </Group>
            {privilege.isError && <ApiErrorAlert error={privilege.error} />}
          </Stack>
        )}
        {account.kind === 'shared' && (
          <Stack gap="xs">
            <Title order={3} fz="h5">
              {t('identityAdmin.account.sharedUsers')}
            </Title>
            <Table withTableBorder fz="sm" maw={640}>
              <Table.Tbody>
                {account.sharedUsers.map((u) => (
                  <Table.Tr key={u.employeeNumber}>
                    <Table.Td>{u.employeeNumber}</Table.Td>
                    <Table.Td>{u.name}</Table.Td>
                    <Table.Td>{unitName({ nameJa: u.unitNameJa, nameEn: u.unitNameEn }, 'ja')}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => users.mutate({ add: [], remove: [u.employeeNumber] })}
                      >
                        {t('identityAdmin.account.removeUser')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t('identityAdmin.account.addUsers')}
                value={adding}
                onChange={(e) => setAdding(e.currentTarget.value)}
                w={320}
              />
              <Button variant="light" onClick={() => users.mutate({ add: splitNumbers(adding), remove: [] })}>
                {t('identityAdmin.account.changeUsers')}
              </Button>
            </Group>
            {users.isError && <ApiErrorAlert error={users.error} />}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** /identity/accounts/:id — one ID: kind, profile, status and lockout, the people and events behind it. */
export function AccountPage() {
  const { t, lang } = useLang();
  const { id = '' } = useParams();
  const account = useAccount(id);
  useTitle(account.data?.loginId ?? t('identityAdmin.accounts.title'));
  if (account.isPending) return <PageLoader />;
  if (account.isError) return <ApiErrorAlert error={account.error} onRetry={() => void account.refetch()} />;
  const a = account.data;
  const row = (label: string, value: string) => (
    <Table.Tr>
      <Table.Th w={200}>{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
  return (
    <Stack gap="md" data-testid="account-page">
      <Anchor component={Link} to="/identity/accounts" fz="sm">
        ← {t('identityAdmin.account.back')}
      </Anchor>
      <Group gap="sm" align="center">
        <Title order={1} fz="h2">
          {a.loginId}
        </Title>
        <Text>{a.name ?? ''}</Text>
        <KindBadge t={t} kind={a.kind} />
        <ClassBadge t={t} privileged={a.profileClass === 'privileged'} />
        <StatusBadge t={t} status={a.status} />
        <RecordHistoryButton subject={`account:${a.id}`} name={a.loginId} />
      </Group>
      {a.disabledReason !== null && (
        <Text fz="sm" data-testid="account-disabled-reason">
          {t('identityAdmin.account.disabledReason', { reason: disabledReasonLabel(t, a.disabledReason) })}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" radius="md">
          <Title order={2} fz="h4" mb="xs">
            {t('identityAdmin.account.details')}
          </Title>
          <Table fz="sm">
            <Table.Tbody>
              {row(t('identityAdmin.common.employeeNumber'), a.employeeNumber ?? '—')}
              {row(t('identityAdmin.common.unit'), a.unit === null ? '—' : unitName(a.unit, lang))}
              {row(t('identityAdmin.common.systemName'), a.systemName ?? t('identityAdmin.common.mamori'))}
              {a.purpose !== null && row(t('identityAdmin.common.purpose'), a.purpose)}
              {a.owner !== null &&
                row(t('identityAdmin.account.owner'), `${a.owner.name}（${a.owner.employeeNumber}）`)}
              {row(t('identityAdmin.common.endDate'), a.endDate === null ? '—' : formatDate(a.endDate, lang))}
              {row(t('identityAdmin.account.created'), formatDateTime(a.createdAt, lang))}
              {row(t('identityAdmin.account.passwordChanged'), formatDateTime(a.passwordChangedAt, lang))}
              {row(
                t('identityAdmin.accounts.lastSignIn'),
                a.lastSignInAt === null
                  ? t('identityAdmin.common.never')
                  : formatDateTime(a.lastSignInAt, lang),
              )}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Stack gap={6}>
            <Title order={2} fz="h4">
              {t('identityAdmin.account.profile')}
            </Title>
            <Text fz="sm" data-testid="account-profile">
              {a.profilePreset}
            </Text>
            <Text fz="sm">{t('identityAdmin.account.lockoutThreshold', { count: a.lockoutThreshold })}</Text>
            <Text fz="sm">
              {a.mfaRequired
                ? t('identityAdmin.account.mfaRequired')
                : t('identityAdmin.account.mfaOptional')}
            </Text>
            {a.mustChangePassword && <Badge color="orange">{t('identityAdmin.account.mustChange')}</Badge>}
            <Text fz="sm">{t('identityAdmin.account.sessions', { count: a.openSessions })}</Text>
            <Text fz="sm">{t('identityAdmin.account.factors', { count: a.mfaFactors })}</Text>
            <Title order={2} fz="h4" mt="sm">
              {t('identityAdmin.account.lockout')}
            </Title>
            <Text fz="sm" data-testid="account-lockout">
              {a.lockout === null
                ? t('identityAdmin.account.notLocked', { count: a.failedAttempts })
                : t('identityAdmin.account.lockedSince', {
                    since: formatDateTime(a.lockout.startedAt, lang),
                    failures: a.lockout.failures,
                  })}
            </Text>
            {a.lockout !== null && (
              <Text fz="sm">
                {a.lockout.until === null
                  ? t('identityAdmin.account.lockedUntilUnlock')
                  : t('identityAdmin.account.lockedUntil', { until: formatDateTime(a.lockout.until, lang) })}
              </Text>
            )}
            {a.privileged && a.privilegedGrantedBy !== null && (
              <Text fz="sm">
                {t('identityAdmin.account.grantedBy', {
                  by: a.privilegedGrantedBy,
                  at: a.privilegedGrantedAt === null ? '' : formatDateTime(a.privilegedGrantedAt, lang),
                })}
              </Text>
            )}
          </Stack>
        </Paper>
      </SimpleGrid>
      <Actions account={a} />
      <Paper withBorder p="md" radius="md">
        <Title order={2} fz="h4" mb="xs">
          {t('identityAdmin.account.events')}
        </Title>
        {a.personnelEvents.length === 0 ? (
          <Text fz="sm">{t('identityAdmin.account.noEvents')}</Text>
        ) : (
          <Table withTableBorder fz="sm" maw={640}>
            <Table.Tbody>
              {a.personnelEvents.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{eventKindLabel(t, e.kind)}</Table.Td>
                  <Table.Td>{formatDate(e.effectiveDate, lang)}</Table.Td>
                  <Table.Td>{eventStatusLabel(t, e.status)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
