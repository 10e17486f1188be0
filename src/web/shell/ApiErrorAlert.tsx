import { Alert, Button, Center, Loader, Stack, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { type ApiIssue, isApiError } from '../api/client.js';
import { useLang } from './useLang.js';

/** Per-row, per-field problems as a table: 行 / 項目 / 内容. */
export function IssueTable({
  issues,
  describeField,
}: {
  issues: readonly ApiIssue[];
  /** A readable name for a field key (e.g. the file's column header); the key itself otherwise. */
  describeField?: (field: string, lang: 'ja' | 'en') => string;
}) {
  const { t, lang } = useLang();
  const withRows = issues.some((i) => i.row !== undefined);
  return (
    <Table.ScrollContainer minWidth={400}>
      <Table striped withTableBorder data-testid="issue-table" fz="sm">
        <Table.Thead>
          <Table.Tr>
            {withRows && <Table.Th w={70}>{t('common.row')}</Table.Th>}
            <Table.Th w={180}>{t('common.field')}</Table.Th>
            <Table.Th>{t('common.content')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.map((issue, i) => (
            <Table.Tr key={`${String(issue.row ?? '')}-${issue.field}-${String(i)}`} data-testid="issue-row">
              {withRows && <Table.Td>{issue.row ?? '—'}</Table.Td>}
              <Table.Td>
                {issue.field === '' ? (
                  '—'
                ) : describeField === undefined ? (
                  <Text component="code" ff="monospace" fz="sm">
                    {issue.field}
                  </Text>
                ) : (
                  <Text fz="sm" title={issue.field}>
                    {describeField(issue.field, lang)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{issue.message[lang]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The server's message in the reader's language, its issues, and the request ID to quote to the help desk. */
export function ApiErrorAlert({
  error,
  onRetry,
  describeField,
}: {
  error: unknown;
  onRetry?: () => void;
  describeField?: (field: string, lang: 'ja' | 'en') => string;
}) {
  const { t, lang } = useLang();
  const message = isApiError(error) ? error.bilingual[lang] : t('errors.unexpected');
  return (
    <Alert color="red" variant="light" title={t('errors.title')} data-testid="api-error" role="alert">
      <Stack gap="xs">
        <Text size="sm" data-testid="api-error-message">
          {message}
        </Text>
        {isApiError(error) && error.issues.length > 0 && (
          <IssueTable issues={error.issues} {...(describeField !== undefined ? { describeField } : {})} />
        )}
        {isApiError(error) && error.requestId !== null && (
          <Text size="xs" c="dimmed">
            {t('common.requestId', { id: error.requestId })}
          </Text>
        )}
        {onRetry !== undefined && (
          <div>
            <Button size="xs" variant="default" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  );
}

export function ForbiddenNotice() {
  const { t } = useLang();
  return (
    <Alert color="yellow" variant="light" data-testid="forbidden" role="status">
      {t('errors.forbidden')}
    </Alert>
  );
}

export function PageLoader() {
  const { t } = useLang();
  return (
    <Center py="xl" data-testid="loading">
      <Loader size="sm" aria-label={t('common.loading')} />
    </Center>
  );
}

/** Loading, a friendly notice for 403, the error with retry, or the data. */
export function QueryView<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    const e = query.error;
    if (isApiError(e) && e.status === 403 && e.code !== 'passwordChangeRequired') return <ForbiddenNotice />;
    return <ApiErrorAlert error={e} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}
