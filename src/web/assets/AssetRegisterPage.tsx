import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../lib/dates.js';
import { unitName } from '../lib/labels.js';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { exportUrl, useAssets } from './api.js';
import { UnitFilter } from './Filters.js';
import { assetLabel, classColor, classLabel, classOptions, optionsOf } from './labels.js';

/** /assets — 情報資産台帳: the register with filters (only what the reader may see), Excel and PDF. */
export function AssetRegisterPage() {
  const { t, lang } = useLang();
  useTitle(t('assets.register.title'));
  const [q, setQ] = useState('');
  const [unitId, setUnitId] = useState('');
  const [classification, setClassification] = useState('');
  const [status, setStatus] = useState('');
  const [form, setForm] = useState('');
  const query = { q, unitId, classification, status, form, limit: 500 };
  const assets = useAssets(query);
  const files = { q, unitId, classification, status, form };
  return (
    <Stack gap="md" data-testid="asset-register-page">
      <Group justify="space-between">
        <Title order={1} fz="h2">
          {t('assets.register.title')}
        </Title>
        <Group gap="xs">
          <Button
            component="a"
            href={exportUrl('assets', 'xlsx', files)}
            variant="light"
            data-testid="assets-export-xlsx"
          >
            {t('assets.common.exportXlsx')}
          </Button>
          <Button
            component="a"
            href={exportUrl('assets', 'pdf', files)}
            variant="light"
            data-testid="assets-export-pdf"
          >
            {t('assets.common.exportPdf')}
          </Button>
          <Button component={Link} to="/assets/new" data-testid="assets-new">
            {t('assets.register.new')}
          </Button>
        </Group>
      </Group>
      <Text c="dimmed" fz="sm">
        {t('assets.register.lead')}
      </Text>
      <Paper withBorder p="sm" radius="md">
        <Group gap="sm" align="flex-end">
          <TextInput
            label={t('assets.common.search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={240}
            data-testid="assets-q"
          />
          <UnitFilter value={unitId} onChange={setUnitId} testId="assets-unit" />
          <Select
            label={t('assets.common.classification')}
            clearable
            w={200}
            value={classification === '' ? null : classification}
            onChange={(v) => setClassification(v ?? '')}
            placeholder={t('assets.common.all')}
            data={classOptions(t)}
            data-testid="assets-class"
          />
          <Select
            label={t('assets.common.status')}
            clearable
            w={150}
            value={status === '' ? null : status}
            onChange={(v) => setStatus(v ?? '')}
            placeholder={t('assets.common.all')}
            data={optionsOf(t, 'status', ['draft', 'active', 'disposed', 'erased'])}
            data-testid="assets-status"
          />
          <Select
            label={t('assets.register.form')}
            clearable
            w={120}
            value={form === '' ? null : form}
            onChange={(v) => setForm(v ?? '')}
            placeholder={t('assets.common.all')}
            data={optionsOf(t, 'form', ['electronic', 'paper'])}
            data-testid="assets-form"
          />
        </Group>
      </Paper>
      <QueryView query={assets}>
        {(list) =>
          list.items.length === 0 ? (
            <Paper withBorder p="md" radius="md">
              <Text data-testid="assets-empty">{t('assets.register.empty')}</Text>
            </Paper>
          ) : (
            <Stack gap={4}>
              <Text fz="sm" c="dimmed" data-testid="assets-total">
                {t('assets.common.total', { count: list.total })}
              </Text>
              <Table.ScrollContainer minWidth={900}>
                <Table striped withTableBorder data-testid="assets-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('assets.common.code')}</Table.Th>
                      <Table.Th>{t('assets.common.name')}</Table.Th>
                      <Table.Th>{t('assets.common.classification')}</Table.Th>
                      <Table.Th>{t('assets.common.unit')}</Table.Th>
                      <Table.Th>{t('assets.register.location')}</Table.Th>
                      <Table.Th>{t('assets.register.retainUntil')}</Table.Th>
                      <Table.Th>{t('assets.common.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.items.map((a) => (
                      <Table.Tr key={a.id} data-testid="asset-row" data-code={a.code}>
                        <Table.Td ff="monospace" fz="sm">
                          {a.code}
                        </Table.Td>
                        <Table.Td>
                          <Anchor
                            component={Link}
                            to={`/assets/${encodeURIComponent(a.id)}`}
                            data-testid="asset-open"
                          >
                            {a.name}
                          </Anchor>
                          <Text fz="xs" c="dimmed">
                            {assetLabel(t, 'form', a.form)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge color={classColor(a.classification)} variant="light">
                            {classLabel(t, a.classification)}
                          </Badge>
                        </Table.Td>
                        <Table.Td fz="sm">{unitName(a.owningUnit, lang)}</Table.Td>
                        <Table.Td fz="sm">
                          {[a.systemName, a.storagePlace?.name, a.medium?.code].filter(Boolean).join(' / ') ||
                            '—'}
                        </Table.Td>
                        <Table.Td fz="sm">
                          {a.retainUntil === null ? '—' : formatDate(a.retainUntil, lang)}
                        </Table.Td>
                        <Table.Td fz="sm">{assetLabel(t, 'status', a.status)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          )
        }
      </QueryView>
    </Stack>
  );
}
