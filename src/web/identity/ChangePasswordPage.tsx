import { Alert, Button, List, Paper, PasswordInput, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type SyntheticEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../api/client.js';
import { sessionKey } from '../api/query.js';
import { ApiErrorAlert } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { type PasswordProblem, passwordProblems } from './password-rules.js';
import { changePassword, fetchSession, useCurrentSession } from './session.js';

function Rule({ ok, label }: { ok: boolean; label: string }) {
  return (
    <List.Item
      icon={
        <ThemeIcon
          size={18}
          radius="xl"
          color={ok ? 'teal' : 'gray'}
          variant={ok ? 'filled' : 'light'}
          aria-hidden
        >
          <Text fz={11} lh={1}>
            {ok ? '✓' : '・'}
          </Text>
        </ThemeIcon>
      }
    >
      {label}
    </List.Item>
  );
}

/** Change password; forced after a first sign-in with a temporary password (第7 2(3)イ). */
export function ChangePasswordPage() {
  const { t, lang } = useLang();
  useTitle(t('password.title'));
  const session = useCurrentSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNext] = useState('');
  const [confirmPassword, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const loginId = session.account.loginId;
  const problems = passwordProblems({ loginId, currentPassword, newPassword, confirmPassword });
  const has = (p: PasswordProblem) => problems.includes(p);

  const mutation = useMutation({
    mutationFn: () => changePassword(currentPassword, newPassword),
    onSuccess: async () => {
      setCurrent('');
      setNext('');
      setConfirm('');
      // The server may rotate the session (and its CSRF token) on a password change: read it again.
      const next = await queryClient.query({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 0 });
      if (next !== null) await navigate('/', { replace: true, state: { passwordChanged: true } });
    },
  });

  const serverIssues = (field: string): string | undefined => {
    if (!isApiError(mutation.error)) return undefined;
    const messages = mutation.error.issues.filter((i) => i.field === field).map((i) => i.message[lang]);
    return messages.length > 0 ? messages.join(' ') : undefined;
  };

  const onSubmit = (e: SyntheticEvent<HTMLFormElement, SubmitEvent>) => {
    e.preventDefault();
    setSubmitted(true);
    if (currentPassword === '' || problems.length > 0 || mutation.isPending) return;
    mutation.mutate();
  };

  const nextError =
    serverIssues('newPassword') ??
    (submitted && newPassword !== ''
      ? has('tooShort')
        ? t('password.tooShort')
        : has('containsLoginId')
          ? t('password.containsLoginId')
          : has('sameAsCurrent')
            ? t('password.sameAsCurrent')
            : undefined
      : undefined);

  return (
    <Stack gap="md" maw={560} data-testid="password-page">
      <Title order={1} fz="h2">
        {t('password.title')}
      </Title>
      {session.account.mustChangePassword && (
        <Alert color="orange" variant="light" data-testid="must-change-notice" role="status">
          {t('password.mustChange')}
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <form onSubmit={onSubmit} autoComplete="off" noValidate>
          <Stack gap="sm">
            <PasswordInput
              label={t('password.current')}
              name="mamori-current-secret"
              value={currentPassword}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              autoComplete="off"
              required
              error={serverIssues('currentPassword')}
              data-testid="password-current"
            />
            <PasswordInput
              label={t('password.next')}
              name="mamori-new-secret"
              value={newPassword}
              onChange={(e) => setNext(e.currentTarget.value)}
              autoComplete="new-password"
              required
              error={nextError}
              data-testid="password-new"
            />
            <PasswordInput
              label={t('password.confirm')}
              name="mamori-new-secret-again"
              value={confirmPassword}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              autoComplete="new-password"
              required
              error={
                submitted && confirmPassword !== '' && has('mismatch') ? t('password.mismatch') : undefined
              }
              data-testid="password-confirm"
            />
            <div>
              <Text fz="sm" fw={600} mb={4}>
                {t('password.rulesTitle')}
              </Text>
              <List spacing={4} size="sm" data-testid="password-rules">
                <Rule ok={newPassword !== '' && !has('tooShort')} label={t('password.ruleLength')} />
                <Rule ok={newPassword !== '' && !has('sameAsCurrent')} label={t('password.ruleDiffer')} />
                <Rule
                  ok={newPassword !== '' && !has('containsLoginId')}
                  label={t('password.ruleNoLoginId', { loginId })}
                />
              </List>
            </div>
            {mutation.isError && <ApiErrorAlert error={mutation.error} />}
            <div>
              <Button type="submit" loading={mutation.isPending} data-testid="password-submit">
                {t('password.submit')}
              </Button>
            </div>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
