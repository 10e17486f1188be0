import {
  Alert,
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DirectorySettingsBody, DirectorySettingsView } from '../../../shared/directory-api-types.js';
import { isApiError } from '../../api/client.js';
import { formatDateTime } from '../../lib/dates.js';
import { ApiErrorAlert, PageLoader } from '../../shell/ApiErrorAlert.js';
import { useLang } from '../../shell/useLang.js';
import { useTitle } from '../../shell/useTitle.js';
import { directoryKeys, saveDirectorySettings, useDirectorySettings } from '../directory-api.js';
import { OidcSettingsForm } from './OidcSettingsForm.js';
import { SecretField } from './SecretField.js';

const bodyOf = (view: DirectorySettingsView): DirectorySettingsBody => {
  const { bindPassword, ...rest } = view.settings;
  return { ...rest, bindPassword: bindPassword.kind === 'none' ? { kind: 'none' } : { kind: 'keep' } };
};

type PeopleText = 'id' | 'loginId' | 'employeeNumber' | 'displayName';
const peopleText: PeopleText[] = ['id', 'loginId', 'employeeNumber', 'displayName'];

function LdapForm({ view }: { view: DirectorySettingsView }) {
  const { t, lang } = useLang();
  const queryClient = useQueryClient();
  const [body, setBody] = useState<DirectorySettingsBody>(() => bodyOf(view));
  const mutation = useMutation({
    mutationFn: () => saveDirectorySettings(body),
    onSuccess: (next) => {
      queryClient.setQueryData(directoryKeys.settings, next);
      setBody(bodyOf(next));
    },
  });
  const issues = isApiError(mutation.error) ? mutation.error.issues : [];
  const err = (field: string): string | undefined =>
    issues.find((i) => i.field === field || i.field.startsWith(`${field}.`))?.message[lang];
  const set = (patch: Partial<DirectorySettingsBody>) => setBody((b) => ({ ...b, ...patch }));
  const text = (field: 'url' | 'bindDn' | 'peopleBaseDn' | 'peopleFilter' | 'groupFilter') => (
    <TextInput
      label={t(`directory.settings.${field}`)}
      value={body[field]}
      onChange={(e) => set({ [field]: e.currentTarget.value })}
      error={err(field)}
      {...(field === 'url' ? { description: t('directory.settings.urlHint') } : {})}
      data-testid={`directory-${field}`}
    />
  );
  const nullable = (value: string): string | null => (value.trim() === '' ? null : value);
  return (
    <Paper withBorder p="md" radius="md" data-testid="directory-ldap">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate();
        }}
        autoComplete="off"
        noValidate
      >
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('directory.settings.ldapTitle')}
          </Title>
          <Switch
            label={t('directory.settings.enabled')}
            checked={body.enabled}
            onChange={(e) => set({ enabled: e.currentTarget.checked })}
            data-testid="directory-enabled"
          />
          <Select
            label={t('directory.settings.kind')}
            description={t('directory.settings.kindHint')}
            data={(['activeDirectory', 'openldap'] as const).map((k) => ({
              value: k,
              label: t(`directory.settings.kinds.${k}`),
            }))}
            value={body.kind}
            allowDeselect={false}
            onChange={(k) => {
              if (k === 'openldap' || k === 'activeDirectory') set({ kind: k, ...view.presets[k] });
            }}
            data-testid="directory-kind"
          />
          {text('url')}
          <Switch
            label={t('directory.settings.startTls')}
            checked={body.startTls}
            onChange={(e) => set({ startTls: e.currentTarget.checked })}
            error={err('startTls')}
            data-testid="directory-startTls"
          />
          <TextInput
            label={t('directory.settings.tlsCaFile')}
            description={t('directory.settings.tlsCaFileHint')}
            value={body.tlsCaFile ?? ''}
            onChange={(e) => set({ tlsCaFile: nullable(e.currentTarget.value) })}
            error={err('tlsCaFile')}
            data-testid="directory-tlsCaFile"
          />
          {text('bindDn')}
          <SecretField
            label={t('directory.settings.bindPassword')}
            current={view.settings.bindPassword}
            value={body.bindPassword}
            onChange={(bindPassword) => set({ bindPassword })}
            error={err('bindPassword')}
            testId="directory-bindPassword"
          />
          {text('peopleBaseDn')}
          {text('peopleFilter')}
          <TextInput
            label={t('directory.settings.groupBaseDn')}
            description={t('directory.settings.groupBaseDnHint')}
            value={body.groupBaseDn ?? ''}
            onChange={(e) => set({ groupBaseDn: nullable(e.currentTarget.value) })}
            error={err('groupBaseDn')}
            data-testid="directory-groupBaseDn"
          />
          {text('groupFilter')}
          <Text fw={600} fz="sm">
            {t('directory.settings.attributes')}
          </Text>
          <Grid gutter="xs">
            {peopleText.map((f) => (
              <Grid.Col key={f} span={{ base: 12, sm: 6, md: 3 }}>
                <TextInput
                  label={t(`directory.settings.attr.${f}`)}
                  value={body.people[f]}
                  onChange={(e) => set({ people: { ...body.people, [f]: e.currentTarget.value } })}
                  error={err(`people.${f}`)}
                  data-testid={`directory-people-${f}`}
                />
              </Grid.Col>
            ))}
            {(['email', 'memberOf'] as const).map((f) => (
              <Grid.Col key={f} span={{ base: 12, sm: 6, md: 3 }}>
                <TextInput
                  label={t(`directory.settings.attr.${f}`)}
                  description={t('directory.settings.optionalHint')}
                  value={body.people[f] ?? ''}
                  onChange={(e) => set({ people: { ...body.people, [f]: nullable(e.currentTarget.value) } })}
                  error={err(`people.${f}`)}
                  data-testid={`directory-people-${f}`}
                />
              </Grid.Col>
            ))}
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <TextInput
                label={t('directory.settings.attr.disabled')}
                description={t('directory.settings.optionalHint')}
                value={body.people.disabled?.attribute ?? ''}
                onChange={(e) => {
                  const attribute = e.currentTarget.value;
                  set({
                    people: {
                      ...body.people,
                      disabled:
                        attribute.trim() === ''
                          ? null
                          : { attribute, kind: body.people.disabled?.kind ?? 'present' },
                    },
                  });
                }}
                error={err('people.disabled')}
                data-testid="directory-people-disabled"
              />
            </Grid.Col>
            {(['id', 'name', 'member'] as const).map((f) => (
              <Grid.Col key={f} span={{ base: 12, sm: 6, md: 3 }}>
                <TextInput
                  label={t(
                    `directory.settings.attr.${f === 'id' ? 'groupId' : f === 'name' ? 'groupName' : 'groupMember'}`,
                  )}
                  value={body.groups[f]}
                  onChange={(e) => set({ groups: { ...body.groups, [f]: e.currentTarget.value } })}
                  error={err(`groups.${f}`)}
                  data-testid={`directory-groups-${f}`}
                />
              </Grid.Col>
            ))}
          </Grid>
          <Switch
            label={t('directory.settings.createAccounts')}
            checked={body.createAccounts}
            onChange={(e) => set({ createAccounts: e.currentTarget.checked })}
            data-testid="directory-createAccounts"
          />
          <Group grow align="flex-start">
            <NumberInput
              label={t('directory.settings.interval')}
              description={t('directory.settings.intervalHint')}
              value={body.intervalMinutes ?? ''}
              min={15}
              allowDecimal={false}
              onChange={(v) => set({ intervalMinutes: v === '' ? null : Number(v) })}
              error={err('intervalMinutes')}
              data-testid="directory-interval"
            />
            <NumberInput
              label={t('directory.settings.maxDisable')}
              description={t('directory.settings.maxDisableHint')}
              value={body.maxDisablePerRun}
              min={0}
              allowDecimal={false}
              onChange={(v) => set({ maxDisablePerRun: typeof v === 'number' ? v : Number(v) || 0 })}
              error={err('maxDisablePerRun')}
              data-testid="directory-maxDisable"
            />
          </Group>
          {mutation.isError && issues.length === 0 && <ApiErrorAlert error={mutation.error} />}
          {mutation.isError && issues.length > 0 && (
            <Alert color="red" variant="light" data-testid="directory-problems">
              {issues.map((i) => (
                <Text key={i.field} fz="sm">
                  {i.field}: {i.message[lang]}
                </Text>
              ))}
            </Alert>
          )}
          {mutation.isSuccess && (
            <Alert color="teal" variant="light" data-testid="directory-saved">
              {t('directory.settings.saved')}
            </Alert>
          )}
          <Group justify="space-between">
            <Text fz="sm" c="dimmed" data-testid="directory-last-run">
              {t('directory.settings.lastRun')}:{' '}
              {view.lastRun === null
                ? t('directory.settings.never')
                : `${formatDateTime(view.lastRun.startedAt, lang)} (${t(`directory.sync.outcome.${view.lastRun.outcome}`)})`}
              {view.nextRunAt !== null &&
                ` / ${t('directory.settings.nextRun')}: ${formatDateTime(view.nextRunAt, lang)}`}
            </Text>
            <Group>
              <Button component={Link} to="/identity/directory/sync" variant="default">
                {t('directory.settings.goSync')}
              </Button>
              <Button type="submit" loading={mutation.isPending} data-testid="directory-save">
                {t('directory.settings.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** LDAP / Active Directory and OpenID Connect settings (CISO, Security Director). */
export function DirectorySettingsPage() {
  const { t } = useLang();
  useTitle(t('directory.settings.title'));
  const settings = useDirectorySettings();
  return (
    <Stack gap="md" data-testid="directory-settings-page">
      <Title order={1} fz="h2">
        {t('directory.settings.title')}
      </Title>
      <Text fz="sm">{t('directory.settings.lead')}</Text>
      {settings.isPending && <PageLoader />}
      {settings.isError && <ApiErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data !== undefined && <LdapForm view={settings.data} />}
      <OidcSettingsForm />
    </Stack>
  );
}
