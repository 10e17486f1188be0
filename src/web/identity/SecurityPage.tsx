import { Stack, Title } from '@mantine/core';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { ElevationPanel } from './ElevationPanel.js';
import { useCurrentSession } from './session.js';

/** My security settings: elevation for privileged IDs (and, with MFA, the factors and recovery codes). */
export function SecurityPage() {
  const { t } = useLang();
  useTitle(t('identity.security.title'));
  const session = useCurrentSession();
  return (
    <Stack gap="md" maw={720} data-testid="security-page">
      <Title order={1} fz="h2">
        {t('identity.security.title')}
      </Title>
      {session.privileged && <ElevationPanel minutes={session.elevationMinutes} />}
    </Stack>
  );
}
