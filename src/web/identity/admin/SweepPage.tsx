import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SweepItemView } from '../../../shared/identity-admin-types.js';
import { isApiError } from '../../api/client.js';
import { formatDateTime } from '../../lib/dates.js';
import { unitName } from '../../lib/labels.js';
import { ApiErrorAlert, PageLoader } from '../../shell/ApiErrorAlert.js';
import { useLang } from '../../shell/useLang.js';
import { useTitle } from '../../shell/useTitle.js';
import { decideSweep, lifecycleKeys, runSweep, useSweep } from './lifecycle-api.js';
import { ClassBadge, KindBadge } from './lifecycle-labels.js';

function ItemCells({ item }: { item: SweepItemView }) {
  const { t, lang } = useLang();
  return (
    <>
      <Table.Td>
        <Group gap={6}>
          <Text fz="sm" fw={600}>
            {item.loginId}
          </Text>
          {item.name !== null && <Text fz="sm">{item.name}</Text>}
          <KindBadge t={t} kind={item.kind} />
          {item.privileged && <ClassBadge t={t} privileged />}
        </Group>
      </Table.Td>
      <Table.Td>{item.unit === null ? '—' : unitName(item.unit, lang)}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={item.reason === 'unused' ? 'yellow' : 'red'}>
          {t(`identityAdmin.sweepReason.${item.reason}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {item.lastSignInAt === null
          ? t('identityAdmin.common.never')
          : formatDateTime(item.lastSignInAt, lang)}
      </Table.Td>
    </>
  );
}

/**
 * /identity/sweep — the unused-ID sweep (第7 2(1)イ(ウ)): each Security Manager sees the candidates of their own
 * section, selects them and disables them, or keeps them with a reason; every decision goes on the ledger.
 */
export function SweepPage() {
  const { t, lang } = useLang();
  useTitle(t('identityAdmin.sweep.title'));
  const queryClient = useQueryClient();
  const sweep = useSweep();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState('');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: lifecycleKeys.all });
  const run = useMutation({ mutationFn: runSweep, onSuccess: refresh });
  const decide = useMutation({
    mutationFn: (decision: 'disable' | 'keep') =>
      decideSweep({ itemIds: [...selected], decision, note: note.trim() === '' ? null : note }),
    onSuccess: () => {
      setSelected(new Set());
      setNote('');
      refresh();
    },
  });
  const noteError = isApiError(decide.error)
    ? decide.error.issues.find((i) => i.field === 'note')?.message[lang]
    : undefined;
  const pending = sweep.data?.items.filter((i) => i.decision === null) ?? [];
  const decided = sweep.data?.items.filter((i) => i.decision !== null) ?? [];
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };

  return (
    <Stack gap="md" data-testid="sweep-page">
      <div>
        <Title order={1} fz="h2">
          {t('identityAdmin.sweep.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('identityAdmin.sweep.lead', { days: String(sweep.data?.unusedDays ?? 90) })}
        </Text>
      </div>
      {sweep.isPending && <PageLoader />}
      {sweep.isError && <ApiErrorAlert error={sweep.error} onRetry={() => void sweep.refetch()} />}
      {sweep.data !== undefined && (
        <Group gap="sm">
          <Text fz="sm" data-testid="sweep-last">
            {sweep.data.lastSweep === null
              ? t('identityAdmin.sweep.never')
              : t('identityAdmin.sweep.last', {
                  at: formatDateTime(sweep.data.lastSweep.startedAt, lang),
                  count: sweep.data.lastSweep.candidates,
                })}
          </Text>
          <Button
            size="xs"
            variant="light"
            onClick={() => run.mutate()}
            loading={run.isPending}
            data-testid="sweep-run"
          >
            {t('identityAdmin.sweep.run')}
          </Button>
        </Group>
      )}
      {run.isSuccess && (
        <Alert color="blue" variant="light" data-testid="sweep-ran">
          {t('identityAdmin.sweep.ran', { count: run.data.candidates })}
        </Alert>
      )}
      {run.isError && <ApiErrorAlert error={run.error} />}
      {sweep.data !== undefined && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Title order={2} fz="h4">
              {t('identityAdmin.sweep.pending')}
            </Title>
            {pending.length === 0 ? (
              <Alert color="teal" variant="light">
                {t('identityAdmin.sweep.nothing')}
              </Alert>
            ) : (
              <>
                <Table.ScrollContainer minWidth={720}>
                  <Table striped withTableBorder fz="sm" data-testid="sweep-items">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={50}>{t('identityAdmin.sweep.select')}</Table.Th>
                        <Table.Th>{t('identityAdmin.common.loginId')}</Table.Th>
                        <Table.Th>{t('identityAdmin.common.unit')}</Table.Th>
                        <Table.Th>{t('identityAdmin.sweep.reason')}</Table.Th>
                        <Table.Th>{t('identityAdmin.sweep.lastSignIn')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {pending.map((item) => (
                        <Table.Tr key={item.id} data-testid="sweep-item">
                          <Table.Td>
                            <Checkbox
                              checked={selected.has(item.id)}
                              onChange={() => toggle(item.id)}
                              aria-label={item.loginId}
                              data-testid="sweep-select"
                            />
                          </Table.Td>
                          <ItemCells item={item} />
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <TextInput
                  label={t('identityAdmin.sweep.keepNote')}
                  description={t('identityAdmin.common.reasonHint')}
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                  error={noteError}
                  maw={480}
                  data-testid="sweep-note"
                />
                {decide.isError && noteError === undefined && <ApiErrorAlert error={decide.error} />}
                <Group gap="sm">
                  <Button
                    color="red"
                    disabled={selected.size === 0}
                    loading={decide.isPending && decide.variables === 'disable'}
                    onClick={() => decide.mutate('disable')}
                    data-testid="sweep-disable"
                  >
                    {t('identityAdmin.sweep.disable')}
                  </Button>
                  <Button
                    variant="default"
                    disabled={selected.size === 0}
                    loading={decide.isPending && decide.variables === 'keep'}
                    onClick={() => decide.mutate('keep')}
                    data-testid="sweep-keep"
                  >
                    {t('identityAdmin.sweep.keep')}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </Paper>
      )}
      {decided.length > 0 && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Title order={2} fz="h4">
              {t('identityAdmin.sweep.decided')}
            </Title>
            <Table.ScrollContainer minWidth={720}>
              <Table striped withTableBorder fz="sm" data-testid="sweep-decided">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('identityAdmin.common.loginId')}</Table.Th>
                    <Table.Th>{t('identityAdmin.common.unit')}</Table.Th>
                    <Table.Th>{t('identityAdmin.sweep.reason')}</Table.Th>
                    <Table.Th>{t('identityAdmin.sweep.lastSignIn')}</Table.Th>
                    <Table.Th>{t('identityAdmin.sweep.decision')}</Table.Th>
                    <Table.Th>{t('identityAdmin.sweep.note')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {decided.map((item) => (
                    <Table.Tr key={item.id} data-testid="sweep-decided-row">
                      <ItemCells item={item} />
                      <Table.Td>
                        {item.decision === null ? '' : t(`identityAdmin.sweep.decision_${item.decision}`)}
                        {item.decidedAt !== null && (
                          <Text fz="xs" c="dimmed">
                            {formatDateTime(item.decidedAt, lang)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{item.note ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
