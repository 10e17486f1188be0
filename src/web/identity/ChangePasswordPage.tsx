import { Alert, Button, List, Paper, PasswordInput, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type SyntheticEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../api/client.js';
import { sessionKey } from '../api/query.js';
import { formatDateTime } from '../lib/dates.js';
import { ApiErrorAlert } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { presetLabel } from './labels.js';
import { isMixed, type PasswordProblem, passwordProblems } from './password-rules.js';
import { changePassword, fetchSession, useCurrentSession } from './session.js';

function Rule({ ok, label }: { ok: boolean | null; label: string }) {
  return (
    <List.Item
      icon={
        <ThemeIcon
          size={18}
          radius="xl"
          color={ok === true ? 'teal' : 'gray'}
          variant={ok === true ? 'filled' : 'light'}
          aria-hidden
        >
          <Text fz={11} lh={1}>
            {ok === true ? '✓' : '・'}
          </Text>
        </ThemeIcon>
      }
    >
      {label}
    </List.Item>
  );
}

/**
 * Change password under the profile of one's account class; forced after a first sign-in with a temporary password
 * (第7 2(3)イ) and when the password is due by age or sign-ins (第6 4(2)(オ)).
 */
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
  const rules = session.passwordRules;
  const problems = passwordProblems(rules, { loginId, currentPassword, newPassword, confirmPassword });
  const has = (p: PasswordProblem) => problems.includes(p);
  const typed = newPassword !== '';

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

  const localError = (): string | undefined => {
    if (!submitted || !typed) return undefined;
    if (has('tooShort')) return t('password.tooShort', { n: String(rules.minLength) });
    if (has('tooLong')) return t('identity.password.tooLong', { n: String(rules.maxLength) });
    if (has('notMixed')) return t('identity.password.notMixed');
    if (has('containsLoginId')) return t('password.containsLoginId');
    if (has('sameAsCurrent')) return t('password.sameAsCurrent');
    return undefined;
  };
  const nextError = serverIssues('newPassword') ?? localError();
  const reason = session.passwordReason;
  const notice =
    reason === 'expired'
      ? t('identity.password.expired')
      : reason === 'signInCount'
        ? t('identity.password.signInCount')
        : reason === 'reset'
          ? t('identity.password.reset')
          : reason === 'compromised'
            ? t('identity.password.compromised')
            : t('password.mustChange');

  return (
    <Stack gap="md" maw={620} data-testid="password-page">
      <Title order={1} fz="h2">
        {t('password.title')}
      </Title>
      {session.account.mustChangePassword && (
        <Alert color="orange" variant="light" data-testid="must-change-notice" role="status">
          {notice}
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        {/* autocomplete off and non-credential field names: browsers should not offer to save (第6 4(2)(ク)). */}
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
              <Text fz="xs" c="dimmed" mb={4} data-testid="password-profile">
                {t('identity.password.profile', { name: presetLabel(t, rules.preset) })}
              </Text>
              <List spacing={4} size="sm" data-testid="password-rules">
                <Rule
                  ok={typed && !has('tooShort')}
                  label={t('password.ruleLength', { n: String(rules.minLength) })}
                />
                {rules.requireMixed && (
                  <Rule ok={typed && isMixed(newPassword)} label={t('identity.password.ruleMixed')} />
                )}
                <Rule ok={typed && !has('sameAsCurrent')} label={t('password.ruleDiffer')} />
                {rules.rejectPersonalInfo && (
                  <Rule
                    ok={typed && !has('containsLoginId')}
                    label={t('password.ruleNoLoginId', { loginId })}
                  />
                )}
                {rules.rejectPersonalInfo && <Rule ok={null} label={t('identity.password.ruleNoName')} />}
                {rules.blocklist && <Rule ok={null} label={t('identity.password.ruleBlocklist')} />}
                {rules.historyCount > 0 && (
                  <Rule
                    ok={null}
                    label={t('identity.password.ruleHistory', { n: String(rules.historyCount) })}
                  />
                )}
              </List>
              <Text fz="xs" c="dimmed" mt={4}>
                {t('identity.password.serverChecks')}
              </Text>
              {rules.maxAgeDays !== null && (
                <Text fz="xs" c="dimmed">
                  {t('identity.password.ruleAge', { days: String(rules.maxAgeDays) })}
                </Text>
              )}
              {rules.maxSignIns !== null && (
                <Text fz="xs" c="dimmed">
                  {t('identity.password.ruleCount', { n: String(rules.maxSignIns) })}
                </Text>
              )}
              {session.passwordDueAt !== null && !session.account.mustChangePassword && (
                <Text fz="xs" c="dimmed" data-testid="password-due">
                  {t('identity.password.dueAt', { when: formatDateTime(session.passwordDueAt, lang) })}
                </Text>
              )}
            </div>
            {mutation.isError && <ApiErrorAlert error={mutation.error} />}
            <div>
              <Button type="submit" loading={mutation.isPending} data-testid="password-submit">
                {t('password.submit')}
              </Button>
            </div>
            <Text fz="xs" c="dimmed">
              {t('identity.password.noSaving')}
            </Text>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
