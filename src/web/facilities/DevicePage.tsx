import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { DeviceDetailView } from '../../shared/api-types.js';
import { ActionModal, type ActionValues } from '../assets/ActionModal.js';
import { formatDate, formatDateTime } from '../lib/dates.js';
import { unitName } from '../lib/labels.js';
import { HistoryTable } from '../records/HistoryTable.js';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import {
  deviceKeys,
  disposeDevice,
  offsiteRequestUrl,
  recordMaintenance,
  recordRepair,
  updateDevice,
  useDevice,
} from './api.js';
import { bodyOf, DeviceForm, valuesOf } from './DeviceForm.js';
import { deviceLabel, deviceOptions, statusColor } from './labels.js';

type Action = 'edit' | 'maintenance' | 'offsiteCheck' | 'repair' | 'dispose' | null;

function Facts({ d }: { d: DeviceDetailView }) {
  const { t, lang } = useLang();
  const yes = (b: boolean) => (b ? t('facilities.common.yes') : t('facilities.common.no'));
  const rows: [string, string][] = [
    [t('facilities.common.kind'), deviceLabel(t, 'kind', d.kind)],
    [t('facilities.common.unit'), unitName(d.owningUnit, lang)],
    [t('facilities.form.maker'), [d.maker, d.model].filter(Boolean).join(' ') || '—'],
    [t('facilities.common.location'), d.location ?? '—'],
    [t('facilities.form.hasStorage'), yes(d.hasStorage)],
    [t('facilities.form.environmentProtected'), yes(d.environmentProtected)],
    [
      t('facilities.form.fixed'),
      yes(d.fixed) + (d.installationNote === null ? '' : `（${d.installationNote}）`),
    ],
    [t('facilities.form.ups'), d.ups ? `${yes(true)}（${String(d.upsRuntimeMinutes ?? '—')}）` : yes(false)],
    [t('facilities.form.surgeProtection'), yes(d.surgeProtection)],
    [t('facilities.form.antiTheft'), d.antiTheft ? `${yes(true)}（${d.antiTheftMethod ?? ''}）` : yes(false)],
    [
      t('facilities.form.maintenanceIntervalMonths'),
      d.maintenanceIntervalMonths === null ? '—' : String(d.maintenanceIntervalMonths),
    ],
    [
      t('facilities.form.lastMaintainedOn'),
      d.lastMaintainedOn === null ? '—' : formatDate(d.lastMaintainedOn, lang),
    ],
  ];
  if (d.offsite !== null)
    rows.push([
      t('facilities.detail.offsite'),
      t('facilities.detail.offsiteApproved', {
        ref: d.offsite.requestRefNo ?? '',
        location: d.offsite.location ?? '—',
        checked: d.offsite.checkedOn === null ? '—' : formatDate(d.offsite.checkedOn, lang),
      }),
    ]);
  return (
    <Table withTableBorder fz="sm" data-testid="device-facts">
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w={320}>{k}</Table.Th>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Actions({ d }: { d: DeviceDetailView }) {
  const { t } = useLang();
  const client = useQueryClient();
  const [open, setOpen] = useState<Action>(null);
  const refresh = () => client.invalidateQueries({ queryKey: deviceKeys.all });
  const run = (f: (v: ActionValues) => Promise<unknown>) => async (v: ActionValues) => {
    await f(v);
    await refresh();
  };
  const yesNo = [
    { value: 'true', label: t('facilities.common.yes') },
    { value: 'false', label: t('facilities.common.no') },
  ];
  const flag = (v: string | undefined) => v === 'true';
  const blank = (v: string | undefined) => (v === undefined || v === '' ? null : v);
  if (!d.can.update) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('facilities.detail.actions')}
        </Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => setOpen('edit')} data-testid="device-edit">
            {t('facilities.detail.edit')}
          </Button>
          <Button variant="default" onClick={() => setOpen('maintenance')} data-testid="device-maintenance">
            {t('facilities.detail.maintenance')}
          </Button>
          {d.status === 'offsite' && (
            <Button
              variant="default"
              onClick={() => setOpen('offsiteCheck')}
              data-testid="device-offsite-check"
            >
              {t('facilities.detail.offsiteCheck')}
            </Button>
          )}
          <Button variant="default" onClick={() => setOpen('repair')} data-testid="device-repair">
            {t('facilities.detail.repair')}
          </Button>
          {d.can.requestOffsite && (
            <Button
              component={Link}
              to={offsiteRequestUrl(d.id, `${d.assetTag} ${d.name}`)}
              variant="light"
              data-testid="device-request-offsite"
            >
              {t('facilities.detail.requestOffsite')}
            </Button>
          )}
          <Button variant="light" color="red" onClick={() => setOpen('dispose')} data-testid="device-dispose">
            {t('facilities.detail.dispose')}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={open === 'edit'}
        onClose={() => setOpen(null)}
        title={t('facilities.detail.edit')}
        size="xl"
        lockScroll={false}
      >
        <DeviceForm
          initial={valuesOf(d)}
          submitLabel={t('facilities.common.save')}
          onCancel={() => setOpen(null)}
          onSubmit={async (v) => {
            await updateDevice(d.id, { device: bodyOf(v) });
            await refresh();
            setOpen(null);
          }}
        />
      </Modal>
      {(open === 'maintenance' || open === 'offsiteCheck') && (
        <ActionModal
          opened
          onClose={() => setOpen(null)}
          title={
            open === 'maintenance' ? t('facilities.detail.maintenance') : t('facilities.detail.offsiteCheck')
          }
          testId="maintenance-form"
          submitLabel={t('facilities.common.save')}
          fields={[
            { key: 'performedOn', label: t('facilities.detail.performedOn'), type: 'date', required: true },
            { key: 'performedBy', label: t('facilities.detail.performedBy'), type: 'text' },
            { key: 'note', label: t('facilities.detail.note'), type: 'textarea' },
          ]}
          onSubmit={run((v) =>
            recordMaintenance(d.id, {
              kind: open,
              performedOn: v['performedOn'] ?? '',
              performedBy: blank(v['performedBy']),
              note: blank(v['note']),
            }),
          )}
        />
      )}
      {open === 'repair' && (
        <ActionModal
          opened
          onClose={() => setOpen(null)}
          title={t('facilities.detail.repair')}
          testId="repair-form"
          submitLabel={t('facilities.common.save')}
          fields={[
            { key: 'performedOn', label: t('facilities.detail.performedOn'), type: 'date', required: true },
            {
              key: 'outsideContractor',
              label: t('facilities.detail.outsideContractor'),
              type: 'select',
              options: yesNo,
              initial: 'true',
            },
            { key: 'contractorName', label: t('facilities.detail.contractorName'), type: 'text' },
            {
              key: 'erased',
              label: t('facilities.detail.erased'),
              type: 'select',
              options: yesNo,
              initial: 'false',
            },
            { key: 'erasureMethod', label: t('facilities.detail.erasureMethod'), type: 'text' },
            {
              key: 'ndaConcluded',
              label: t('facilities.detail.ndaConcluded'),
              type: 'select',
              options: yesNo,
              initial: 'false',
            },
            {
              key: 'confidentialityChecked',
              label: t('facilities.detail.confidentialityChecked'),
              type: 'select',
              options: yesNo,
              initial: 'false',
            },
            { key: 'note', label: t('facilities.detail.note'), type: 'textarea' },
          ]}
          onSubmit={run((v) =>
            recordRepair(d.id, {
              performedOn: v['performedOn'] ?? '',
              outsideContractor: flag(v['outsideContractor']),
              contractorName: blank(v['contractorName']),
              erased: flag(v['erased']),
              erasureMethod: blank(v['erasureMethod']),
              ndaConcluded: flag(v['ndaConcluded']),
              confidentialityChecked: flag(v['confidentialityChecked']),
              note: blank(v['note']),
            }),
          )}
        />
      )}
      {open === 'dispose' && (
        <ActionModal
          opened
          onClose={() => setOpen(null)}
          title={t('facilities.detail.dispose')}
          testId="dispose-form"
          submitLabel={t('facilities.common.save')}
          fields={[
            {
              key: 'kind',
              label: t('facilities.detail.disposalKind'),
              type: 'select',
              options: deviceOptions(t, 'disposalKind', ['disposal', 'leaseReturn']),
              required: true,
            },
            { key: 'performedOn', label: t('facilities.detail.performedOn'), type: 'date', required: true },
            {
              key: 'erasureMethod',
              label: t('facilities.detail.erasure'),
              type: 'select',
              options: deviceOptions(t, 'erasure', [
                'overwrite',
                'cryptoErase',
                'degauss',
                'physicalDestruction',
                'noStorage',
              ]),
              required: true,
            },
            { key: 'erasureDetail', label: t('facilities.detail.erasureDetail'), type: 'textarea' },
            { key: 'contractor', label: t('facilities.detail.contractor'), type: 'text' },
            { key: 'certificate', label: t('facilities.detail.certificate'), type: 'text' },
            { key: 'note', label: t('facilities.detail.note'), type: 'textarea' },
          ]}
          onSubmit={run((v) =>
            disposeDevice(d.id, {
              kind: v['kind'] ?? '',
              performedOn: v['performedOn'] ?? '',
              erasureMethod: v['erasureMethod'] ?? '',
              erasureDetail: blank(v['erasureDetail']),
              contractor: blank(v['contractor']),
              certificate: blank(v['certificate']),
              note: blank(v['note']),
            }),
          )}
        />
      )}
    </Paper>
  );
}

