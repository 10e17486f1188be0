import { Badge, Group, Paper, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import type { ApprovalRequestView, ApprovalStepView } from '../../shared/api-types.js';
import { formatDateTime } from '../lib/dates.js';
import { viaLabel } from '../lib/labels.js';
import { useLang } from '../shell/useLang.js';
import { escalationReasonLabel, historyLabel, seatLabel, statusColor, stepStatusLabel } from './labels.js';

function Step({ step }: { step: ApprovalStepView }) {
  const { t, lang } = useLang();
  const d = step.decision;
  return (
    <Stack gap={2} data-testid="route-step" data-status={step.status}>
      <Group gap="xs">
        <Text fw={600} fz="sm">
          {seatLabel(t, step.role, step.unitName, lang)}
        </Text>
        <Badge color={statusColor(step.status)} variant="light" data-testid="route-step-status">
          {stepStatusLabel(t, step.status)}
        </Badge>
      </Group>
      {step.escalation !== null && (
        <Text fz="xs" c="orange.8" data-testid="route-step-escalation">
          {t('approvals.request.escalation', {
            seat: seatLabel(t, step.escalation.role, step.escalation.unitName, lang),
            reason: escalationReasonLabel(t, step.escalation.reason),
          })}
        </Text>
      )}
      {d !== null && (
        <>
          <Text fz="sm" data-testid="route-step-decider">
            {t('approvals.request.decidedBy', { name: d.byName, date: formatDateTime(d.at, lang) })}
          </Text>
          {(d.via === 'delegation' || d.via === 'acting') && (
            <Text fz="xs" c="dimmed" data-testid="route-step-on-behalf">
              {t('approvals.request.onBehalf', { name: d.onBehalfOfName ?? '', via: viaLabel(t, d.via) })}
            </Text>
          )}
          {d.comment !== null && d.comment !== '' && (
            <Text fz="xs">
              {t('approvals.request.comment')}: {d.comment}
            </Text>
          )}
          {d.overrideReason !== null && (
            <Text fz="xs" c="red.8">
              {t('approvals.request.override')}: {d.overrideReason}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

/** The route: each approver seat in order, where it stands, and who decided it and on whose behalf. */
export function RoutePanel({ request }: { request: ApprovalRequestView }) {
  const { t } = useLang();
  const active = request.steps.filter((s) => s.decision !== null).length - 1;
  return (
    <Paper withBorder p="md" radius="md" data-testid="route-panel">
      <Title order={2} fz="h4" mb="sm">
        {t('approvals.request.route')}
      </Title>
      <Timeline active={active} bulletSize={18} lineWidth={2}>
        {request.steps.map((s) => (
          <Timeline.Item key={s.idx}>
            <Step step={s} />
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}

/** The request's ledger entries, oldest first: what happened, when, in the standard's words. */
export function HistoryPanel({ request }: { request: ApprovalRequestView }) {
  const { t, lang } = useLang();
  const entries = [...request.history].reverse();
  return (
    <Paper withBorder p="md" radius="md" data-testid="history-panel">
      <Title order={2} fz="h4" mb="sm">
        {t('approvals.request.history')}
      </Title>
      <Table fz="sm" striped>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.index} data-testid="history-entry" data-kind={e.kind}>
              <Table.Td w={200}>{formatDateTime(e.time, lang)}</Table.Td>
              <Table.Td>{historyLabel(t, e.kind)}</Table.Td>
              <Table.Td c="dimmed" ff="monospace" fz="xs">
                #{e.index}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
