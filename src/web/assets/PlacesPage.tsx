import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { StoragePlaceView } from '../../shared/api-types.js';
import { useCurrentSession } from '../identity/session.js';
import { formatDate } from '../lib/dates.js';
import { unitName } from '../lib/labels.js';
import { useUnits } from '../org/api.js';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { ActionModal, type ActionValues } from './ActionModal.js';
import { assetKeys, registerPlace, updatePlace, usePlaces } from './api.js';
import { assetLabel, keepsRecords, optionsOf } from './labels.js';

const flags = ['fireproof', 'heatproof', 'waterproof', 'humidityproof', 'lowDisasterRisk'] as const;

/** /assets/places — where media and paper are kept, with their protections (4-2(5)ウ・エ). */
export function PlacesPage() {
  const { t, lang } = useLang();
  useTitle(t('assets.places.title'));
  const session = useCurrentSession();
  const client = useQueryClient();
  const units = useUnits();
  const places = usePlaces();
  const [editing, setEditing] = useState<StoragePlaceView | 'new' | null>(null);
  const p = editing === 'new' || editing === null ? null : editing;
  const yes = [
    { value: 'true', label: t('assets.common.yes') },
    { value: 'false', label: t('assets.common.no') },
  ];
  const body = (v: ActionValues) => ({
    code: v['code'] ?? '',
    name: v['name'] ?? '',
    kind: v['kind'] ?? '',
    owningUnitId: v['owningUnitId'] ?? null,
    location: v['location'] ?? null,
    ...Object.fromEntries(flags.map((f) => [f, v[f] === 'true'])),
    disasterRiskBasis: v['disasterRiskBasis'] ?? null,
    assessedOn: v['assessedOn'] ?? null,
    note: v['note'] ?? null,
  });
  return (
    <Stack gap="md" data-testid="places-page">
      <Group justify="space-between">
        <Title order={1} fz="h2">
          {t('assets.places.title')}
        </Title>
        {keepsRecords(session) && (
          <Button onClick={() => setEditing('new')} data-testid="places-new">
            {t('assets.places.new')}
          </Button>
        )}
      </Group>
      <Text c="dimmed" fz="sm">
        {t('assets.places.lead')}
      </Text>
      <QueryView query={places}>
        {(list) => (
          <Table.ScrollContainer minWidth={900}>
            <Table striped withTableBorder fz="sm" data-testid="places-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assets.common.code')}</Table.Th>
                  <Table.Th>{t('assets.common.name')}</Table.Th>
                  <Table.Th>{t('assets.common.unit')}</Table.Th>
                  <Table.Th>{t('assets.places.protections')}</Table.Th>
                  <Table.Th>{t('assets.places.lowDisasterRisk')}</Table.Th>
                  <Table.Th>{t('assets.places.media')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((row) => (
                  <Table.Tr key={row.id} data-testid="place-row" data-code={row.code}>
                    <Table.Td ff="monospace">
                      {keepsRecords(session) ? (
                        <Button variant="subtle" size="compact-sm" onClick={() => setEditing(row)}>
                          {row.code}
                        </Button>
                      ) : (
                        row.code
                      )}
                    </Table.Td>
                    <Table.Td>
                      {row.name}
                      <Text fz="xs" c="dimmed">
                        {assetLabel(t, 'placeKind', row.kind)}
                        {row.location === null ? '' : `・${row.location}`}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {row.owningUnit === null ? t('assets.places.shared') : unitName(row.owningUnit, lang)}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {(['fireproof', 'heatproof', 'waterproof', 'humidityproof'] as const).map((f) => (
                          <Badge
                            key={f}
                            size="sm"
                            variant={row[f] ? 'filled' : 'outline'}
                            color={row[f] ? 'teal' : 'gray'}
                          >
                            {t(`assets.places.${f}`)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {row.lowDisasterRisk ? t('assets.common.yes') : t('assets.common.no')}
                      {row.disasterRiskBasis !== null && (
                        <Text fz="xs" c="dimmed">
                          {row.disasterRiskBasis}
                          {row.assessedOn === null ? '' : `（${formatDate(row.assessedOn, lang)}）`}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{row.mediaCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
      {editing !== null && (
        <ActionModal
          opened
          onClose={() => setEditing(null)}
          title={p === null ? t('assets.places.new') : `${p.code} ${p.name}`}
          testId="place-form"
          submitLabel={t('assets.common.save')}
          fields={[
            { key: 'code', label: t('assets.common.code'), type: 'text', required: true, initial: p?.code },
            { key: 'name', label: t('assets.common.name'), type: 'text', required: true, initial: p?.name },
            {
              key: 'kind',
              label: t('assets.places.kind'),
              type: 'select',
              required: true,
              options: optionsOf(t, 'placeKind', [
                'room',
                'vault',
                'cabinet',
                'offsite',
                'dataCentre',
                'other',
              ]),
              initial: p?.kind,
            },
            {
              key: 'owningUnitId',
              label: t('assets.common.unit'),
              type: 'select',
              options: (units.data ?? []).map((u) => ({ value: u.id, label: unitName(u, lang) })),
              initial: p?.owningUnit?.id,
            },
            {
              key: 'location',
              label: t('assets.places.location'),
              type: 'text',
              initial: p?.location ?? undefined,
            },
            ...flags.map((f) => ({
              key: f,
              label: t(`assets.places.${f}`),
              type: 'select' as const,
              options: yes,
              initial: String(p?.[f] ?? false),
            })),
            {
              key: 'disasterRiskBasis',
              label: t('assets.places.basis'),
              type: 'textarea',
              initial: p?.disasterRiskBasis ?? undefined,
            },
            {
              key: 'assessedOn',
              label: t('assets.places.assessedOn'),
              type: 'date',
              initial: p?.assessedOn ?? undefined,
            },
          ]}
          onSubmit={async (v) => {
            await (p === null ? registerPlace(body(v)) : updatePlace(p.id, { ...body(v), retiredOn: null }));
            await client.invalidateQueries({ queryKey: assetKeys.all });
          }}
        />
      )}
    </Stack>
  );
}
