import { Alert, Button, Code, SimpleGrid, Stack, Text } from '@mantine/core';
import { useLang } from '../shell/useLang.js';

/** Recovery codes, shown once, with the advice on keeping them. */
export function RecoveryCodes({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const { t } = useLang();
  return (
    <Alert
      color="yellow"
      variant="light"
      title={t('identity.mfa.recoveryTitle')}
      data-testid="recovery-codes"
    >
      <Stack gap="sm">
        <Text fz="sm">{t('identity.mfa.recoveryLead')}</Text>
        <SimpleGrid cols={2} spacing={4}>
          {codes.map((c) => (
            <Code key={c} fz="md" data-testid="recovery-code">
              {c}
            </Code>
          ))}
        </SimpleGrid>
        <div>
          <Button onClick={onDone} data-testid="recovery-done">
            {t('identity.mfa.recoveryDone')}
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}