/** /facilities/:id — one device: what the register says, what may be done, its records and its history. */
export function DevicePage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const device = useDevice(id);
  const state = useLocation().state as { done?: string; tag?: string } | null;
  useTitle(
    device.data === undefined
      ? t('facilities.register.title')
      : `${device.data.assetTag} ${device.data.name}`,
  );
  return (
    <QueryView query={device}>
      {(d) => (
        <Stack gap="md" data-testid="device-page">
          <Group justify="space-between" align="flex-start">
            <div>
              <Text ff="monospace" fz="sm" c="dimmed" data-testid="device-tag">
                {d.assetTag}
              </Text>
              <Title order={1} fz="h2">
                {d.name}
              </Title>
            </div>
            <Badge size="lg" color={statusColor(d.status)} variant="light" data-testid="device-status">
              {deviceLabel(t, 'status', d.status)}
            </Badge>
          </Group>
          {state?.done === 'registered' && (
            <Alert color="teal" variant="light" data-testid="device-done">
              {t('facilities.form.registered', { tag: state.tag ?? d.assetTag })}
            </Alert>
          )}
          <Facts d={d} />
          <Actions d={d} />
          <Title order={2} fz="h4">
            {t('facilities.detail.services')}
          </Title>
          {d.services.length === 0 ? (
            <Text c="dimmed" fz="sm">
              {t('facilities.detail.noServices')}
            </Text>
          ) : (
            <Table withTableBorder fz="sm" data-testid="device-services">
              <Table.Tbody>
                {d.services.map((s) => (
                  <Table.Tr key={s.id} data-testid="device-service">
                    <Table.Td>{formatDate(s.performedOn, lang)}</Table.Td>
                    <Table.Td>{deviceLabel(t, 'serviceKind', s.kind)}</Table.Td>
                    <Table.Td>{s.contractorName ?? s.performedBy ?? '—'}</Table.Td>
                    <Table.Td>
                      {s.kind === 'repair'
                        ? [
                            s.erased ? `${t('facilities.detail.erased')}: ${s.erasureMethod ?? ''}` : null,
                            s.ndaConcluded ? t('facilities.detail.ndaConcluded') : null,
                            s.confidentialityChecked ? t('facilities.detail.confidentialityChecked') : null,
                          ]
                            .filter(Boolean)
                            .join('・')
                        : (s.note ?? '')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {d.disposals.length > 0 && (
            <Paper withBorder p="md" radius="md" data-testid="device-disposals">
              <Title order={2} fz="h4" mb="xs">
                {t('facilities.detail.disposals')}
              </Title>
              {d.disposals.map((x) => (
                <Text key={x.id} fz="sm">
                  {formatDate(x.performedOn, lang)}・{deviceLabel(t, 'disposalKind', x.kind)}・
                  {deviceLabel(t, 'erasure', x.erasureMethod)}・{x.contractor ?? ''} {x.certificate ?? ''}・
                  {t('facilities.detail.confirmedBy')} {x.confirmedByName}
                </Text>
              ))}
            </Paper>
          )}
          <Title order={2} fz="h4">
            {t('facilities.detail.history')}
          </Title>
          <HistoryTable entries={d.history} />
          <Anchor component={Link} to="/facilities" fz="sm">
            {t('facilities.register.title')}
          </Anchor>
          <Text fz="xs" c="dimmed">
            {formatDateTime(d.updatedAt, lang)}
          </Text>
        </Stack>
      )}
    </QueryView>
  );
}
