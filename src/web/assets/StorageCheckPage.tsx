import { Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { unitName } from '../lib/labels.js';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { useStorageCheck } from './api.js';
import { UnitFilter } from './Filters.js';
import { classLabel } from './labels.js';
import { StorageFindings } from './StorageFindings.js';

const ruleKey: Readonly<Record<string, 'b' | 'c' | 'd' | undefined>> = {
  '4.2.5.b': 'b',
  '4.2.5.c': 'c',
  '4.2.5.d': 'd',
};

/** /assets/storage — the storage checks of 4-2(5) over the media register, with the evidence of each. */
export function StorageCheckPage() {
  const { t, lang } = useLang();
  useTitle(t('assets.storage.title'));
  const [unitId, setUnitId] = useState('');
  const [failing, setFailing] = useState(false);
  const check = useStorageCheck({ unitId, failing: failing ? 'true' : null });
  return (
    <Stack gap="md" data-testid="storage-page">
      <Title order={1} fz="h2">
        {t('assets.storage.title')}
      </Title>
      <QueryView query={check}>
        {(view) => (
          <Stack gap="md">
            <Text c="dimmed" fz="sm">
              {t('assets.storage.lead', { months: String(view.longTermMonths) })}
            </Text>
            <Table withTableBorder fz="sm" maw={900} data-testid="storage-rules">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assets.storage.rule')}</Table.Th>
                  <Table.Th ta="right">{t('assets.storage.checked')}</Table.Th>
                  <Table.Th ta="right">{t('assets.storage.failing')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.rules.map((r) => (
                  <Table.Tr key={r.clauseId} data-clause={r.clauseId}>
                    <Table.Td>{t(`assets.storage.${ruleKey[r.clauseId] ?? 'b'}`)}</Table.Td>
                    <Table.Td ta="right">{r.checked}</Table.Td>
                    <Table.Td
                      ta="right"
                      c={r.failing > 0 ? 'red' : undefined}
                      fw={r.failing > 0 ? 700 : undefined}
                    >
                      {r.failing}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group gap="sm" align="flex-end">
              <UnitFilter value={unitId} onChange={setUnitId} testId="storage-unit" />
              <Checkbox
                label={t('assets.storage.failingOnly')}
                checked={failing}
                onChange={(e) => setFailing(e.currentTarget.checked)}
              />
            </Group>
            {view.media.length === 0 ? (
              <Paper withBorder p="md">
                <Text>{t('assets.storage.none')}</Text>
              </Paper>
            ) : (
              <Table.ScrollContainer minWidth={800}>
                <Table striped withTableBorder fz="sm" data-testid="storage-media">
                  <Table.Tbody>
                    {view.media.map((m) => (
                      <Table.Tr key={m.id}>
                        <Table.Td ff="monospace" w={160}>
                          {m.code}
                        </Table.Td>
                        <Table.Td w={260}>
                          {m.label}
                          <Text fz="xs" c="dimmed">
                            {unitName(m.owningUnit, lang)}・{m.storagePlace?.name ?? '—'}・
                            {classLabel(t, m.classification)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <StorageFindings findings={m.findings} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
