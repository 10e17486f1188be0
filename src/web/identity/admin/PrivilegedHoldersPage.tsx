import { Alert, Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../lib/dates.js';
import { unitName } from '../../lib/labels.js';
import { ApiErrorAlert, PageLoader } from '../../shell/ApiErrorAlert.js';
import { useLang } from '../../shell/useLang.js';
import { useTitle } from '../../shell/useTitle.js';
import { useCurrentSession } from '../session.js';
import { usePrivilegedHolders } from './lifecycle-api.js';
import { lifecycleAccess } from './lifecycle-access.js';
import { KindBadge } from './lifecycle-labels.js';

/** /identity/privileged — privileged ID holders per information system, against the pack's limit (7-2(1)ウ(ア)). */
export function PrivilegedHoldersPage() {
  const { t, lang } = useLang();
  useTitle(t('identityAdmin.privileged.title'));
  const report = usePrivilegedHolders();
  const linkAccounts = lifecycleAccess(useCurrentSession()).accounts;
  const limit = report.data?.[0]?.limit ?? 3;
  return (
    <Stack gap="md" data-testid="privileged-page">
      <div>
        <Title order={1} fz="h2">
          {t('identityAdmin.privileged.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('identityAdmin.privileged.lead', { limit: String(limit) })}
        </Text>
      </div>
      {report.isPending && <PageLoader />}
      {report.isError && <ApiErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.data?.length === 0 && <Alert variant="light">{t('identityAdmin.privileged.none')}</Alert>}
      {report.data?.map((system) => (
        <Paper key={system.systemName ?? ''} withBorder p="md" radius="md" data-testid="privileged-system">
          <Stack gap="sm">
            <Group gap="sm">
              <Title order={2} fz="h4">
                {system.systemName ?? t('identityAdmin.common.mamori')}
              </Title>
              <Text fz="sm">
                {t('identityAdmin.privileged.holders', { count: system.holders.length, limit: system.limit })}
              </Text>
              <Badge color={system.over ? 'red' : 'teal'} data-testid="privileged-limit">
                {system.over ? t('identityAdmin.privileged.over') : t('identityAdmin.privileged.within')}
              </Badge>
            </Group>
            <Table.ScrollContainer minWidth={760}>
              <Table striped withTableBorder fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('identityAdmin.common.loginId')}</Table.Th>
                    <Table.Th>{t('identityAdmin.common.name')}</Table.Th>
                    <Table.Th>{t('identityAdmin.common.unit')}</Table.Th>
                    <Table.Th>{t('identityAdmin.accounts.kind')}</Table.Th>
                    <Table.Th>{t('identityAdmin.privileged.grantedBy')}</Table.Th>
                    <Table.Th>{t('identityAdmin.accounts.lastSignIn')}</Table.Th>
                    <Table.Th>{t('identityAdmin.common.endDate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {system.holders.map((h) => (
                    <Table.Tr key={h.accountId} data-testid="privileged-holder">
                      <Table.Td>
                        {linkAccounts ? (
                          <Anchor component={Link} to={`/identity/accounts/${h.accountId}`} fz="sm">
                            {h.loginId}
                          </Anchor>
                        ) : (
                          h.loginId
                        )}
                      </Table.Td>
                      <Table.Td>{h.name ?? '—'}</Table.Td>
                      <Table.Td>{h.unit === null ? '—' : unitName(h.unit, lang)}</Table.Td>
                      <Table.Td>
                        <KindBadge t={t} kind={h.kind} />
                      </Table.Td>
                      <Table.Td>
                        {h.grantedBy ?? (h.systemRole === 'administrator' ? 'system:startup' : '—')}
                        {h.grantedAt !== null && (
                          <Text fz="xs" c="dimmed">
                            {formatDateTime(h.grantedAt, lang)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {h.lastSignInAt === null
                          ? t('identityAdmin.common.never')
                          : formatDateTime(h.lastSignInAt, lang)}
                      </Table.Td>
                      <Table.Td>{h.endDate === null ? '—' : formatDate(h.endDate, lang)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
