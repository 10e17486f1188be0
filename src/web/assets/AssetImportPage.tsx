import { Alert, Button, FileInput, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AssetImportResult } from '../../shared/api-types.js';
import { MAX_IMPORT_BYTES, bytesToBase64, detectFormat } from '../org/import-file.js';
import { ApiErrorAlert } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { assetKeys, importAssets } from './api.js';
import { assetImportFieldLabel } from './import-columns.js';

const sheets = ['places', 'media', 'assets'] as const;
type Sheet = (typeof sheets)[number];
interface ImportBody extends Record<string, unknown> {
  format: 'csv' | 'xlsx';
  contentBase64: string;
  fileName: string;
  sheet?: Sheet;
}

function Counts({ result }: { result: AssetImportResult }) {
  const { t } = useLang();
  return (
    <Table withTableBorder fz="sm" maw={480} data-testid="asset-import-counts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('importExport.sheetCol')}</Table.Th>
          <Table.Th ta="right">{t('importExport.created')}</Table.Th>
          <Table.Th ta="right">{t('importExport.updated')}</Table.Th>
          <Table.Th ta="right">{t('importExport.unchanged')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sheets.map((s) => {
          const c = result.counts[s];
          return c === undefined ? null : (
            <Table.Tr key={s}>
              <Table.Td>{t(`assets.import.${s}`)}</Table.Td>
              <Table.Td ta="right">{c.created}</Table.Td>
              <Table.Td ta="right">{c.updated}</Table.Td>
              <Table.Td ta="right">{c.unchanged}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/**
 * /assets/import — an existing asset register from Excel or CSV: a dry run first, which lists wrong rows with their
 * sheet, row and column and writes nothing; then the import itself. The same reader as the organisation file.
 */
export function AssetImportPage() {
  const { t } = useLang();
  useTitle(t('assets.import.title'));
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState<Sheet>('assets');
  const [problem, setProblem] = useState<string | null>(null);
  const [checked, setChecked] = useState<{ body: ImportBody; result: AssetImportResult } | null>(null);
  const format = file === null ? null : detectFormat(file.name);
  const dryRun = useMutation({
    mutationFn: async () => {
      if (file === null || format === null) throw new Error('no file');
      const body: ImportBody = {
        format,
        contentBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())),
        fileName: file.name,
        ...(format === 'csv' ? { sheet } : {}),
      };
      return { body, result: await importAssets(true, body) };
    },
    onSuccess: setChecked,
  });
  const commit = useMutation({
    mutationFn: (body: ImportBody) => importAssets(false, body),
    onSuccess: () => {
      setChecked(null);
      void client.invalidateQueries({ queryKey: assetKeys.all });
    },
  });
  const onCheck = () => {
    setChecked(null);
    commit.reset();
    const issue =
      file === null || format === null
        ? t('importExport.badFile')
        : file.size > MAX_IMPORT_BYTES
          ? t('importExport.tooLarge', { mb: String(MAX_IMPORT_BYTES / 1024 / 1024) })
          : null;
    setProblem(issue);
    if (issue === null) dryRun.mutate();
  };
  return (
    <Stack gap="md" data-testid="asset-import-page">
      <Title order={1} fz="h2">
        {t('assets.import.title')}
      </Title>
      <Text fz="sm" c="dimmed">
        {t('assets.import.lead')}
      </Text>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Group align="flex-end" gap="sm">
            <FileInput
              label={t('importExport.file')}
              placeholder={t('importExport.filePlaceholder')}
              accept=".xlsx,.csv"
              value={file}
              onChange={(f) => {
                setFile(f);
                setChecked(null);
              }}
              clearable
              w={320}
              data-testid="asset-import-file"
            />
            {format === 'csv' && (
              <Select
                label={t('assets.import.sheet')}
                w={200}
                value={sheet}
                onChange={(v) => setSheet((v ?? 'assets') as Sheet)}
                data={sheets.map((s) => ({ value: s, label: t(`assets.import.${s}`) }))}
              />
            )}
            <Button
              onClick={onCheck}
              loading={dryRun.isPending}
              disabled={file === null}
              data-testid="asset-import-dry-run"
            >
              {t('importExport.dryRun')}
            </Button>
          </Group>
          {problem !== null && (
            <Alert color="red" variant="light" role="alert">
              {problem}
            </Alert>
          )}
          {dryRun.isError && <ApiErrorAlert error={dryRun.error} describeField={assetImportFieldLabel} />}
          {checked !== null && (
            <Stack gap="sm" data-testid="asset-import-checked">
              <Alert color="blue" variant="light">
                {t('importExport.dryRunOk')}
              </Alert>
              <Counts result={checked.result} />
              <div>
                <Button
                  color="teal"
                  onClick={() => commit.mutate(checked.body)}
                  loading={commit.isPending}
                  data-testid="asset-import-confirm"
                >
                  {t('importExport.confirm')}
                </Button>
              </div>
            </Stack>
          )}
          {commit.isError && <ApiErrorAlert error={commit.error} describeField={assetImportFieldLabel} />}
          {commit.isSuccess && (
            <Stack gap="sm" data-testid="asset-import-done">
              <Alert color="teal" variant="light">
                {t('importExport.imported')}
              </Alert>
              <Counts result={commit.data} />
            </Stack>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
