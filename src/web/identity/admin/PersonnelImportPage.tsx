import { Alert, Anchor, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PersonnelImportView, PersonnelKindCode } from '../../../shared/identity-admin-types.js';
import { formatDate, formatDateTime } from '../../lib/dates.js';
import { MAX_IMPORT_BYTES, bytesToBase64, detectFormat } from '../../org/import-file.js';
import { ApiErrorAlert, PageLoader } from '../../shell/ApiErrorAlert.js';
import { useLang } from '../../shell/useLang.js';
import { useTitle } from '../../shell/useTitle.js';
import {
  importPersonnel,
  lifecycleKeys,
  personnelFieldLabel,
  usePersonnelEvents,
  type PersonnelFile,
} from './lifecycle-api.js';
import { eventKindLabel, eventStatusLabel } from './lifecycle-labels.js';
import { ScimTokensPanel } from './ScimTokensPanel.js';

const kinds: readonly PersonnelKindCode[] = ['hire', 'transfer', 'leave', 'return', 'retirement'];

function Result({ result }: { result: PersonnelImportView }) {
  const { t, lang } = useLang();
  return (
    <Stack gap="sm">
      <Table withTableBorder fz="sm" maw={520} data-testid="personnel-counts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('identityAdmin.personnel.kind')}</Table.Th>
            <Table.Th ta="right">{t('identityAdmin.personnel.applied')}</Table.Th>
            <Table.Th ta="right">{t('identityAdmin.personnel.scheduled')}</Table.Th>
            <Table.Th ta="right">{t('identityAdmin.personnel.unchanged')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {kinds.map((k) => (
            <Table.Tr key={k}>
              <Table.Td>{eventKindLabel(t, k)}</Table.Td>
              <Table.Td ta="right">{result.counts[k].applied}</Table.Td>
              <Table.Td ta="right">{result.counts[k].scheduled}</Table.Td>
              <Table.Td ta="right">{result.counts[k].unchanged}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Table.ScrollContainer minWidth={560}>
        <Table striped withTableBorder fz="sm" data-testid="personnel-events">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>{t('identityAdmin.personnel.row')}</Table.Th>
              <Table.Th>{t('identityAdmin.personnel.kind')}</Table.Th>
              <Table.Th>{t('identityAdmin.common.employeeNumber')}</Table.Th>
              <Table.Th>{t('identityAdmin.personnel.effectiveDate')}</Table.Th>
              <Table.Th>{t('identityAdmin.personnel.result')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.events.map((e, i) => (
              <Table.Tr key={`${String(e.row)}-${e.kind}-${String(i)}`} data-testid="personnel-event-row">
                <Table.Td>{e.row}</Table.Td>
                <Table.Td>{eventKindLabel(t, e.kind)}</Table.Td>
                <Table.Td>{e.employeeNumber}</Table.Td>
                <Table.Td>{formatDate(e.effectiveDate, lang)}</Table.Td>
                <Table.Td>{eventStatusLabel(t, e.status)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {result.accounts.length > 0 && (
        <Stack gap="xs">
          <Text fw={600} fz="sm">
            {t('identityAdmin.personnel.accounts')}
          </Text>
          {!result.dryRun && (
            <Alert color="orange" variant="light">
              {t('identityAdmin.common.shownOnce')}
            </Alert>
          )}
          <Table withTableBorder fz="sm" data-testid="personnel-accounts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('identityAdmin.common.loginId')}</Table.Th>
                <Table.Th>{t('identityAdmin.common.name')}</Table.Th>
                <Table.Th>{t('identityAdmin.common.employeeNumber')}</Table.Th>
                <Table.Th>{t('identityAdmin.personnel.usableFrom')}</Table.Th>
                {!result.dryRun && <Table.Th>{t('identityAdmin.common.temporaryPassword')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.accounts.map((a) => (
                <Table.Tr key={a.accountId} data-testid="personnel-account-row">
                  <Table.Td>{a.loginId}</Table.Td>
                  <Table.Td>{a.name}</Table.Td>
                  <Table.Td>{a.employeeNumber}</Table.Td>
                  <Table.Td>{formatDate(a.usableFrom, lang)}</Table.Td>
                  {!result.dryRun && (
                    <Table.Td>
                      <Text
                        component="code"
                        ff="monospace"
                        fz="sm"
                        data-testid="personnel-temporary-password"
                      >
                        {a.temporaryPassword ?? '—'}
                      </Text>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}

function RecentEvents() {
  const { t, lang } = useLang();
  const events = usePersonnelEvents();
  if (events.isPending) return <PageLoader />;
  if (events.isError) return <ApiErrorAlert error={events.error} onRetry={() => void events.refetch()} />;
  if (events.data.length === 0) return <Text fz="sm">{t('identityAdmin.personnel.none')}</Text>;
  const source = (s: string) =>
    s === 'import' || s === 'scim' || s === 'api' ? t(`identityAdmin.personnel.source_${s}`) : s;
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table striped withTableBorder fz="sm" data-testid="personnel-recent">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('identityAdmin.personnel.kind')}</Table.Th>
            <Table.Th>{t('identityAdmin.common.employeeNumber')}</Table.Th>
            <Table.Th>{t('identityAdmin.common.name')}</Table.Th>
            <Table.Th>{t('identityAdmin.personnel.effectiveDate')}</Table.Th>
            <Table.Th>{t('identityAdmin.personnel.result')}</Table.Th>
            <Table.Th>{t('identityAdmin.personnel.source')}</Table.Th>
            <Table.Th>{t('identityAdmin.personnel.recordedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.data.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{eventKindLabel(t, e.kind)}</Table.Td>
              <Table.Td>{e.employeeNumber}</Table.Td>
              <Table.Td>{e.name ?? '—'}</Table.Td>
              <Table.Td>{formatDate(e.effectiveDate, lang)}</Table.Td>
              <Table.Td>{eventStatusLabel(t, e.status)}</Table.Td>
              <Table.Td>{source(e.source)}</Table.Td>
              <Table.Td>{formatDateTime(e.recordedAt, lang)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * /identity/personnel — the personnel office's file: a dry run shows what would happen (or every wrong row), then
 * the import applies it; temporary passwords of new accounts are shown once. Below: recent events, SCIM tokens.
 */
export function PersonnelImportPage() {
  const { t } = useLang();
  useTitle(t('identityAdmin.personnel.title'));
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [checked, setChecked] = useState<{ request: PersonnelFile; result: PersonnelImportView } | null>(
    null,
  );
  const format = file === null ? null : detectFormat(file.name);

  const dryRun = useMutation({
    mutationFn: async () => {
      if (file === null || format === null) throw new Error('no file');
      const request: PersonnelFile = {
        format,
        contentBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())),
        fileName: file.name,
      };
      return { request, result: await importPersonnel(true, request) };
    },
    onSuccess: setChecked,
  });
  const commit = useMutation({
    mutationFn: (request: PersonnelFile) => importPersonnel(false, request),
    onSuccess: () => {
      setChecked(null);
      void queryClient.invalidateQueries({ queryKey: lifecycleKeys.all });
    },
  });
  const reset = () => {
    setChecked(null);
    setLocalError(null);
    dryRun.reset();
    commit.reset();
  };
  const onCheck = () => {
    reset();
    if (file === null || format === null) setLocalError(t('identityAdmin.personnel.badFile'));
    else if (file.size > MAX_IMPORT_BYTES)
      setLocalError(t('importExport.tooLarge', { mb: String(MAX_IMPORT_BYTES / 1024 / 1024) }));
    else dryRun.mutate();
  };

  return (
    <Stack gap="md" data-testid="personnel-page">
      <div>
        <Title order={1} fz="h2">
          {t('identityAdmin.personnel.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('identityAdmin.personnel.lead')}
        </Text>
      </div>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Group align="flex-end" gap="sm">
            <FileInput
              label={t('identityAdmin.personnel.file')}
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              value={file}
              onChange={(f) => {
                setFile(f);
                reset();
              }}
              clearable
              w={320}
              data-testid="personnel-file"
            />
            <Button
              onClick={onCheck}
              loading={dryRun.isPending}
              disabled={file === null}
              data-testid="personnel-dry-run"
            >
              {t('identityAdmin.personnel.dryRun')}
            </Button>
            <Anchor href="/api/identity/personnel/template.csv" download fz="sm">
              {t('identityAdmin.personnel.template')}
            </Anchor>
          </Group>
          {localError !== null && (
            <Alert color="red" variant="light" role="alert">
              {localError}
            </Alert>
          )}
          {dryRun.isError && <ApiErrorAlert error={dryRun.error} describeField={personnelFieldLabel} />}
          {checked !== null && (
            <Stack gap="sm" data-testid="personnel-dry-run-result">
              <Alert color="blue" variant="light">
                {t('identityAdmin.personnel.dryRunOk')}
              </Alert>
              <Result result={checked.result} />
              <div>
                <Button
                  color="teal"
                  onClick={() => commit.mutate(checked.request)}
                  loading={commit.isPending}
                  data-testid="personnel-confirm"
                >
                  {t('identityAdmin.personnel.confirm')}
                </Button>
              </div>
            </Stack>
          )}
          {commit.isError && <ApiErrorAlert error={commit.error} describeField={personnelFieldLabel} />}
          {commit.isSuccess && (
            <Stack gap="sm" data-testid="personnel-done">
              <Alert color="teal" variant="light">
                {t('identityAdmin.personnel.done')}
              </Alert>
              <Result result={commit.data} />
            </Stack>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('identityAdmin.personnel.recent')}
          </Title>
          <RecentEvents />
        </Stack>
      </Paper>
      <ScimTokensPanel />
    </Stack>
  );
}
