import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type {
  DepartureView,
  IdentitySettingsBody,
  IdentitySettingsView,
  PackSetFieldView,
  PasswordProfileView,
} from '../../../shared/api-types.js';
import { changeRequestPath } from '../../policy/api.js';
import { ApiErrorAlert, PageLoader } from '../../shell/ApiErrorAlert.js';
import { useLang } from '../../shell/useLang.js';
import { useTitle } from '../../shell/useTitle.js';
import { identityKeys, previewSettings, saveSettings, useIdentitySettings } from '../api.js';
import { guideLabel, presetIds, presetLabel } from '../labels.js';

type Klass = 'standard' | 'privileged';
type NumberField =
  'minLength' | 'historyCount' | 'lockoutThreshold' | 'idleMinutes' | 'absoluteMinutes' | 'elevationMinutes';
type NullableField = 'maxAgeDays' | 'maxSignIns' | 'lockoutMinutes';
type BoolField = 'requireMixed' | 'blocklist' | 'rejectPersonalInfo' | 'mfaRequired';

const numberFields: NumberField[] = [
  'minLength',
  'historyCount',
  'lockoutThreshold',
  'idleMinutes',
  'absoluteMinutes',
  'elevationMinutes',
];
const nullableFields: NullableField[] = ['maxAgeDays', 'maxSignIns', 'lockoutMinutes'];
const boolFields: BoolField[] = ['requireMixed', 'blocklist', 'rejectPersonalInfo', 'mfaRequired'];

