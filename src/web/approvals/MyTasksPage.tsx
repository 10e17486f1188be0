import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../lib/dates.js';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { useMyTasks } from './api.js';
import { seatLabel } from './labels.js';

/** 承認待ち: the requests waiting for my decision (by my own roles, delegation, acting, or escalation). */
export function MyTasksPage() {
  const { t, lang } = useLang();
  useTitle(t('approvals.tasks.title'));
  const tasks = useMyTasks();
  return (
    <Stack gap="md" data-testid="tasks-page">
      <Title order={1} fz="h2">
        {t('approvals.tasks.title')}
      </Title>
      <Text c="dimmed" fz="sm">
        {t('approvals.tasks.lead')}
      </Text>
      <QueryView query={tasks}>
        {(list) =>
          list.length === 0 ? (
            <Paper withBorder p="md" radius="md">
              <Text data-testid="tasks-empty">{t('approvals.tasks.empty')}</Text>
            </Paper>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped withTableBorder data-testid="tasks-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('approvals.tasks.refNo')}</Table.Th>
                    <Table.Th>{t('approvals.tasks.type')}</Table.Th>
                    <Table.Th>{t('approvals.tasks.subject')}</Table.Th>
                    <Table.Th>{t('approvals.tasks.applicant')}</Table.Th>
                    <Table.Th>{t('approvals.tasks.seat')}</Table.Th>
                    <Table.Th>{t('approvals.tasks.since')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((task) => (
                    <Table.Tr key={task.requestId} data-testid="task-row" data-ref={task.refNo}>
                      <Table.Td ff="monospace" fz="sm">
                        {task.refNo}
                      </Table.Td>
                      <Table.Td fz="sm">{task.typeName[lang]}</Table.Td>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/approvals/requests/${encodeURIComponent(task.requestId)}`}
                          data-testid="task-open"
                        >
                          {task.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td fz="sm">
                        {task.applicantName}
                        <Text fz="xs" c="dimmed">
                          {task.applicantUnit[lang]}
                        </Text>
                      </Table.Td>
                      <Table.Td fz="sm">
                        <Group gap={4}>
                          {seatLabel(t, task.seat.role, task.seat.unitName, lang)}
                          {task.escalated && (
                            <Badge size="xs" color="orange" variant="light">
                              {t('approvals.tasks.escalated')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td fz="sm">
                        {task.waitingSince === null ? '—' : formatDateTime(task.waitingSince, lang)}
                        {task.reminders > 0 && (
                          <Text fz="xs" c="red">
                            {t('approvals.tasks.reminders', { count: task.reminders })}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
    </Stack>
  );
}
