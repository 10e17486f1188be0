import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { ApprovalRequestView } from '../../shared/api-types.js';
import { ApiErrorAlert } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useRequestAction, type RequestAction } from './api.js';

type Done = 'approved' | 'rejected' | 'submitted' | 'withdrawn' | 'reported' | 'acknowledged';

/**
 * What the reader may do now, as the server says (`can`): decide (approve / reject with a reason), acknowledge a
 * report, or — for the applicant — submit a draft, report an emergency exception, withdraw. When the reader sits
 * in the approver's seat but made or prepared the request, the separation of duties is explained (第3 7(1)) with
 * the explicit override that needs a written reason.
 */
export function ActionPanel({
  request,
  onDone,
}: {
  request: ApprovalRequestView;
  onDone: (done: Done) => void;
}) {
  const { t } = useLang();
  const action = useRequestAction(request.id);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const { can } = request;
  const run = (a: RequestAction, done: Done) => {
    action.mutate(a, { onSuccess: () => onDone(done) });
  };
  if (
    !can.decide &&
    !can.acknowledge &&
    !can.withdraw &&
    !can.submit &&
    !can.report &&
    !can.separationConflict
  )
    return null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="action-panel">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('approvals.act.title')}
        </Title>
        {(can.decide || can.acknowledge) && (
          <>
            <Textarea
              label={t('approvals.act.comment')}
              autosize
              minRows={2}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              data-testid="act-comment"
            />
            <Group>
              {can.decide && (
                <>
                  <Button
                    color="teal"
                    loading={action.isPending}
                    onClick={() => run({ kind: 'decision', decision: 'approve', comment }, 'approved')}
                    data-testid="act-approve"
                  >
                    {t('approvals.act.approve')}
                  </Button>
                  <Button
                    color="red"
                    variant="light"
                    loading={action.isPending}
                    onClick={() => run({ kind: 'decision', decision: 'reject', comment }, 'rejected')}
                    data-testid="act-reject"
                  >
                    {t('approvals.act.reject')}
                  </Button>
                </>
              )}
              {can.acknowledge && (
                <Button
                  loading={action.isPending}
                  onClick={() => run({ kind: 'acknowledge', comment }, 'acknowledged')}
                  data-testid="act-acknowledge"
                >
                  {t('approvals.act.acknowledge')}
                </Button>
              )}
            </Group>
          </>
        )}
        {can.separationConflict && (
          <Stack gap="xs">
            <Alert color="yellow" variant="light" data-testid="act-conflict" role="status">
              {t('approvals.act.conflict')}
            </Alert>
            <Text fz="sm" fw={600}>
              {t('approvals.act.overrideTitle')}
            </Text>
            <Text fz="xs" c="dimmed">
              {t('approvals.act.overrideLead')}
            </Text>
            <Textarea
              label={t('approvals.act.overrideReason')}
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data-testid="act-override-reason"
            />
            <Group>
              <Button
                color="red"
                variant="outline"
                loading={action.isPending}
                onClick={() =>
                  run(
                    { kind: 'decision', decision: 'approve', comment: '', overrideReason: reason },
                    'approved',
                  )
                }
                data-testid="act-override"
              >
                {t('approvals.act.overrideSubmit')}
              </Button>
            </Group>
          </Stack>
        )}
        <Group>
          {can.submit && (
            <Button
              loading={action.isPending}
              onClick={() => run({ kind: 'submit' }, 'submitted')}
              data-testid="act-submit"
            >
              {t('approvals.act.submitDraft')}
            </Button>
          )}
          {can.report && (
            <Button
              loading={action.isPending}
              onClick={() => run({ kind: 'report' }, 'reported')}
              data-testid="act-report"
            >
              {t('approvals.act.report')}
            </Button>
          )}
          {can.withdraw && (
            <Button
              variant="default"
              loading={action.isPending}
              onClick={() => run({ kind: 'withdraw', reason: '' }, 'withdrawn')}
              data-testid="act-withdraw"
            >
              {t('approvals.act.withdraw')}
            </Button>
          )}
        </Group>
        {action.isError && <ApiErrorAlert error={action.error} />}
      </Stack>
    </Paper>
  );
}
