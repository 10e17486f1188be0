import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useCurrentSession } from '../identity/session.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { deviceKeys, registerDevice } from './api.js';
import { bodyOf, DeviceForm, emptyDevice } from './DeviceForm.js';

/** /facilities/new — registering a device in the register (第5 1, 4(1)); the owning unit is one's own by default. */
export function NewDevicePage() {
  const { t } = useLang();
  useTitle(t('facilities.form.title'));
  const session = useCurrentSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  return (
    <Stack gap="md" data-testid="new-device-page">
      <Title order={1} fz="h2">
        {t('facilities.form.title')}
      </Title>
      <Text c="dimmed" fz="sm">
        {t('facilities.form.lead')}
      </Text>
      <Paper withBorder p="md" radius="md">
        <DeviceForm
          initial={emptyDevice(session.account.unit?.id ?? '')}
          submitLabel={t('facilities.form.submit')}
          onSubmit={async (v) => {
            const created = await registerDevice(bodyOf(v));
            await client.invalidateQueries({ queryKey: deviceKeys.all });
            void navigate(`/facilities/devices/${encodeURIComponent(created.id)}`, {
              state: { done: 'registered', tag: created.assetTag },
            });
          }}
        />
      </Paper>
    </Stack>
  );
}
