import { Alert, Anchor, Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { AssetDetailView, AssetPublicationView } from '../../shared/api-types.js';
import { formatDate, formatDateTime } from '../lib/dates.js';
import { unitName } from '../lib/labels.js';
import { HistoryTable } from '../records/HistoryTable.js';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { ActionModal } from './ActionModal.js';
import { AssetActions } from './AssetActions.js';
import { assetKeys, certificateUrl, checkPublication, useAsset } from './api.js';
import { HandlingTable } from './HandlingTable.js';
import { assetLabel, classColor, classLabel } from './labels.js';

function Facts({ a }: { a: AssetDetailView }) {
  const { t, lang } = useLang();
  const rows: [string, string][] = [
    [t('assets.common.unit'), unitName(a.owningUnit, lang)],
    [t('assets.register.form'), assetLabel(t, 'form', a.form)],
    [t('assets.detail.basis'), assetLabel(t, 'basis', a.classificationBasis)],
    [t('assets.detail.origin'), assetLabel(t, 'origin', a.origin)],
    [
      t('assets.detail.source'),
      a.source === null ? (a.sourceParty ?? '—') : `${a.source.code} ${a.source.name}`,
    ],
    [t('assets.detail.receivedOn'), a.receivedOn === null ? '—' : formatDate(a.receivedOn, lang)],
    [t('assets.create.system'), a.systemName ?? '—'],
    [
      t('assets.create.place'),
      a.storagePlace === null ? '—' : `${a.storagePlace.code} ${a.storagePlace.name}`,
    ],
    [
      t('assets.create.medium'),
      a.medium === null
        ? '—'
        : `${a.medium.code} ${a.medium.label}（${t('assets.media.highest')} ${classLabel(t, a.medium.classification)}）`,
    ],
    [t('assets.register.retainUntil'), a.retainUntil === null ? '—' : formatDate(a.retainUntil, lang)],
    [t('assets.detail.createdBy'), a.createdByName ?? '—'],
    [t('assets.detail.createdAt'), formatDateTime(a.createdAt, lang)],
  ];
  if (a.description !== null) rows.unshift([t('assets.create.description'), a.description]);
  if (a.eraseReason !== null) rows.push([t('assets.common.reason'), a.eraseReason]);
  return (
    <Table withTableBorder fz="sm" data-testid="asset-facts">
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w={200}>{k}</Table.Th>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Publications({ items }: { items: readonly AssetPublicationView[] }) {
  const { t, lang } = useLang();
  const client = useQueryClient();
  const [checking, setChecking] = useState<AssetPublicationView | null>(null);
  const [result, setResult] = useState<boolean | null>(null);
  return (
    <Stack gap="xs">
      {result !== null && (
        <Alert color={result ? 'teal' : 'red'} variant="light" data-testid="publication-check-result">
          {result ? t('assets.detail.checkOk') : t('assets.detail.checkNg')}
        </Alert>
      )}
      <Table withTableBorder fz="sm" data-testid="publications-table">
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                {p.channel}
                <Text fz="xs" c="dimmed">
                  {t('assets.detail.published')} {formatDateTime(p.publishedAt, lang)}・{p.publishedByName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Code fz="xs">{p.sha256}</Code>
              </Table.Td>
              <Table.Td>
                <Badge color={p.status === 'altered' ? 'red' : 'teal'} variant="light">
                  {p.lastCheckOk === null
                    ? p.status
                    : p.lastCheckOk
                      ? t('assets.detail.checkOk')
                      : t('assets.detail.checkNg')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => setChecking(p)}
                  data-testid="publication-check"
                >
                  {t('assets.detail.check')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {checking !== null && (
        <ActionModal
          opened
          onClose={() => setChecking(null)}
          title={t('assets.detail.check')}
          testId="check-form"
          submitLabel={t('assets.detail.check')}
          fields={[{ key: 'content', label: t('assets.detail.file'), type: 'file', required: true }]}
          onSubmit={async (v) => {
            const r = await checkPublication(checking.id, { contentBase64: v['content'] ?? '' });
            setResult(r.ok);
            await client.invalidateQueries({ queryKey: assetKeys.all });
          }}
        />
      )}
    </Stack>
  );
}

/** /assets/:id — one information asset: its facts, what may be done with it, its handling and its history. */
export function AssetPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const asset = useAsset(id);
  const location = useLocation();
  const state = location.state as { done?: string; code?: string } | null;
  useTitle(asset.data === undefined ? t('assets.register.title') : `${asset.data.code} ${asset.data.name}`);
  return (
    <QueryView query={asset}>
      {(a) => (
        <Stack gap="md" data-testid="asset-page">
          <Group justify="space-between" align="flex-start">
            <div>
              <Text ff="monospace" fz="sm" c="dimmed" data-testid="asset-code">
                {a.code}
              </Text>
              <Title order={1} fz="h2">
                {a.name}
              </Title>
            </div>
            <Group gap="xs">
              <Badge
                size="lg"
                color={classColor(a.classification)}
                variant="filled"
                data-testid="asset-classification"
              >
                {t('assets.common.classification')} {classLabel(t, a.classification)}
              </Badge>
              <Badge size="lg" variant="light" data-testid="asset-status">
                {assetLabel(t, 'status', a.status)}
              </Badge>
            </Group>
          </Group>
          {state?.done === 'registered' && (
            <Alert color="teal" variant="light" data-testid="asset-done">
              {t('assets.create.registered', { code: state.code ?? a.code })}
            </Alert>
          )}
          {a.classificationBasis === 'provisional' && (
            <Alert color="orange" variant="light" data-testid="asset-provisional">
              {t('assets.detail.provisional')}{' '}
              {a.rulingRequestId !== null && (
                <Anchor component={Link} to={`/approvals/requests/${encodeURIComponent(a.rulingRequestId)}`}>
                  {t('assets.detail.rulingRequest')}
                </Anchor>
              )}
            </Alert>
          )}
          <Facts a={a} />
          <AssetActions asset={a} />
          <Title order={2} fz="h4">
            {t('assets.detail.handlings')}
          </Title>
          {a.handlings.length === 0 ? (
            <Text c="dimmed" fz="sm">
              {t('assets.handlings.empty')}
            </Text>
          ) : (
            <HandlingTable rows={a.handlings} showSubject={false} />
          )}
          {a.disposals.length > 0 && (
            <Paper withBorder p="md" radius="md" data-testid="asset-disposals">
              <Title order={2} fz="h4" mb="xs">
                {t('assets.detail.disposals')}
              </Title>
              {a.disposals.map((d) => (
                <Group key={d.id} gap="sm" data-testid="asset-disposal">
                  <Text ff="monospace" fz="sm">
                    {d.recordNo}
                  </Text>
                  <Text fz="sm">
                    {formatDateTime(d.performedAt, lang)}・{d.performedByName}・
                    {assetLabel(t, 'method', d.method)}
                  </Text>
                  <Anchor href={certificateUrl(d.id)} target="_blank" data-testid="disposal-certificate">
                    {t('assets.detail.certificate')}
                  </Anchor>
                </Group>
              ))}
            </Paper>
          )}
          {a.publications.length > 0 && (
            <>
              <Title order={2} fz="h4">
                {t('assets.detail.publications')}
              </Title>
              <Publications items={a.publications} />
            </>
          )}
          {a.derived.length > 0 && (
            <Paper withBorder p="md" radius="md">
              <Text fz="sm" fw={600} mb="xs">
                {t('assets.detail.derived')}
              </Text>
              {a.derived.map((d) => (
                <Group key={d.id} gap="xs">
                  <Anchor component={Link} to={`/assets/${encodeURIComponent(d.id)}`} fz="sm">
                    {d.code} {d.name}
                  </Anchor>
                  <Text fz="xs" c="dimmed">
                    {assetLabel(t, 'origin', d.origin)}・{classLabel(t, d.classification)}
                  </Text>
                </Group>
              ))}
            </Paper>
          )}
          <Title order={2} fz="h4">
            {t('assets.detail.history')}
          </Title>
          <HistoryTable entries={a.history} />
        </Stack>
      )}
    </QueryView>
  );
}
