import { Alert, Button, FileInput, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiErrorAlert, IssueTable } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { exportUrl, importOrg, orgKeys } from './api.js';
import { importFieldLabel } from './import-columns.js';
import { MAX_IMPORT_BYTES, bytesToBase64, countRows, detectFormat, guessSheet } from './import-file.js';
import { type ImportRequest, type ImportResult, type OrgSheet, orgSheets } from './types.js';

function Counts({ result }: { result: ImportResult }) {
  const { t } = useLang();
  const rows = countRows(result.counts);
  const issues = result.issues ?? [];
  const withUnchanged = rows.some((r) => r.unchanged !== null);
  const sheetName = (s: string) =>
    (orgSheets as readonly string[]).includes(s) ? t(`sheet.${s as OrgSheet}`) : s;
  return (
    <Stack gap="xs">
      <Table withTableBorder fz="sm" maw={480} data-testid="import-counts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('importExport.sheetCol')}</Table.Th>
            <Table.Th ta="right">{t('importExport.created')}</Table.Th>
            <Table.Th ta="right">{t('importExport.updated')}</Table.Th>
            {withUnchanged && <Table.Th ta="right">{t('importExport.unchanged')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.sheet}>
              <Table.Td>{sheetName(r.sheet)}</Table.Td>
              <Table.Td ta="right">{r.created}</Table.Td>
              <Table.Td ta="right">{r.updated}</Table.Td>
              {withUnchanged && <Table.Td ta="right">{r.unchanged ?? '—'}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {issues.length > 0 && (
        <>
          <Text fz="sm" fw={600}>
            {t('importExport.issues')}
          </Text>
          <IssueTable issues={issues} describeField={importFieldLabel} />
        </>
      )}
    </Stack>
  );
}

/** /org/import — check a file with a dry run, show counts or per-row errors, then import for real; and export. */
export function ImportExportPage() {
  const { t } = useLang();
  useTitle(t('importExport.title'));
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState<OrgSheet | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [checked, setChecked] = useState<{ request: ImportRequest; result: ImportResult } | null>(null);
  const format = file === null ? null : detectFormat(file.name);

  const dryRun = useMutation({
    mutationFn: async (): Promise<{ request: ImportRequest; result: ImportResult }> => {
      if (file === null || format === null) throw new Error('no file');
      const contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      const request: ImportRequest = {
        format,
        contentBase64,
        ...(format === 'csv' && sheet !== null ? { sheet } : {}),
      };
      return { request, result: await importOrg(true, request) };
    },
    onSuccess: setChecked,
  });
  const commit = useMutation({
    mutationFn: (request: ImportRequest) => importOrg(false, request),
    onSuccess: () => {
      setChecked(null);
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
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
    const problem =
      file === null || format === null
        ? t('importExport.badFile')
        : file.size > MAX_IMPORT_BYTES
          ? t('importExport.tooLarge', { mb: String(MAX_IMPORT_BYTES / 1024 / 1024) })
          : format === 'csv' && sheet === null
            ? t('importExport.needSheet')
            : null;
    if (problem !== null) setLocalError(problem);
    else dryRun.mutate();
  };

  const sheetOptions = orgSheets.map((s) => ({ value: s, label: t(`sheet.${s}`) }));

  return (
    <Stack gap="md" data-testid="import-page">
      <div>
        <Title order={1} fz="h2">
          {t('importExport.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('importExport.lead')}
        </Text>
      </div>

      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('importExport.importTitle')}
          </Title>
          <Group align="flex-end" gap="sm">
            <FileInput
              label={t('importExport.file')}
              placeholder={t('importExport.filePlaceholder')}
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              value={file}
              onChange={(f) => {
                setFile(f);
                if (f !== null && detectFormat(f.name) === 'csv') setSheet(guessSheet(f.name));
                reset();
              }}
              clearable
              w={320}
              data-testid="import-file"
            />
            {format === 'csv' && (
              <Select
                label={t('importExport.sheet')}
                data={sheetOptions}
                value={sheet}
                onChange={(v) => {
                  setSheet(v === null ? null : (v as OrgSheet));
                  reset();
                }}
                w={200}
                data-testid="import-sheet"
              />
            )}
            <Button
              onClick={onCheck}
              loading={dryRun.isPending}
              disabled={file === null}
              data-testid="import-dry-run"
            >
              {t('importExport.dryRun')}
            </Button>
          </Group>
          {localError !== null && (
            <Alert color="red" variant="light" role="alert">
              {localError}
            </Alert>
          )}
          {dryRun.isError && <ApiErrorAlert error={dryRun.error} describeField={importFieldLabel} />}
          {checked !== null && (
            <Stack gap="sm" data-testid="import-dry-run-result">
              <Alert color="blue" variant="light">
                {t('importExport.dryRunOk')}
              </Alert>
              <Counts result={checked.result} />
              <div>
                <Button
                  color="teal"
                  onClick={() => commit.mutate(checked.request)}
                  loading={commit.isPending}
                  data-testid="import-confirm"
                >
                  {t('importExport.confirm')}
                </Button>
              </div>
            </Stack>
          )}
          {commit.isError && <ApiErrorAlert error={commit.error} describeField={importFieldLabel} />}
          {commit.isSuccess && (
            <Stack gap="sm" data-testid="import-done">
              <Alert color="teal" variant="light">
                {t('importExport.imported')}
              </Alert>
              <Counts result={commit.data} />
            </Stack>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('importExport.exportTitle')}
          </Title>
          <Group gap="xs">
            <Button component="a" href={exportUrl('xlsx')} download variant="light" data-testid="export-xlsx">
              {t('importExport.exportXlsx')}
            </Button>
            {orgSheets.map((s) => (
              <Button
                key={s}
                component="a"
                href={exportUrl('csv', s)}
                download
                variant="default"
                data-testid={`export-csv-${s}`}
              >
                {t('importExport.exportCsv')}: {t(`sheet.${s}`)}
              </Button>
            ))}
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
