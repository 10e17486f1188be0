import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useLang } from './useLang.js';
import { useTitle } from './useTitle.js';

export function NotFoundPage() {
  const { t } = useLang();
  useTitle(t('errors.notFound'));
  return (
    <Stack gap="sm" py="xl" data-testid="not-found">
      <Title order={2}>404</Title>
      <Text>{t('errors.notFound')}</Text>
      <Anchor component={Link} to="/">
        {t('errors.backHome')}
      </Anchor>
    </Stack>
  );
}
