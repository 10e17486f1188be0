import { Alert, Button, Code, Container, Stack, Text } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ApiErrorAlert } from './ApiErrorAlert.js';
import { NotFoundPage } from './NotFoundPage.js';
import { useLang } from './useLang.js';
import { isApiError } from '../api/client.js';

/**
 * What a page shows instead of a blank screen when it fails to render or its code cannot be loaded (for
 * example an old tab after an upgrade): the error in the reader's language and a reload button.
 */
export function RouteError() {
  const error = useRouteError();
  const { t } = useLang();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  if (isApiError(error)) return <ApiErrorAlert error={error} onRetry={() => window.location.reload()} />;
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <Container size="sm" py="xl">
      <Alert color="red" variant="light" title={t('errors.title')} data-testid="route-error" role="alert">
        <Stack gap="xs">
          <Text fz="sm">{t('errors.unexpected')}</Text>
          <Code block fz="xs">
            {detail}
          </Code>
          <div>
            <Button size="xs" variant="default" onClick={() => window.location.reload()}>
              {t('common.retry')}
            </Button>
          </div>
        </Stack>
      </Alert>
    </Container>
  );
}
