import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { exportUrl, useHandlings } from './api.js';
import { UnitFilter } from './Filters.js';
import { HandlingTable } from './HandlingTable.js';
import { optionsOf } from './labels.js';

const kinds = [
  'transport',
  'provision',
  'publication',
  'publicationCheck',
  'disposal',
  'receipt',
  'copy',
  'transmission',
  'draftErased',
  'classificationRuled',
  'reclassified',
];

/** /assets/handlings — the handling log with its filters, Excel and PDF (第4 2(3)–(8)). */
export function HandlingLogPage() {
  const { t } = useLang();
  useTitle(t('assets.handlings.title'));
  const [kind, setKind] = useState('');
  const [unitId, setUnitId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const q = { kind, unitId, from, to };
  const log = useHandlings(q);
  return (
    <Stack gap="md" data-testid="handlings-page">
      <Group justify="space-between">
        <Title order={1} fz="h2">
          {t('assets.handlings.title')}
        </Title>
        <Group gap="xs">
          <Button
            component="a"
            href={exportUrl('handlings', 'xlsx', q)}
            variant="light"
            data-testid="handlings-export-xlsx"
          >
            {t('assets.common.exportXlsx')}
          </Button>
          <Button
            component="a"
            href={exportUrl('handlings', 'pdf', q)}
            variant="light"
            data-testid="handlings-export-pdf"
          >
            {t('assets.common.exportPdf')}
          </Button>
        </Group>
      </Group>
      <Text c="dimmed" fz="sm">
        {t('assets.handlings.lead')}
      </Text>
      <Group gap="sm" align="flex-end">
        <Select
          label={t('assets.handlings.kind')}
          clearable
          w={180}
          value={kind === '' ? null : kind}
          onChange={(v) => setKind(v ?? '')}
          placeholder={t('assets.common.all')}
          data={optionsOf(t, 'handlingKind', kinds)}
          data-testid="handlings-kind"
        />
        <UnitFilter value={unitId} onChange={setUnitId} testId="handlings-unit" />
        <TextInput
          type="date"
          label={t('assets.handlings.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('assets.handlings.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </Group>
      <QueryView query={log}>
        {(rows) =>
          rows.length === 0 ? (
            <Paper withBorder p="md">
              <Text data-testid="handlings-empty">{t('assets.handlings.empty')}</Text>
            </Paper>
          ) : (
            <HandlingTable rows={rows} />
          )
        }
      </QueryView>
    </Stack>
  );
}
