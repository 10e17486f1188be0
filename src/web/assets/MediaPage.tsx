import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MediumView } from '../../shared/api-types.js';
import { useCurrentSession } from '../identity/session.js';
import { formatDate } from '../lib/dates.js';
import { unitName } from '../lib/labels.js';
import { useUnits } from '../org/api.js';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { ActionModal, type ActionValues } from './ActionModal.js';
import { assetKeys, exportUrl, registerMedium, updateMedium, useMedia, usePlaces } from './api.js';
import { UnitFilter } from './Filters.js';
import { assetLabel, classColor, classLabel, keepsRecords, optionsOf } from './labels.js';
import { StorageFindings } from './StorageFindings.js';

const yesNo = (v: string | undefined): boolean => v === 'true';

/** /assets/media — 記録媒体台帳 with the storage checks of each medium (4-2(4)ウ, 4-2(5)). */
export function MediaPage() {
  const { t, lang } = useLang();
  useTitle(t('assets.media.title'));
  const session = useCurrentSession();
  const client = useQueryClient();
  const units = useUnits();
  const places = usePlaces();
  const [unitId, setUnitId] = useState('');
  const [status, setStatus] = useState('');
  const media = useMedia({ unitId, status });
  const [editing, setEditing] = useState<MediumView | 'new' | null>(null);
  const yes = [
    { value: 'true', label: t('assets.common.yes') },
    { value: 'false', label: t('assets.common.no') },
  ];
  const body = (v: ActionValues) => ({
    code: v['code'] ?? '',
    label: v['label'] ?? '',
    kind: v['kind'] ?? '',
    removable: yesNo(v['removable']),
    owningUnitId: v['owningUnitId'] ?? '',
    storagePlaceId: v['storagePlaceId'] ?? null,
    purpose: v['purpose'] ?? '',
    usage: v['usage'] || 'frequent',
    storedSince: v['storedSince'] ?? null,
    writeProtected: yesNo(v['writeProtected']),
    writeProtectedOn: v['writeProtectedOn'] ?? null,
    writeProtectionMethod: v['writeProtectionMethod'] ?? null,
    encrypted: yesNo(v['encrypted']),
    status: v['status'] || 'inUse',
  });
  const m = editing === 'new' || editing === null ? null : editing;
  return (
    <Stack gap="md" data-testid="media-page">
      <Group justify="space-between">
        <Title order={1} fz="h2">
          {t('assets.media.title')}
        </Title>
        <Group gap="xs">
          <Button component="a" href={exportUrl('media', 'xlsx', { unitId, status })} variant="light">
            {t('assets.common.exportXlsx')}
          </Button>
          <Button component="a" href={exportUrl('media', 'pdf', { unitId, status })} variant="light">
            {t('assets.common.exportPdf')}
          </Button>
          {keepsRecords(session) && (
            <Button onClick={() => setEditing('new')} data-testid="media-new">
              {t('assets.media.new')}
            </Button>
          )}
        </Group>
      </Group>
      <Text c="dimmed" fz="sm">
        {t('assets.media.lead')}
      </Text>
      <Group gap="sm" align="flex-end">
        <UnitFilter value={unitId} onChange={setUnitId} testId="media-unit" />
        <Select
          label={t('assets.common.status')}
          clearable
          w={160}
          value={status === '' ? null : status}
          onChange={(v) => setStatus(v ?? '')}
          placeholder={t('assets.common.all')}
          data={optionsOf(t, 'mediumStatus', ['inUse', 'stored', 'disposed', 'lost'])}
        />
      </Group>
      <QueryView query={media}>
        {(list) =>
          list.length === 0 ? (
            <Paper withBorder p="md">
              <Text>{t('assets.media.empty')}</Text>
            </Paper>
          ) : (
            <Table.ScrollContainer minWidth={1000}>
              <Table striped withTableBorder fz="sm" data-testid="media-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('assets.common.code')}</Table.Th>
                    <Table.Th>{t('assets.media.label')}</Table.Th>
                    <Table.Th>{t('assets.common.unit')}</Table.Th>
                    <Table.Th>{t('assets.media.place')}</Table.Th>
                    <Table.Th>{t('assets.media.highest')}</Table.Th>
                    <Table.Th>{t('assets.media.storedSince')}</Table.Th>
                    <Table.Th>{t('assets.media.findings')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((row) => (
                    <Table.Tr key={row.id} data-testid="medium-row" data-code={row.code}>
                      <Table.Td ff="monospace">
                        {keepsRecords(session) && row.status !== 'disposed' ? (
                          <Button variant="subtle" size="compact-sm" onClick={() => setEditing(row)}>
                            {row.code}
                          </Button>
                        ) : (
                          row.code
                        )}
                      </Table.Td>
                      <Table.Td>
                        {row.label}
                        <Text fz="xs" c="dimmed">
                          {assetLabel(t, 'mediumKind', row.kind)}・{assetLabel(t, 'purpose', row.purpose)}・
                          {assetLabel(t, 'mediumStatus', row.status)}
                          {row.writeProtected ? `・${t('assets.media.writeProtected')}` : ''}
                          {row.encrypted ? `・${t('assets.media.encrypted')}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>{unitName(row.owningUnit, lang)}</Table.Td>
                      <Table.Td>{row.storagePlace?.name ?? '—'}</Table.Td>
                      <Table.Td>
                        {row.classification === null ? (
                          '—'
                        ) : (
                          <Badge color={classColor(row.classification)} variant="light">
                            {classLabel(t, row.classification)}（{row.assetCount}）
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {row.storedSince === null ? '—' : formatDate(row.storedSince, lang)}
                      </Table.Td>
                      <Table.Td maw={360}>
                        <StorageFindings findings={row.findings} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
      {editing !== null && (
        <ActionModal
          opened
          onClose={() => setEditing(null)}
          title={m === null ? t('assets.media.new') : `${m.code} ${m.label}`}
          testId="medium-form"
          submitLabel={t('assets.common.save')}
          fields={[
            { key: 'code', label: t('assets.common.code'), type: 'text', required: true, initial: m?.code },
            { key: 'label', label: t('assets.media.label'), type: 'text', required: true, initial: m?.label },
            {
              key: 'kind',
              label: t('assets.media.kind'),
              type: 'select',
              required: true,
              options: optionsOf(t, 'mediumKind', [
                'usbMemory',
                'externalDisk',
                'opticalDisc',
                'tape',
                'sdCard',
                'internalDisk',
                'paper',
                'other',
              ]),
              initial: m?.kind,
            },
            {
              key: 'removable',
              label: t('assets.media.removable'),
              type: 'select',
              options: yes,
              initial: String(m?.removable ?? true),
            },
            {
              key: 'owningUnitId',
              label: t('assets.common.unit'),
              type: 'select',
              required: true,
              options: (units.data ?? []).map((u) => ({ value: u.id, label: unitName(u, lang) })),
              initial: m?.owningUnit.id ?? session.account.unit?.id,
            },
            {
              key: 'storagePlaceId',
              label: t('assets.media.place'),
              type: 'select',
              options: (places.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` })),
              initial: m?.storagePlace?.id,
            },
            {
              key: 'purpose',
              label: t('assets.media.purpose'),
              type: 'select',
              required: true,
              options: optionsOf(t, 'purpose', ['working', 'backup', 'archive', 'transfer']),
              initial: m?.purpose,
            },
            {
              key: 'usage',
              label: t('assets.media.usage'),
              type: 'select',
              options: optionsOf(t, 'usage', ['frequent', 'rare']),
              initial: m?.usage,
            },
            {
              key: 'status',
              label: t('assets.common.status'),
              type: 'select',
              options: optionsOf(t, 'mediumStatus', ['inUse', 'stored', 'lost']),
              initial: m?.status,
            },
            {
              key: 'storedSince',
              label: t('assets.media.storedSince'),
              type: 'date',
              initial: m?.storedSince ?? undefined,
            },
            {
              key: 'writeProtected',
              label: t('assets.media.writeProtected'),
              type: 'select',
              options: yes,
              initial: String(m?.writeProtected ?? false),
            },
            {
              key: 'writeProtectedOn',
              label: t('assets.media.writeProtectedOn'),
              type: 'date',
              initial: m?.writeProtectedOn ?? undefined,
            },
            {
              key: 'writeProtectionMethod',
              label: t('assets.media.writeProtectionMethod'),
              type: 'text',
              initial: m?.writeProtectionMethod ?? undefined,
            },
            {
              key: 'encrypted',
              label: t('assets.media.encrypted'),
              type: 'select',
              options: yes,
              initial: String(m?.encrypted ?? false),
            },
          ]}
          onSubmit={async (v) => {
            await (m === null ? registerMedium(body(v)) : updateMedium(m.id, body(v)));
            await client.invalidateQueries({ queryKey: assetKeys.all });
          }}
        />
      )}
    </Stack>
  );
}
