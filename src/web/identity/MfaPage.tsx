import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { sessionKey } from '../api/query.js';
import { PageLoader } from '../shell/ApiErrorAlert.js';
import { LanguageSwitch } from '../shell/LanguageSwitch.js';
import { CenteredPage } from '../shell/RequireSession.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { MfaChallenge } from './MfaChallenge.js';
import { MfaEnrolment } from './MfaEnrolment.js';
import { RecoveryCodes } from './RecoveryCodes.js';
import { fetchSession, signOut, useSession } from './session.js';

/**
 * The second step of the sign-in, before the app opens: the code or security key, or enrolling one when the ID
 * requires MFA and has none (a temporary password is changed first).
 */
export function MfaPage() {
  const { t } = useLang();
  useTitle(t('identity.mfa.challengeTitle'));
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [codes, setCodes] = useState<string[] | null>(null);
  const reload = async (): Promise<void> => {
    await queryClient.query({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 0 });
  };
  if (session.isPending) return <PageLoader />;
  if (!session.data) return <Navigate to="/signin" replace />;
  if (codes !== null)
    return (
      <CenteredPage>
        <Paper withBorder p="xl" radius="md" w="100%" maw={520}>
          <RecoveryCodes codes={codes} onDone={() => void navigate('/', { replace: true })} />
        </Paper>
      </CenteredPage>
    );
  if (session.data.stage === 'full') return <Navigate to="/" replace />;
  if (session.data.stage === 'enrol' && session.data.account.mustChangePassword)
    return <Navigate to="/password" replace />;
  const enrol = session.data.stage === 'enrol';
  return (
    <CenteredPage>
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={520} data-testid="mfa-page">
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={1} fz="h3">
              {enrol ? t('identity.mfa.enrolTitle') : t('identity.mfa.challengeTitle')}
            </Title>
            <LanguageSwitch />
          </Group>
          <Text fz="sm">{enrol ? t('identity.mfa.enrolLead') : t('identity.mfa.challengeLead')}</Text>
          {enrol ? (
            <MfaEnrolment
              onDone={(result) => {
                // The codes first: once the session is full, this page would otherwise move on without them.
                if (result.recoveryCodes !== null) setCodes(result.recoveryCodes);
                void reload().then(async () => {
                  if (result.recoveryCodes === null) await navigate('/', { replace: true });
                });
              }}
            />
          ) : (
            <MfaChallenge
              onDone={async () => {
                await reload();
                await navigate('/', { replace: true });
              }}
            />
          )}
          <Button
            variant="subtle"
            color="gray"
            onClick={() => {
              void signOut().then(async () => {
                queryClient.setQueryData(sessionKey, null);
                await navigate('/signin', { replace: true });
              });
            }}
          >
            {t('identity.mfa.signOut')}
          </Button>
        </Stack>
      </Paper>
    </CenteredPage>
  );
}
