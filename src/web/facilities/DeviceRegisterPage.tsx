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
import { UnitFilter } from '../assets/Filters.js';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { useDevices } from './api.js';
import { deviceKinds, deviceLabel, deviceOptions, deviceStatuses, statusColor } from './labels.js';

/** /facilities — 機器台帳: the device register with filters by unit, kind and status (only what the reader may see). */
export function DeviceRegisterPage() {
  const { t, lang } = useLang();
  useTitle(t('facilities.register.title'));
  const [q, setQ] = useState('');
  const [unitId, setUnitId] = useState('');
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const devices = useDevices({ q, unitId, kind, status, limit: 500 });
  return (
    <Stack gap="md" data-testid="device-register-page">
      <Group justify="space-between">
        <Title order={1} fz="h2">
          {t('facilities.register.title')}
        </Title>
        <Button component={Link} to="/facilities/new" data-testid="devices-new">
          {t('facilities.register.new')}
        </Button>
      </Group>
      <Text c="dimmed" fz="sm">
        {t('facilities.register.lead')}
      </Text>
      <Paper withBorder p="sm" radius="md">
        <Group gap="sm" align="flex-end">
          <TextInput
            label={t('facilities.common.search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={260}
            data-testid="devices-q"
          />
          <UnitFilter
            value={unitId}
            onChange={setUnitId}
            label={t('facilities.common.unit')}
            testId="devices-unit"
          />
          <Select
            label={t('facilities.common.kind')}
            clearable
            w={180}
            value={kind === '' ? null : kind}
            onChange={(v) => setKind(v ?? '')}
            placeholder={t('facilities.common.all')}
            data={deviceOptions(t, 'kind', deviceKinds)}
            data-testid="devices-kind"
          />
          <Select
            label={t('facilities.common.status')}
            clearable
            w={180}
            value={status === '' ? null : status}
            onChange={(v) => setStatus(v ?? '')}
            placeholder={t('facilities.common.all')}
            data={deviceOptions(t, 'status', deviceStatuses)}
            data-testid="devices-status"
          />
        </Group>
      </Paper>
      <QueryView query={devices}>
        {(list) =>
          list.items.length === 0 ? (
            <Paper withBorder p="md" radius="md">
              <Text data-testid="devices-empty">{t('facilities.register.empty')}</Text>
            </Paper>
          ) : (
            <Stack gap={4}>
              <Text fz="sm" c="dimmed" data-testid="devices-total">
                {t('facilities.common.total', { count: list.total })}
              </Text>
              <Table.ScrollContainer minWidth={900}>
                <Table striped withTableBorder data-testid="devices-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('facilities.common.assetTag')}</Table.Th>
                      <Table.Th>{t('facilities.common.name')}</Table.Th>
                      <Table.Th>{t('facilities.common.kind')}</Table.Th>
                      <Table.Th>{t('facilities.common.unit')}</Table.Th>
                      <Table.Th>{t('facilities.common.location')}</Table.Th>
                      <Table.Th>{t('facilities.register.lastMaintained')}</Table.Th>
                      <Table.Th>{t('facilities.common.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.items.map((d) => (
                      <Table.Tr key={d.id} data-testid="device-row" data-tag={d.assetTag}>
                        <Table.Td ff="monospace" fz="sm">
                          {d.assetTag}
                        </Table.Td>
                        <Table.Td>
                          <Anchor
                            component={Link}
                            to={`/facilities/devices/${encodeURIComponent(d.id)}`}
                            data-testid="device-open"
                          >
                            {d.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td fz="sm">{deviceLabel(t, 'kind', d.kind)}</Table.Td>
                        <Table.Td fz="sm">{unitName(d.owningUnit, lang)}</Table.Td>
                        <Table.Td fz="sm">{d.location ?? '—'}</Table.Td>
                        <Table.Td fz="sm">
                          {d.lastMaintainedOn === null ? '—' : formatDate(d.lastMaintainedOn, lang)}
                        </Table.Td>
                        <Table.Td>
                          <Badge color={statusColor(d.status)} variant="light">
                            {deviceLabel(t, 'status', d.status)}
                          </Badge>
                        </Table.Td>
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
