import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Fragment, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type {
  ParameterValueView,
  PolicyParametersView,
  PolicyParameterView,
} from '../../shared/policy-api-types.js';
import { formatDateTime } from '../lib/dates.js';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { changeRequestPath, usePolicyParameters } from './api.js';

const units = [
  'seconds',
  'minutes',
  'hours',
  'days',
  'months',
  'years',
  'characters',
  'characterClasses',
  'attempts',
  'generations',
  'people',
] as const;

const isUnit = (v: string | null): v is (typeof units)[number] => (units as readonly (string | null)[]).includes(v);

const unitLabel = (t: TFunction, unit: string | null): string =>
  isUnit(unit) ? t(`compliance.parameters.unit.${unit}`) : (unit ?? '');

/** A value as the reader reads it: a number with its unit, yes or no, a list joined. */
const shown = (t: TFunction, p: PolicyParameterView, v: ParameterValueView): string => {
  if (typeof v === 'boolean') return v ? t('compliance.parameters.yes') : t('compliance.parameters.no');
  if (Array.isArray(v)) return v.join(t('compliance.parameters.listSeparator'));
  if (typeof v === 'number') return `${String(v)} ${unitLabel(t, p.unit)}`.trim();
  return v;
};

const limitsOf = (t: TFunction, p: PolicyParameterView): string => {
  if (p.min !== null && p.max !== null)
    return t('compliance.parameters.range', { min: String(p.min), max: String(p.max), unit: unitLabel(t, p.unit) });
  return p.options?.join(' / ') ?? '';
};

function History({ p }: { p: PolicyParameterView }) {
  const { t, lang } = useLang();
  if (p.history.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        {t('compliance.parameters.noHistory')}
      </Text>
    );
  return (
    <Table fz="sm" data-testid="parameter-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('compliance.parameters.history')}</Table.Th>
          <Table.Th>{t('compliance.parameters.appliedAt')}</Table.Th>
          <Table.Th>{t('compliance.parameters.change')}</Table.Th>
          <Table.Th>{t('compliance.parameters.requestedBy')}</Table.Th>
          <Table.Th>{t('compliance.parameters.approvedBy')}</Table.Th>
          <Table.Th>{t('compliance.parameters.reason')}</Table.Th>
          <Table.Th>{t('compliance.parameters.requestNo')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {p.history.map((v) => (
          <Table.Tr key={v.version} data-testid="parameter-version">
            <Table.Td>{t('compliance.parameters.version', { version: String(v.version) })}</Table.Td>
            <Table.Td>{formatDateTime(v.appliedAt, lang)}</Table.Td>
            <Table.Td>
              {shown(t, p, v.previous)} → {shown(t, p, v.value)}
            </Table.Td>
            <Table.Td>{v.requestedBy}</Table.Td>
            <Table.Td>{v.approvedBy ?? '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{v.reason}</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/approvals/requests/${encodeURIComponent(v.requestId)}`} ff="monospace">
                {v.requestRefNo}
              </Anchor>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Row({ p }: { p: PolicyParameterView }) {
  const { t, lang } = useLang();
  const [open, setOpen] = useState(false);
  return (
    <Fragment>
      <Table.Tr data-testid="parameter-row" data-key={p.key}>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.displayId}</Table.Td>
        <Table.Td>
          <Text fz="sm">{lang === 'ja' ? p.labelJa : p.labelEn}</Text>
          <Text fz="xs" c="dimmed" ff="monospace">
            {p.key}
          </Text>
          {p.hospitalChoice && (
            <Badge size="xs" variant="outline" color="gray">
              {t('compliance.parameters.hospitalChoice')}
            </Badge>
          )}
        </Table.Td>
        <Table.Td data-testid="parameter-value">
          <Group gap={6} wrap="nowrap">
            <Text fz="sm" fw={p.version > 0 ? 600 : undefined}>
              {shown(t, p, p.value)}
            </Text>
            {p.version > 0 && (
              <Badge size="xs" color="blue" variant="light">
                {t('compliance.parameters.version', { version: String(p.version) })}
              </Badge>
            )}
          </Group>
        </Table.Td>
        <Table.Td data-testid="parameter-default">{shown(t, p, p.defaultValue)}</Table.Td>
        <Table.Td fz="xs">{limitsOf(t, p)}</Table.Td>
        <Table.Td>
          <Stack gap={4} align="flex-start">
            {p.pending.map((r) => (
              <Anchor
                key={r.requestId}
                component={Link}
                to={`/approvals/requests/${encodeURIComponent(r.requestId)}`}
                fz="xs"
                data-testid="parameter-pending"
              >
                {t('compliance.parameters.pending', { refNo: r.refNo })}
              </Anchor>
            ))}
            {p.pending.length === 0 && (
              <Anchor component={Link} to={changeRequestPath(p.key)} fz="sm" data-testid="parameter-request">
                {t('compliance.parameters.request')}
              </Anchor>
            )}
            <Button size="compact-xs" variant="subtle" onClick={() => setOpen((o) => !o)} data-testid="parameter-history-toggle">
              {open
                ? t('compliance.parameters.hideHistory')
                : t('compliance.parameters.showHistory', { count: p.history.length })}
            </Button>
          </Stack>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={6} bg="gray.0">
            <History p={p} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

function Parameters({ view }: { view: PolicyParametersView }) {
  const { t } = useLang();
  const [q, setQ] = useState('');
  const shownRows = useMemo(() => {
    const needle = q.normalize('NFKC').trim().toLowerCase();
    if (needle === '') return view.parameters;
    return view.parameters.filter((p) =>
      [p.key, p.labelJa, p.labelEn, p.displayId].some((s) => s.normalize('NFKC').toLowerCase().includes(needle)),
    );
  }, [q, view.parameters]);
  return (
    <Stack gap="md">
      <Text fz="sm" c="dimmed">
        {t('compliance.parameters.pack', view.pack)}
      </Text>
      <TextInput
        w={360}
        label={t('compliance.parameters.search')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        data-testid="parameter-search"
      />
      <Paper withBorder p="md" radius="md">
        <Table.ScrollContainer minWidth={900}>
          <Table fz="sm" data-testid="parameters-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('compliance.parameters.clause')}</Table.Th>
                <Table.Th miw={240}>{t('compliance.parameters.parameter')}</Table.Th>
                <Table.Th maw={260}>{t('compliance.parameters.value')}</Table.Th>
                <Table.Th maw={260}>{t('compliance.parameters.default')}</Table.Th>
                <Table.Th>{t('compliance.parameters.limits')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shownRows.map((p) => (
                <Row key={p.key} p={p} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {shownRows.length === 0 && (
          <Text fz="sm" c="dimmed" mt="sm">
            {t('compliance.parameters.none')}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}

/** /compliance/parameters — the pack's parameters in force, their defaults and versions, and a change requested. */
export function ParametersPage() {
  const { t } = useLang();
  useTitle(t('compliance.parameters.title'));
  const parameters = usePolicyParameters();
  return (
    <Stack gap="md" data-testid="parameters-page">
      <div>
        <Title order={1} fz="h2">
          {t('compliance.parameters.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('compliance.parameters.lead')}
        </Text>
      </div>
      <QueryView query={parameters}>{(v) => <Parameters view={v} />}</QueryView>
    </Stack>
  );
}
