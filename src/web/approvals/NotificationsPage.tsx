import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../lib/dates.js';
import { ApiErrorAlert, QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { useMarkRead, useNotifications } from './api.js';
import { emailLabel } from './labels.js';

/** お知らせ: my notifications, unread first in weight; each links to its request. */
export function NotificationsPage() {
  const { t, lang } = useLang();
  useTitle(t('approvals.notifications.title'));
  const notifications = useNotifications();
  const markRead = useMarkRead();
  return (
    <Stack gap="md" data-testid="notifications-page">
      <Title order={1} fz="h2">
        {t('approvals.notifications.title')}
      </Title>
      <Text c="dimmed" fz="sm">
        {t('approvals.notifications.lead')}
      </Text>
      {markRead.isError && <ApiErrorAlert error={markRead.error} />}
      <QueryView query={notifications}>
        {({ unread, items }) => (
          <Stack gap="sm">
            <Group justify="space-between">
              <Badge color={unread > 0 ? 'blue' : 'gray'} variant="light" data-testid="notifications-unread">
                {t('approvals.notifications.unread', { count: unread })}
              </Badge>
              <Button
                size="xs"
                variant="default"
                disabled={unread === 0}
                loading={markRead.isPending}
                onClick={() => markRead.mutate({ all: true })}
                data-testid="notifications-mark-all"
              >
                {t('approvals.notifications.markAll')}
              </Button>
            </Group>
            {items.length === 0 && <Text>{t('approvals.notifications.empty')}</Text>}
            {items.map((n) => (
              <Paper
                key={n.id}
                withBorder
                p="sm"
                radius="md"
                bg={n.readAt === null ? 'blue.0' : undefined}
                data-testid="notification"
                data-read={n.readAt === null ? 'false' : 'true'}
              >
                <Stack gap={4}>
                  <Group justify="space-between" wrap="nowrap">
                    <Text fw={n.readAt === null ? 700 : 400}>{n.title[lang]}</Text>
                    <Text fz="xs" c="dimmed">
                      {formatDateTime(n.createdAt, lang)}
                    </Text>
                  </Group>
                  <Text fz="sm">{n.body[lang]}</Text>
                  <Group gap="sm">
                    {n.link !== null && (
                      <Anchor
                        component={Link}
                        to={n.link}
                        fz="sm"
                        onClick={() => {
                          if (n.readAt === null) markRead.mutate({ ids: [n.id] });
                        }}
                      >
                        {t('approvals.notifications.open')}
                      </Anchor>
                    )}
                    <Text fz="xs" c="dimmed">
                      {emailLabel(t, n.email)}
                    </Text>
                  </Group>
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
