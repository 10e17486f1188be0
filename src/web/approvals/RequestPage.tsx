import { Alert, Anchor, Badge, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { ApprovalRequestView } from '../../shared/api-types.js';
import { formatDate, formatDateTime } from '../lib/dates.js';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { ActionPanel } from './ActionPanel.js';
import { recordPdfUrl, useRequest } from './api.js';
import { statusColor, statusLabel } from './labels.js';
import { HistoryPanel, RoutePanel } from './RoutePanel.js';

const doneKeys = [
  'approved',
  'rejected',
  'submitted',
  'withdrawn',
  'reported',
  'acknowledged',
  'saved',
  'recorded',
] as const;
type DoneKey = (typeof doneKeys)[number];
const isDone = (v: unknown): v is DoneKey =>
  typeof v === 'string' && (doneKeys as readonly string[]).includes(v);

/** A form value as the reader sees it: option labels, classification I–IV, dates in 令和 (ja). */
const useShown = () => {
  const { t, lang } = useLang();
  return (request: ApprovalRequestView, key: string): string => {
    const field = request.type.form.find((f) => f.key === key);
    const v = request.form[key];
    if (field === undefined || v === null || v === undefined || v === '') return '—';
    switch (field.type) {
      case 'enum':
        return field.options.find((o) => o.value === v)?.label[lang] ?? String(v);
      case 'classification':
        return ['', 'I', 'II', 'III', 'IV'][Number(v)] ?? String(v);
      case 'date':
        return typeof v === 'string' ? formatDate(v, lang) : String(v);
      case 'boolean':
        return v === true ? t('approvals.new.yes') : t('approvals.new.no');
      case 'text':
      case 'longText':
      case 'number':
        return String(v);
    }
  };
};

function Details({ request, done }: { request: ApprovalRequestView; done: DoneKey | null }) {
  const { t, lang } = useLang();
  const shown = useShown();
  const [acted, setActed] = useState<DoneKey | null>(done);
  const info: [string, string][] = [
    [t('approvals.request.applicant'), `${request.applicant.name}（${request.applicant.unit[lang]}）`],
    ...(request.preparer === null
      ? []
      : ([[t('approvals.request.preparer'), request.preparer.name]] as [string, string][])),
    ...(request.submittedAt === null
      ? []
      : ([[t('approvals.request.submittedAt'), formatDateTime(request.submittedAt, lang)]] as [
          string,
          string,
        ][])),
    ...(request.carriedOutAt === null
      ? []
      : ([[t('approvals.request.carriedOutAt'), formatDateTime(request.carriedOutAt, lang)]] as [
          string,
          string,
        ][])),
    ...(request.reportDueAt === null || request.reportedAt !== null
      ? []
      : ([[t('approvals.request.reportDueAt'), formatDateTime(request.reportDueAt, lang)]] as [
          string,
          string,
        ][])),
    ...(request.expiresAt === null || request.status !== 'submitted'
      ? []
      : ([[t('approvals.request.expiresAt'), formatDateTime(request.expiresAt, lang)]] as [
          string,
          string,
        ][])),
    ...(request.decidedAt === null
      ? []
      : ([[t('approvals.request.decidedAt'), formatDateTime(request.decidedAt, lang)]] as [
          string,
          string,
        ][])),
    ...(request.closedReason === null || request.status === 'approved'
      ? []
      : ([[t('approvals.request.closedReason'), request.closedReason]] as [string, string][])),
    [t('approvals.new.clauses'), request.type.clauses.map((c) => c.display).join('、')],
  ];
  return (
    <Stack gap="md">
      {acted !== null && (
        <Alert color="teal" variant="light" data-testid="request-done" role="status">
          {t(`approvals.act.done.${acted}`)}
        </Alert>
      )}
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Text fz="sm" c="dimmed" ff="monospace" data-testid="request-ref">
            {t('approvals.request.refNo', { refNo: request.refNo })}
          </Text>
          <Title order={1} fz="h2" data-testid="request-title">
            {request.typeName[lang]}：{request.title}
          </Title>
        </Stack>
        <Group gap="sm">
          <Badge size="lg" color={statusColor(request.status)} variant="light" data-testid="request-status">
            {statusLabel(t, request.status)}
          </Badge>
          <Anchor href={recordPdfUrl(request.id)} target="_blank" rel="noreferrer" data-testid="request-pdf">
            {t('approvals.request.pdf')}
          </Anchor>
          {request.resourceRef?.startsWith('asset:') === true && (
            <Anchor
              component={Link}
              to={`/assets/${encodeURIComponent(request.resourceRef.slice(6))}`}
              data-testid="request-record"
            >
              {t('assets.nav.register')}
            </Anchor>
          )}
        </Group>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md" radius="md">
              <Table fz="sm" data-testid="request-info">
                <Table.Tbody>
                  {info.map(([k, v]) => (
                    <Table.Tr key={k}>
                      <Table.Th w={160}>{k}</Table.Th>
                      <Table.Td>{v}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            <Paper withBorder p="md" radius="md">
              <Title order={2} fz="h4" mb="sm">
                {t('approvals.request.form')}
              </Title>
              <Table fz="sm" data-testid="request-form-values">
                <Table.Tbody>
                  {request.type.form.map((f) => (
                    <Table.Tr key={f.key} data-testid={`value-${f.key}`}>
                      <Table.Th w={220}>{f.label[lang]}</Table.Th>
                      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{shown(request, f.key)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <ActionPanel request={request} onDone={setActed} />
            <RoutePanel request={request} />
          </Stack>
        </Grid.Col>
      </Grid>
      <HistoryPanel request={request} />
    </Stack>
  );
}

/** One request: what was asked, its route with every decision (代決 included), what I may do, its record. */
export function RequestPage() {
  const { t } = useLang();
  const { id = '' } = useParams();
  const location = useLocation();
  const state = location.state as { done?: unknown } | null;
  const request = useRequest(id);
  useTitle(request.data === undefined ? t('approvals.nav.mine') : request.data.refNo);
  return (
    <Stack gap="md" data-testid="request-page">
      <QueryView query={request}>
        {(r) => <Details key={r.id} request={r} done={isDone(state?.done) ? state.done : null} />}
      </QueryView>
    </Stack>
  );
}
