import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../lib/dates.js';
import { ApiErrorAlert, PageLoader } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { newRecoveryCodes, removeFactor, useMyFactors } from './api.js';
import { ElevationPanel } from './ElevationPanel.js';
import { MfaEnrolment } from './MfaEnrolment.js';
import { RecoveryCodes } from './RecoveryCodes.js';
import { useCurrentSession } from './session.js';

/** My security settings: second factors, recovery codes, and elevation for privileged IDs. */
export function SecurityPage() {
  const { t, lang } = useLang();
  useTitle(t('identity.security.title'));
  const session = useCurrentSession();
  const factors = useMyFactors();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['identity', 'factors'] });
  const remove = useMutation({ mutationFn: removeFactor, onSuccess: refresh });
  const reissue = useMutation({
    mutationFn: newRecoveryCodes,
    onSuccess: async (r) => {
      setCodes(r.recoveryCodes);
      await refresh();
    },
  });
  return (
    <Stack gap="md" maw={760} data-testid="security-page">
      <Title order={1} fz="h2">
        {t('identity.security.title')}
      </Title>
      {session.privileged && <ElevationPanel minutes={session.elevationMinutes} />}
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('identity.mfa.factors')}
          </Title>
          {factors.isPending && <PageLoader />}
          {factors.isError && <ApiErrorAlert error={factors.error} />}
          {factors.data?.factors.length === 0 && <Text fz="sm">{t('identity.mfa.noFactors')}</Text>}
          {factors.data !== undefined && factors.data.factors.length > 0 && (
            <Table data-testid="factors-table">
              <Table.Tbody>
                {factors.data.factors.map((f) => (
                  <Table.Tr key={f.id} data-testid="factor-row">
                    <Table.Td>
                      <Badge variant="light">
                        {f.kind === 'totp' ? t('identity.mfa.app') : t('identity.mfa.key')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{f.label}</Table.Td>
                    <Table.Td>
                      <Text fz="xs" c="dimmed">
                        {f.lastUsedAt === null
                          ? t('identity.mfa.neverUsed')
                          : t('identity.mfa.lastUsed', { when: formatDateTime(f.lastUsedAt, lang) })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(f.id)}>
                        {t('identity.mfa.remove')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {remove.isError && <ApiErrorAlert error={remove.error} />}
          {factors.data !== undefined && factors.data.factors.length > 0 && (
            <Group>
              <Text fz="sm" data-testid="recovery-left">
                {t('identity.mfa.recoveryLeft', { count: factors.data.recoveryCodesLeft })}
              </Text>
              <Button
                size="xs"
                variant="default"
                onClick={() => reissue.mutate()}
                loading={reissue.isPending}
              >
                {t('identity.mfa.newRecovery')}
              </Button>
            </Group>
          )}
          {codes !== null && <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />}
          {adding ? (
            <MfaEnrolment
              onDone={(result) => {
                setAdding(false);
                if (result.recoveryCodes !== null) setCodes(result.recoveryCodes);
                void refresh();
              }}
            />
          ) : (
            <div>
              <Button variant="light" onClick={() => setAdding(true)} data-testid="mfa-add">
                {t('identity.mfa.add')}
              </Button>
            </div>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
