import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../api/client.js';
import { useCurrentSession } from '../identity/session.js';
import { unitName } from '../lib/labels.js';
import { useUnits } from '../org/api.js';
import { ApiErrorAlert } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { assetKeys, registerAsset, useAssets, useMedia, usePlaces } from './api.js';
import { classOptions, optionsOf } from './labels.js';

type Origin = 'created' | 'receivedInside' | 'receivedOutside';

/** /assets/new — register information one creates or obtains, with its classification (4-2(2)イ, 4-2(3)). */
export function NewAssetPage() {
  const { t, lang } = useLang();
  useTitle(t('assets.create.title'));
  const session = useCurrentSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const units = useUnits();
  const places = usePlaces();
  const media = useMedia({});
  const sources = useAssets({ limit: 1000 });
  const [origin, setOrigin] = useState<Origin>('created');
  const [v, setV] = useState<Record<string, string>>({
    form: 'electronic',
    owningUnitId: session.account.unit?.id ?? '',
  });
  const [draft, setDraft] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: string) => (value: string | null) => setV((old) => ({ ...old, [key]: value ?? '' }));
  const errors = useMemo(() => {
    const map = new Map<string, string>();
    if (isApiError(error)) for (const i of error.issues) map.set(i.field, i.message[lang]);
    return map;
  }, [error, lang]);
  const val = (key: string): string => v[key] ?? '';
  const opt = (key: string): string | null => (val(key) === '' ? null : val(key));
  const unknown = val('classification') === 'unknown';

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const classification = val('classification');
      const created = await registerAsset({
        origin,
        name: val('name'),
        description: opt('description'),
        form: val('form'),
        owningUnitId: val('owningUnitId'),
        ...(classification === '' ? {} : { classification: unknown ? 'unknown' : Number(classification) }),
        ...(unknown && val('proposed') !== '' ? { proposedClassification: Number(val('proposed')) } : {}),
        ...(unknown ? { question: opt('question') } : {}),
        sourceAssetId: origin === 'receivedInside' ? opt('sourceAssetId') : null,
        sourceParty: origin === 'created' ? null : opt('sourceParty'),
        receivedOn: origin === 'created' ? null : opt('receivedOn'),
        systemName: opt('systemName'),
        storagePlaceId: opt('storagePlaceId'),
        mediumId: opt('mediumId'),
        retainUntil: opt('retainUntil'),
        retentionNote: opt('retentionNote'),
        draft,
      });
      await client.invalidateQueries({ queryKey: assetKeys.all });
      await navigate(`/assets/${encodeURIComponent(created.id)}`, {
        state: { done: created.rulingRequestId === null ? 'registered' : 'ruling', code: created.code },
      });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const classData = [
    ...classOptions(t),
    ...(origin === 'created' ? [] : [{ value: 'unknown', label: t('assets.create.unknown') }]),
  ];
  return (
    <Stack gap="md" data-testid="new-asset-page">
      <Title order={1} fz="h2">
        {t('assets.create.title')}
      </Title>
      <Text c="dimmed" fz="sm">
        {t('assets.create.lead')}
      </Text>
      <Paper withBorder p="md" radius="md">
        <form
          data-testid="asset-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack gap="sm" maw={720}>
            <div>
              <Text fz="sm" fw={500} mb={4}>
                {t('assets.create.origin')}
              </Text>
              <SegmentedControl
                value={origin}
                onChange={(o) => setOrigin(o as Origin)}
                data={optionsOf(t, 'origin', ['created', 'receivedInside', 'receivedOutside'])}
                data-testid="asset-origin"
              />
            </div>
            <TextInput
              label={t('assets.common.name')}
              withAsterisk
              value={val('name')}
              onChange={(e) => set('name')(e.currentTarget.value)}
              error={errors.get('name')}
              data-testid="asset-name"
            />
            <Textarea
              label={t('assets.create.description')}
              value={val('description')}
              onChange={(e) => set('description')(e.currentTarget.value)}
              error={errors.get('description')}
              autosize
              minRows={2}
            />
            <Group grow>
              <Select
                label={t('assets.register.form')}
                withAsterisk
                value={opt('form')}
                onChange={set('form')}
                data={optionsOf(t, 'form', ['electronic', 'paper'])}
                data-testid="asset-form-kind"
              />
              <Select
                label={t('assets.common.unit')}
                withAsterisk
                searchable
                value={opt('owningUnitId')}
                onChange={set('owningUnitId')}
                error={errors.get('owningUnitId')}
                data={(units.data ?? []).map((u) => ({ value: u.id, label: unitName(u, lang) }))}
                data-testid="asset-unit"
              />
            </Group>
            {origin !== 'created' && (
              <Group grow>
                {origin === 'receivedInside' && (
                  <Select
                    label={t('assets.create.sourceAsset')}
                    searchable
                    clearable
                    value={opt('sourceAssetId')}
                    onChange={set('sourceAssetId')}
                    error={errors.get('sourceAssetId')}
                    data={(sources.data?.items ?? []).map((a) => ({
                      value: a.id,
                      label: `${a.code} ${a.name}`,
                    }))}
                    data-testid="asset-source"
                  />
                )}
                <TextInput
                  label={t('assets.create.sourceParty')}
                  value={val('sourceParty')}
                  onChange={(e) => set('sourceParty')(e.currentTarget.value)}
                  error={errors.get('sourceParty')}
                  data-testid="asset-source-party"
                />
                <TextInput
                  type="date"
                  label={t('assets.create.receivedOn')}
                  value={val('receivedOn')}
                  onChange={(e) => set('receivedOn')(e.currentTarget.value)}
                  error={errors.get('receivedOn')}
                />
              </Group>
            )}
            <Select
              label={t('assets.common.classification')}
              withAsterisk={origin !== 'receivedInside'}
              clearable
              value={opt('classification')}
              onChange={set('classification')}
              error={errors.get('classification')}
              data={classData}
              data-testid="asset-classification"
            />
            {unknown && (
              <Group grow>
                <Select
                  label={t('assets.create.proposed')}
                  value={opt('proposed')}
                  onChange={set('proposed')}
                  data={classOptions(t)}
                  data-testid="asset-proposed"
                />
                <TextInput
                  label={t('assets.create.question')}
                  value={val('question')}
                  onChange={(e) => set('question')(e.currentTarget.value)}
                />
              </Group>
            )}
            <Group grow>
              <TextInput
                label={t('assets.create.system')}
                value={val('systemName')}
                onChange={(e) => set('systemName')(e.currentTarget.value)}
                data-testid="asset-system"
              />
              <Select
                label={t('assets.create.place')}
                clearable
                searchable
                value={opt('storagePlaceId')}
                onChange={set('storagePlaceId')}
                error={errors.get('storagePlaceId')}
                data={(places.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
                data-testid="asset-place"
              />
              <Select
                label={t('assets.create.medium')}
                clearable
                searchable
                value={opt('mediumId')}
                onChange={set('mediumId')}
                error={errors.get('mediumId')}
                data={(media.data ?? [])
                  .filter((m) => m.status !== 'disposed')
                  .map((m) => ({ value: m.id, label: `${m.code} ${m.label}` }))}
                data-testid="asset-medium"
              />
            </Group>
            <Group grow>
              <TextInput
                type="date"
                label={t('assets.create.retainUntil')}
                value={val('retainUntil')}
                onChange={(e) => set('retainUntil')(e.currentTarget.value)}
                error={errors.get('retainUntil')}
                data-testid="asset-retain"
              />
              <TextInput
                label={t('assets.create.retentionNote')}
                value={val('retentionNote')}
                onChange={(e) => set('retentionNote')(e.currentTarget.value)}
              />
            </Group>
            {origin === 'created' && (
              <Checkbox
                label={t('assets.create.draft')}
                checked={draft}
                onChange={(e) => setDraft(e.currentTarget.checked)}
                data-testid="asset-draft"
              />
            )}
            {error !== null && <ApiErrorAlert error={error} />}
            {unknown && (
              <Alert color="orange" variant="light">
                {t('assets.detail.provisional')}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={busy} data-testid="asset-submit">
                {t('assets.create.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
