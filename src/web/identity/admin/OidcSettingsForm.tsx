import {
  Alert,
  Button,
  Code,
  Group,
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
import type { OidcSettingsBody, OidcSettingsView } from '../../../shared/directory-api-types.js';
import { isApiError } from '../../api/client.js';
import { ApiErrorAlert, PageLoader } from '../../shell/ApiErrorAlert.js';
import { useLang } from '../../shell/useLang.js';
import { directoryKeys, saveOidcSettings, useOidcSettings } from '../directory-api.js';
import { SecretField } from './SecretField.js';

const bodyOf = (view: OidcSettingsView): OidcSettingsBody => {
  const { clientSecret, ...rest } = view.settings;
  return { ...rest, clientSecret: clientSecret.kind === 'none' ? { kind: 'none' } : { kind: 'keep' } };
};

type TextField = 'nameJa' | 'nameEn' | 'issuer' | 'clientId' | 'scopes' | 'claim';

function Form({ view }: { view: OidcSettingsView }) {
  const { t, lang } = useLang();
  const queryClient = useQueryClient();
  const [body, setBody] = useState<OidcSettingsBody>(() => bodyOf(view));
  const mutation = useMutation({
    mutationFn: () => saveOidcSettings(body),
    onSuccess: async (next) => {
      queryClient.setQueryData(directoryKeys.oidc, next);
      setBody(bodyOf(next));
      await queryClient.invalidateQueries({ queryKey: directoryKeys.sso });
    },
  });
  const issues = isApiError(mutation.error) ? mutation.error.issues : [];
  const err = (field: string): string | undefined =>
    issues.find((i) => i.field === field || i.field.startsWith(`${field}.`))?.message[lang];
  const set = (patch: Partial<OidcSettingsBody>) => setBody((b) => ({ ...b, ...patch }));
  const text = (field: TextField) => (
    <TextInput
      label={t(`directory.settings.${field}`)}
      value={body[field]}
      onChange={(e) => set({ [field]: e.currentTarget.value })}
      error={err(field)}
      data-testid={`oidc-${field}`}
    />
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate();
      }}
      autoComplete="off"
      noValidate
    >
      <Stack gap="sm">
        <Switch
          label={t('directory.settings.ssoEnabled')}
          checked={body.enabled}
          onChange={(e) => set({ enabled: e.currentTarget.checked })}
          data-testid="oidc-enabled"
        />
        <Group grow>
          {text('nameJa')}
          {text('nameEn')}
        </Group>
        {text('issuer')}
        {text('clientId')}
        <SecretField
          label={t('directory.settings.clientSecret')}
          current={view.settings.clientSecret}
          value={body.clientSecret}
          onChange={(clientSecret) => set({ clientSecret })}
          error={err('clientSecret')}
          testId="oidc-clientSecret"
        />
        {text('scopes')}
        <Group grow align="flex-start">
          {text('claim')}
          <Select
            label={t('directory.settings.matchBy')}
            data={(['loginId', 'employeeNumber', 'directoryId'] as const).map((m) => ({
              value: m,
              label: t(`directory.settings.match.${m}`),
            }))}
            value={body.matchBy}
            allowDeselect={false}
            onChange={(m) => {
              if (m === 'loginId' || m === 'employeeNumber' || m === 'directoryId') set({ matchBy: m });
            }}
            data-testid="oidc-matchBy"
          />
        </Group>
        <Select
          label={t('directory.settings.passwordSignIn')}
          data={(['everyone', 'privilegedOnly'] as const).map((m) => ({
            value: m,
            label: t(`directory.settings.passwordModes.${m}`),
          }))}
          value={body.passwordSignIn}
          allowDeselect={false}
          onChange={(m) => {
            if (m === 'everyone' || m === 'privilegedOnly') set({ passwordSignIn: m });
          }}
          error={err('passwordSignIn')}
          data-testid="oidc-passwordSignIn"
        />
        <Text fz="sm">
          {t('directory.settings.redirectUri')}:{' '}
          <Code data-testid="oidc-redirect-uri">{view.redirectUri}</Code>
        </Text>
        <Alert variant="light" color="gray" p="xs">
          <Text fz="xs">{t('directory.settings.ssoNote')}</Text>
        </Alert>
        {mutation.isError && <ApiErrorAlert error={mutation.error} />}
        {mutation.isSuccess && (
          <Alert color="teal" variant="light" data-testid="oidc-saved">
            {t('directory.settings.saved')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending} data-testid="oidc-save">
            {t('directory.settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The hospital's OpenID Connect provider: the sign-in button, the client, how a person is found. */
export function OidcSettingsForm() {
  const { t } = useLang();
  const settings = useOidcSettings();
  return (
    <Paper withBorder p="md" radius="md" data-testid="directory-oidc">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('directory.settings.ssoTitle')}
        </Title>
        {settings.isPending && <PageLoader />}
        {settings.isError && <ApiErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
        {settings.data !== undefined && <Form view={settings.data} />}
      </Stack>
    </Paper>
  );
}
