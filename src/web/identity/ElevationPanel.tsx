import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type SyntheticEvent, useState } from 'react';
import { isApiError } from '../api/client.js';
import { sessionKey } from '../api/query.js';
import { formatDateTime } from '../lib/dates.js';
import { ApiErrorAlert } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { elevate, webauthnAuthenticationOptions } from './api.js';
import { fetchSession, useCurrentSession } from './session.js';
import { getAssertion, webauthnSupported } from './webauthn-browser.js';

/**
 * Elevation of a privileged ID (第7 2(4)): the password again, and the code when the profile asks for a second
 * factor; the administrator rights last for the profile's minutes. The server replaces the session cookie.
 */
export function ElevationPanel({ minutes }: { minutes: number }) {
  const { t, lang } = useLang();
  const session = useCurrentSession();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const mutation = useMutation({
    mutationFn: async (withKey: boolean) =>
      elevate(
        password,
        withKey
          ? { webauthn: await getAssertion(await webauthnAuthenticationOptions()) }
          : { code: code.trim() },
      ),
    onSuccess: async () => {
      setPassword('');
      setCode('');
      await queryClient.query({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 0 });
    },
    onError: () => setPassword(''),
  });
  const onSubmit = (e: SyntheticEvent<HTMLFormElement, SubmitEvent>) => {
    e.preventDefault();
    if (password !== '' && !mutation.isPending) mutation.mutate(false);
  };
  const fieldError = isApiError(mutation.error) ? mutation.error.issues[0]?.message[lang] : undefined;
  return (
    <Paper withBorder p="md" radius="md" data-testid="elevation-panel">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('identity.security.elevationTitle')}
        </Title>
        <Text fz="sm">{t('identity.security.elevationLead', { minutes: String(minutes) })}</Text>
        {session.elevatedUntil !== null ? (
          <Alert color="grape" variant="light" data-testid="elevated-until">
            {t('identity.security.elevatedUntil', { when: formatDateTime(session.elevatedUntil, lang) })}
          </Alert>
        ) : (
          <Text fz="sm" c="dimmed" data-testid="not-elevated">
            {t('identity.security.notElevated')}
          </Text>
        )}
        <form onSubmit={onSubmit} autoComplete="off" noValidate>
          <Stack gap="xs">
            <PasswordInput
              label={t('identity.security.password')}
              name="mamori-elevation-secret"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldError}
              data-testid="elevate-password"
            />
            {session.passwordRules.mfaRequired && webauthnSupported() && (
              <Button
                variant="light"
                onClick={() => {
                  if (password !== '') mutation.mutate(true);
                }}
                data-testid="elevate-key"
              >
                {t('identity.mfa.useKey')}
              </Button>
            )}
            {session.passwordRules.mfaRequired && (
              <TextInput
                label={t('identity.security.code')}
                name="mamori-elevation-code"
                autoComplete="one-time-code"
                inputMode="numeric"
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                data-testid="elevate-code"
              />
            )}
            {mutation.isError && fieldError === undefined && <ApiErrorAlert error={mutation.error} />}
            <div>
              <Button type="submit" loading={mutation.isPending} data-testid="elevate-submit">
                {t('identity.security.elevate')}
              </Button>
            </div>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