function Departures({ items, testId }: { items: readonly DepartureView[]; testId: string }) {
  const { t, lang } = useLang();
  if (items.length === 0)
    return (
      <Text fz="sm" c="teal.8" data-testid={testId}>
        {t('identity.settings.noDepartures')}
      </Text>
    );
  return (
    <Stack gap="xs" data-testid={testId}>
      {items.map((d) => (
        <Paper key={`${d.guide}-${d.field}`} withBorder p="xs" radius="sm" data-testid="departure">
          <Group gap="xs" mb={4}>
            <Badge size="sm" color={d.guide === 'standard' ? 'red' : d.guide === 'mhlw' ? 'orange' : 'blue'}>
              {guideLabel(t, d.guide)}
            </Badge>
            <Text fz="xs" c="dimmed">
              {d.field}
            </Text>
          </Group>
          <Text fz="sm">{d.what[lang]}</Text>
          <Text fz="xs" c="dimmed">
            {t('identity.settings.why')}: {d.why[lang]}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

/**
 * A field the policy pack's parameter in force sets: its value, read-only, and the way to change it — a request to
 * the committee (第9 3) — instead of an input the server would refuse on save.
 */
function PackSetField({
  klass,
  set,
  profile,
}: {
  klass: Klass;
  set: PackSetFieldView;
  profile: PasswordProfileView;
}) {
  const { t, lang } = useLang();
  const value = profile[set.field];
  const shown =
    typeof value === 'boolean'
      ? t(value ? 'identity.settings.yes' : 'identity.settings.no')
      : value === null
        ? t(set.field === 'lockoutMinutes' ? 'identity.settings.untilUnlock' : 'identity.settings.none')
        : String(value);
  return (
    <Stack gap={2} data-testid={`${klass}-${set.field}`} data-pack-set={set.parameterKey}>
      <Text fz="sm" fw={500}>
        {t(`identity.settings.${set.field}`)}
      </Text>
      <Group gap="xs">
        <Text fz="sm" fw={600} data-testid="pack-set-value">
          {shown}
        </Text>
        <Badge size="xs" variant="light" color="gray">
          {t('identity.settings.packSet')}
        </Badge>
      </Group>
      <Text fz="xs" c="dimmed">
        {t('identity.settings.packSetNote', {
          label: lang === 'ja' ? set.labelJa : set.labelEn,
          clause: set.clause,
          key: set.parameterKey,
        })}
      </Text>
      <Anchor
        component={Link}
        to={changeRequestPath(set.parameterKey)}
        fz="xs"
        data-testid="pack-set-request"
      >
        {t('identity.settings.packSetRequest')}
      </Anchor>
    </Stack>
  );
}

function ProfileEditor({
  klass,
  profile,
  presets,
  packSet,
  onChange,
  errors,
}: {
  klass: Klass;
  profile: PasswordProfileView;
  presets: IdentitySettingsView['presets'];
  packSet: IdentitySettingsView['packSet'][Klass];
  onChange: (p: PasswordProfileView) => void;
  errors: Map<string, string>;
}) {
  const { t } = useLang();
  const err = (field: string) => errors.get(`profiles.${klass}.${field}`);
  // The pack sets these only while the class keeps its Kawaguchi profile; other presets stay adjustable.
  const bound = new Map(
    profile.preset === packSet.preset ? packSet.fields.map((f) => [f.field as string, f]) : [],
  );
  const readOnly = (f: string) => {
    const set = bound.get(f);
    return set && <PackSetField key={f} klass={klass} set={set} profile={profile} />;
  };
  return (
    <Stack gap="xs" data-testid={`profile-${klass}`}>
      <Select
        label={t('identity.settings.preset')}
        data={presetIds.map((id) => ({ value: id, label: presetLabel(t, id) }))}
        value={profile.preset}
        allowDeselect={false}
        onChange={(v) => {
          const next = v === null ? undefined : presets[v];
          if (next !== undefined) onChange(next);
        }}
        data-testid={`preset-${klass}`}
      />
      {numberFields.map(
        (f) =>
          readOnly(f) ?? (
            <NumberInput
              key={f}
              label={t(`identity.settings.${f}`)}
              value={profile[f]}
              min={0}
              allowDecimal={false}
              onChange={(v) => onChange({ ...profile, [f]: typeof v === 'number' ? v : Number(v) || 0 })}
              error={err(f)}
              data-testid={`${klass}-${f}`}
            />
          ),
      )}
      {nullableFields.map(
        (f) =>
          readOnly(f) ?? (
            <NumberInput
              key={f}
              label={t(`identity.settings.${f}`)}
              placeholder={
                f === 'lockoutMinutes' ? t('identity.settings.untilUnlock') : t('identity.settings.none')
              }
              value={profile[f] ?? ''}
              min={0}
              allowDecimal={false}
              onChange={(v) => onChange({ ...profile, [f]: v === '' ? null : Number(v) })}
              error={err(f)}
              data-testid={`${klass}-${f}`}
            />
          ),
      )}
      {boolFields.map(
        (f) =>
          readOnly(f) ?? (
            <Switch
              key={f}
              label={t(`identity.settings.${f}`)}
              checked={profile[f]}
              onChange={(e) => onChange({ ...profile, [f]: e.currentTarget.checked })}
              error={err(f)}
              data-testid={`${klass}-${f}`}
            />
          ),
      )}
    </Stack>
  );
}

function SettingsForm({ view }: { view: IdentitySettingsView }) {
  const { t, lang } = useLang();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<IdentitySettingsBody>(view.settings);
  const [debounced] = useDebouncedValue(draft, 300);
  const preview = useQuery({
    queryKey: ['identity', 'settings', 'preview', debounced],
    queryFn: () => previewSettings(debounced),
  });
  const save = useMutation({
    mutationFn: () => saveSettings(draft),
    onSuccess: (saved) => queryClient.setQueryData(identityKeys.settings, saved),
  });
  const problems = preview.data?.problems ?? [];
  const errors = new Map(problems.map((p) => [p.field, p.message[lang]]));
  const departures = preview.data?.departures ?? view.departures;
  const setProfile = (klass: Klass) => (p: PasswordProfileView) =>
    setDraft({ ...draft, profiles: { ...draft.profiles, [klass]: p } });

  return (
    <Stack gap="md">
      <Grid>
        {(['standard', 'privileged'] as const).map((klass) => (
          <Grid.Col key={klass} span={{ base: 12, md: 6 }}>
            <Paper withBorder p="md" radius="md">
              <Title order={2} fz="h4" mb="sm">
                {t(`identity.settings.${klass}`)}
              </Title>
              <ProfileEditor
                klass={klass}
                profile={draft.profiles[klass]}
                presets={view.presets}
                packSet={view.packSet[klass]}
                onChange={setProfile(klass)}
                errors={errors}
              />
              <Title order={3} fz="h5" mt="md" mb="xs">
                {t('identity.settings.departures')}
              </Title>
              <Departures items={departures[klass]} testId={`departures-${klass}`} />
            </Paper>
          </Grid.Col>
        ))}
      </Grid>
      <Paper withBorder p="md" radius="md">
        <Title order={2} fz="h4" mb="sm">
          {t('identity.settings.address')}
        </Title>
        <Group grow>
          {(
            [
              ['threshold', 'addressThreshold'],
              ['windowMinutes', 'addressWindow'],
              ['lockMinutes', 'addressLock'],
            ] as const
          ).map(([field, label]) => (
            <NumberInput
              key={field}
              label={t(`identity.settings.${label}`)}
              value={draft.address[field]}
              min={1}
              allowDecimal={false}
              onChange={(v) => setDraft({ ...draft, address: { ...draft.address, [field]: Number(v) || 0 } })}
            />
          ))}
        </Group>
        <NumberInput
          mt="sm"
          label={t('identity.settings.unusedDays')}
          value={draft.unusedDays}
          min={7}
          allowDecimal={false}
          onChange={(v) => setDraft({ ...draft, unusedDays: Number(v) || 0 })}
        />
        <Text fz="xs" c="dimmed" mt="sm">
          {t('identity.settings.blocklistSize', { count: view.blocklistSize })}
        </Text>
      </Paper>
      {problems.length > 0 && (
        <Alert
          color="red"
          variant="light"
          title={t('identity.settings.problems')}
          data-testid="settings-problems"
        >
          <Stack gap={2}>
            {problems.map((p) => (
              <Text key={p.field} fz="sm">
                {p.message[lang]}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {save.isError && <ApiErrorAlert error={save.error} />}
      {save.isSuccess && (
        <Alert color="teal" variant="light" role="status" data-testid="settings-saved">
          {t('identity.settings.saved')}
        </Alert>
      )}
      <Group>
        <Button
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={problems.length > 0}
          data-testid="settings-save"
        >
          {t('identity.settings.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Password profiles per account class, with where each departs from NIST, MHLW or the standard, and why. */
export function SettingsPage() {
  const { t } = useLang();
  useTitle(t('identity.settings.title'));
  const settings = useIdentitySettings();
  return (
    <Stack gap="md" data-testid="identity-settings-page">
      <Title order={1} fz="h2">
        {t('identity.settings.title')}
      </Title>
      <Text fz="sm">{t('identity.settings.lead')}</Text>
      {settings.isPending && <PageLoader />}
      {settings.isError && <ApiErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && <SettingsForm view={settings.data} />}
    </Stack>
  );
}
