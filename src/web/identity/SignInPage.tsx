import {
  Alert,
  Button,
  Divider,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type SyntheticEvent, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { sessionKey } from '../api/query.js';
import { ApiErrorAlert, PageLoader } from '../shell/ApiErrorAlert.js';
import { LanguageSwitch } from '../shell/LanguageSwitch.js';
import { CenteredPage } from '../shell/RequireSession.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { useSsoInfo } from './directory-api.js';
import { safeReturnPath } from './return-path.js';
import { signIn, useSession } from './session.js';

const ssoErrors = [
  'off',
  'unreachable',
  'stateMismatch',
  'expired',
  'providerError',
  'tokenRejected',
  'noAccount',
  'unusable',
] as const;

export function SignInPage() {
  const { t, lang } = useLang();
  useTitle(t('signin.title'));
  const session = useSession();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');
  const from = safeReturnPath((location.state as { from?: unknown } | null)?.from);
  const sso = useSsoInfo();
  // Where single sign-on sent the person back with a refusal (/signin?sso=<reason>).
  const ssoError = ssoErrors.find((r) => r === new URLSearchParams(location.search).get('sso'));

  const mutation = useMutation({
    mutationFn: () => signIn(loginId.trim(), password),
    onSuccess: (s) => queryClient.setQueryData(sessionKey, s),
    // The password never stays in the form after an attempt, right or wrong.
    onSettled: () => setPassword(''),
  });

  if (session.isPending) return <PageLoader />;
  if (session.data) {
    // A second factor comes before anything else, even a password change (that needs the full sign-in).
    const next =
      session.data.stage === 'mfa' ||
      (session.data.stage === 'enrol' && !session.data.account.mustChangePassword)
        ? '/mfa'
        : session.data.account.mustChangePassword
          ? '/password'
          : from;
    return <Navigate to={next} replace />;
  }

  const onSubmit = (e: SyntheticEvent<HTMLFormElement, SubmitEvent>) => {
    e.preventDefault();
    if (loginId.trim() === '' || password === '' || mutation.isPending) return;
    mutation.mutate();
  };

  return (
    <CenteredPage>
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420} data-testid="signin-page">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <div>
              <Text fw={700} fz={28} c="teal.8" lh={1.2}>
                守り{' '}
                <Text span fz="md" c="dimmed" fw={400}>
                  Mamori
                </Text>
              </Text>
              <Text fz="xs" c="dimmed">
                {t('app.tagline')}
              </Text>
            </div>
            <LanguageSwitch />
          </Group>
          <Title order={1} fz="h3">
            {t('signin.title')}
          </Title>
          <Text fz="sm">{t('signin.lead')}</Text>
          {ssoError !== undefined && (
            <Alert color="red" variant="light" data-testid="signin-sso-error">
              {t(`directory.signin.error.${ssoError}`)}
            </Alert>
          )}
          {sso.data?.oidc != null && (
            <Stack gap="xs">
              <Button
                component="a"
                href={`${sso.data.oidc.startUrl}?returnTo=${encodeURIComponent(from)}`}
                variant="filled"
                color="indigo"
                data-testid="signin-sso"
              >
                {t('directory.signin.button', { name: sso.data.oidc.name[lang] })}
              </Button>
              <Divider label={t('directory.signin.or')} labelPosition="center" />
              {sso.data.passwordSignIn === 'privilegedOnly' && (
                <Text fz="xs" c="dimmed" data-testid="signin-privileged-only">
                  {t('directory.signin.privilegedOnly')}
                </Text>
              )}
            </Stack>
          )}
          <form onSubmit={onSubmit} autoComplete="off" noValidate data-testid="signin-form">
            <Stack gap="sm">
              <TextInput
                label={t('signin.loginId')}
                name="mamori-login-id"
                value={loginId}
                onChange={(e) => setLoginId(e.currentTarget.value)}
                autoComplete="off"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                required
                data-testid="signin-login-id"
              />
              <PasswordInput
                label={t('signin.password')}
                name="mamori-sign-in-secret"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                autoComplete="new-password"
                required
                data-testid="signin-password"
              />
              {mutation.isError && <ApiErrorAlert error={mutation.error} />}
              <Button type="submit" loading={mutation.isPending} data-testid="signin-submit">
                {t('signin.submit')}
              </Button>
            </Stack>
          </form>
          <Alert variant="light" color="gray" p="xs">
            <Text fz="xs" data-testid="signin-no-saving">
              {t('signin.sharedTerminal')}
            </Text>
            <Text fz="xs" mt={4} data-testid="signin-lockout-hint">
              {t('identity.signin.lockoutHint')}
            </Text>
          </Alert>
        </Stack>
      </Paper>
    </CenteredPage>
  );
}
