import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AssetDetailView } from '../../shared/api-types.js';
import { useLang } from '../shell/useLang.js';
import { ActionModal, type ActionValues } from './ActionModal.js';
import {
  askRuling,
  assetKeys,
  deriveAsset,
  eraseDraft,
  publishAsset,
  reclassifyAsset,
  requestUrl,
  updateAsset,
  useMedia,
  usePlaces,
} from './api.js';
import { classOptions, optionsOf } from './labels.js';

type Action = 'edit' | 'derive' | 'reclassify' | 'erase' | 'ruling' | 'publish' | null;

/** What the reader may do with an asset: request its handling, register a copy, and the Manager's decisions. */
export function AssetActions({ asset }: { asset: AssetDetailView }) {
  const { t } = useLang();
  const client = useQueryClient();
  const [open, setOpen] = useState<Action>(null);
  const places = usePlaces();
  const media = useMedia({});
  const refresh = () => client.invalidateQueries({ queryKey: assetKeys.all });
  const name = `${asset.code} ${asset.name}`;
  const run = (f: (v: ActionValues) => Promise<unknown>) => async (v: ActionValues) => {
    await f(v);
    await refresh();
  };
  const live = asset.status === 'active' || asset.status === 'draft';
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('assets.detail.actions')}
        </Title>
        {live && asset.can.request && (
          <Group gap="xs">
            <Button
              component={Link}
              to={requestUrl('assets.transport', `asset:${asset.id}`, name, asset.classification)}
              variant="light"
              data-testid="asset-request-transport"
            >
              {t('assets.detail.requestTransport')}
            </Button>
            <Button
              component={Link}
              to={requestUrl('assets.provision', `asset:${asset.id}`, name, asset.classification)}
              variant="light"
              data-testid="asset-request-provision"
            >
              {t('assets.detail.requestProvision')}
            </Button>
            <Button
              component={Link}
              to={requestUrl('assets.disposal', `asset:${asset.id}`, name, asset.classification)}
              variant="light"
              color="red"
              data-testid="asset-request-disposal"
            >
              {t('assets.detail.requestDisposal')}
            </Button>
          </Group>
        )}
        <Group gap="xs">
          {live && asset.can.update && (
            <Button variant="default" onClick={() => setOpen('edit')} data-testid="asset-edit">
              {t('assets.detail.edit')}
            </Button>
          )}
          {live && (
            <Button variant="default" onClick={() => setOpen('derive')} data-testid="asset-derive">
              {t('assets.detail.derive')}
            </Button>
          )}
          {asset.status === 'draft' && asset.can.update && (
            <Button
              variant="default"
              onClick={() => void updateAsset(asset.id, { status: 'active' }).then(refresh)}
              data-testid="asset-finish"
            >
              {t('assets.detail.finish')}
            </Button>
          )}
          {asset.can.eraseDraft && (
            <Button variant="default" color="red" onClick={() => setOpen('erase')} data-testid="asset-erase">
              {t('assets.detail.erase')}
            </Button>
          )}
          {asset.can.reclassify && (
            <Button variant="default" onClick={() => setOpen('reclassify')} data-testid="asset-reclassify">
              {t('assets.detail.reclassify')}
            </Button>
          )}
          {live && asset.classificationBasis === 'provisional' && asset.can.update && (
            <Button variant="default" onClick={() => setOpen('ruling')} data-testid="asset-ruling">
              {t('assets.detail.askAgain')}
            </Button>
          )}
          {asset.can.publish && (
            <Button variant="default" onClick={() => setOpen('publish')} data-testid="asset-publish">
              {t('assets.detail.publish')}
            </Button>
          )}
        </Group>
        {!live && (
          <Text fz="sm" c="dimmed">
            {t(`assets.status.${asset.status}`)}
          </Text>
        )}
      </Stack>
      {open === 'edit' && (
        <ActionModal
          opened
          onClose={() => setOpen(null)}
          title={t('assets.detail.edit')}
          testId="edit-form"
          submitLabel={t('assets.common.save')}
          fields={[
            {
              key: 'name',
              label: t('assets.common.name'),
              type: 'text',
              required: true,
              initial: asset.name,
            },
            {
              key: 'description',
              label: t('assets.create.description'),
              type: 'textarea',
              initial: asset.description ?? '',
            },
            {
              key: 'systemName',
              label: t('assets.create.system'),
              type: 'text',
              initial: asset.systemName ?? '',
            },
            {
              key: 'storagePlaceId',
              label: t('assets.create.place'),
              type: 'select',
              options: (places.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` })),
              initial: asset.storagePlace?.id ?? '',
            },
            {
              key: 'mediumId',
              label: t('assets.create.medium'),
              type: 'select',
              options: (media.data ?? [])
                .filter((m) => m.status !== 'disposed')
                .map((m) => ({ value: m.id, label: `${m.code} ${m.label}` })),
              initial: asset.medium?.id ?? '',
            },
            {
              key: 'retainUntil',
              label: t('assets.create.retainUntil'),
              type: 'date',
              initial: asset.retainUntil ?? '',
            },
            {
              key: 'retentionNote',
              label: t('assets.create.retentionNote'),
              type: 'text',
              initial: asset.retentionNote ?? '',
            },
          ]}
          onSubmit={run((v) =>
            updateAsset(asset.id, {
              name: v['name'] ?? '',
              description: v['description'] ?? null,
              systemName: v['systemName'] ?? null,
              storagePlaceId: v['storagePlaceId'] || null,
              mediumId: v['mediumId'] || null,
              retainUntil: v['retainUntil'] || null,
              retentionNote: v['retentionNote'] ?? null,
            }),
          )}
        />
      )}
      <ActionModal
        opened={open === 'derive'}
        onClose={() => setOpen(null)}
        title={t('assets.detail.derive')}
        testId="derive-form"
        submitLabel={t('assets.common.save')}
        fields={[
          {
            key: 'kind',
            label: t('assets.detail.deriveKind'),
            type: 'select',
            required: true,
            options: optionsOf(t, 'origin', ['copy', 'transmission']),
            initial: 'copy',
          },
          { key: 'name', label: t('assets.common.name'), type: 'text' },
          { key: 'recipient', label: t('assets.detail.recipient'), type: 'text' },
          { key: 'systemName', label: t('assets.create.system'), type: 'text' },
        ]}
        onSubmit={run((v) =>
          deriveAsset(asset.id, {
            kind: v['kind'],
            name: v['name'] ?? null,
            recipient: v['recipient'] ?? null,
            systemName: v['systemName'] ?? null,
          }),
        )}
      />
      <ActionModal
        opened={open === 'erase'}
        onClose={() => setOpen(null)}
        title={t('assets.detail.erase')}
        lead={t('assets.detail.eraseLead')}
        testId="erase-form"
        submitLabel={t('assets.detail.erase')}
        fields={[{ key: 'reason', label: t('assets.common.reason'), type: 'textarea', required: true }]}
        onSubmit={run((v) => eraseDraft(asset.id, { reason: v['reason'] ?? '' }))}
      />
      <ActionModal
        opened={open === 'reclassify'}
        onClose={() => setOpen(null)}
        title={t('assets.detail.reclassify')}
        testId="reclassify-form"
        submitLabel={t('assets.common.save')}
        fields={[
          {
            key: 'classification',
            label: t('assets.common.classification'),
            type: 'select',
            required: true,
            options: classOptions(t),
          },
          { key: 'reason', label: t('assets.common.reason'), type: 'textarea', required: true },
        ]}
        onSubmit={run((v) =>
          reclassifyAsset(asset.id, {
            classification: Number(v['classification']),
            reason: v['reason'] ?? '',
          }),
        )}
      />
      <ActionModal
        opened={open === 'ruling'}
        onClose={() => setOpen(null)}
        title={t('assets.detail.askAgain')}
        testId="ruling-form"
        submitLabel={t('assets.common.save')}
        fields={[
          {
            key: 'proposedClassification',
            label: t('assets.create.proposed'),
            type: 'select',
            required: true,
            options: classOptions(t),
          },
          { key: 'question', label: t('assets.create.question'), type: 'textarea' },
        ]}
        onSubmit={run((v) =>
          askRuling(asset.id, {
            proposedClassification: Number(v['proposedClassification']),
            question: v['question'] ?? null,
          }),
        )}
      />
      <ActionModal
        opened={open === 'publish'}
        onClose={() => setOpen(null)}
        title={t('assets.detail.publish')}
        lead={t('assets.detail.publishLead')}
        testId="publish-form"
        submitLabel={t('assets.common.save')}
        fields={[
          { key: 'channel', label: t('assets.detail.channel'), type: 'text', required: true },
          { key: 'content', label: t('assets.detail.file'), type: 'file', required: true },
        ]}
        onSubmit={run((v) =>
          publishAsset(asset.id, {
            channel: v['channel'] ?? '',
            contentBase64: v['content'] ?? '',
            fileName: v['contentName'] ?? null,
          }),
        )}
      />
    </Paper>
  );
}
