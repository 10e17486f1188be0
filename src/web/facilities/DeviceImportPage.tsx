import { Alert, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MAX_IMPORT_BYTES, bytesToBase64, detectFormat } from '../org/import-file.js';
import { ApiErrorAlert } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { deviceKeys, importDevicesFile } from './api.js';

interface ImportBody extends Record<string, unknown> {
  format: 'csv' | 'xlsx';
  contentBase64: string;
  fileName: string;
}

/**
 * /facilities/import — an existing device register from Excel or CSV: a dry run first, which lists wrong rows with
 * their row and column and writes nothing; then the import itself. The same reader as the asset register.
 */
export function DeviceImportPage() {
  const { t } = useLang();
  useTitle(t('facilities.import.title'));
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [checked, setChecked] = useState<{ body: ImportBody; created: number } | null>(null);
  const format = file === null ? null : detectFormat(file.name);
  const dryRun = useMutation({
    mutationFn: async () => {
      if (file === null || format === null) throw new Error('no file');
      const body: ImportBody = {
        format,
        contentBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())),
        fileName: file.name,
      };
      return { body, created: (await importDevicesFile(true, body)).created };
    },
    onSuccess: setChecked,
  });
  const commit = useMutation({
    mutationFn: (body: ImportBody) => importDevicesFile(false, body),
    onSuccess: () => {
      setChecked(null);
      void client.invalidateQueries({ queryKey: deviceKeys.all });
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
    <Stack gap="md" data-testid="device-import-page">
      <Title order={1} fz="h2">
        {t('facilities.import.title')}
      </Title>
      <Text fz="sm" c="dimmed">
        {t('facilities.import.lead')}
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
              data-testid="device-import-file"
            />
            <Button
              onClick={onCheck}
              loading={dryRun.isPending}
              disabled={file === null}
              data-testid="device-import-dry-run"
            >
              {t('importExport.dryRun')}
            </Button>
          </Group>
          {problem !== null && (
            <Alert color="red" variant="light" role="alert">
              {problem}
            </Alert>
          )}
          {dryRun.isError && <ApiErrorAlert error={dryRun.error} />}
          {checked !== null && (
            <Stack gap="sm" data-testid="device-import-checked">
              <Alert color="blue" variant="light">
                {t('importExport.dryRunOk')} {t('facilities.import.count', { count: checked.created })}
              </Alert>
              <div>
                <Button
                  color="teal"
                  onClick={() => commit.mutate(checked.body)}
                  loading={commit.isPending}
                  data-testid="device-import-confirm"
                >
                  {t('importExport.confirm')}
                </Button>
              </div>
            </Stack>
          )}
          {commit.isError && <ApiErrorAlert error={commit.error} />}
          {commit.isSuccess && (
            <Alert color="teal" variant="light" data-testid="device-import-done">
              {t('importExport.imported')} {t('facilities.import.count', { count: commit.data.created })}
            </Alert>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
