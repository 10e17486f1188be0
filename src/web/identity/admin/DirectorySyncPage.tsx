import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import type {
  DirectoryChangeView,
  DirectoryRunOutcome,
  DirectoryRunView,
} from '../../../shared/directory-api-types.js';
import { formatDateTime } from '../../lib/dates.js';
import { ApiErrorAlert, PageLoader } from '../../shell/ApiErrorAlert.js';
import { useLang } from '../../shell/useLang.js';
import { useTitle } from '../../shell/useTitle.js';
import { runDirectorySync, useDirectoryGroups, useDirectoryRun, useDirectoryRuns } from '../directory-api.js';

const outcomeColor: Record<DirectoryRunOutcome, string> = { ok: 'teal', failed: 'red', refused: 'orange' };
const counted = [
  'people',
  'groups',
  'accountCreated',
  'accountLinked',
  'accountUpdated',
  'accountDisabled',
  'accountEnabled',
  'groupAdded',
  'groupChanged',
  'groupRemoved',
] as const;

/** One line for a change or finding: who it is about and what happened, in the reader's language. */
const describe = (c: DirectoryChangeView, t: TFunction): { who: string; what: string; finding: boolean } => {
  switch (c.kind) {
    case 'accountCreated':
      return {
        who: c.loginId,
        what: t('directory.sync.change.accountCreated', { employeeNumber: c.employeeNumber }),
        finding: false,
      };
    case 'accountLinked':
      return { who: c.loginId, what: t('directory.sync.change.accountLinked'), finding: false };
    case 'accountUpdated':
      return {
        who: c.loginId,
        what: `${t('directory.sync.change.accountUpdated')}: ${Object.entries(c.changes)
          .map(([k, v]) => `${k} ${v.from ?? '—'} → ${v.to ?? '—'}`)
          .join(', ')}`,
        finding: false,
      };
    case 'accountDisabled':
      return {
        who: c.loginId,
        what: `${t('directory.sync.change.accountDisabled')} (${t(`directory.sync.reason.${c.reason}`)})`,
        finding: false,
      };
    case 'accountEnabled':
      return { who: c.loginId, what: t('directory.sync.change.accountEnabled'), finding: false };
    case 'groupAdded':
      return {
        who: c.name,
        what: t('directory.sync.change.groupAdded', { count: c.members.length }),
        finding: false,
      };
    case 'groupChanged':
      return {
        who: c.from === null ? c.name : `${c.from} → ${c.name}`,
        what: t('directory.sync.change.groupChanged', {
          added: c.added.join(', ') || '—',
          removed: c.removed.join(', ') || '—',
        }),
        finding: false,
      };
    case 'groupRemoved':
      return { who: c.name, what: t('directory.sync.change.groupRemoved'), finding: false };
    case 'finding':
      return {
        who: [c.loginId, c.employeeNumber].filter((x) => x !== null).join(' / ') || (c.entryId ?? '—'),
        what: t(`directory.sync.finding.${c.finding}`),
        finding: true,
      };
  }
};

function RunResult({ run }: { run: DirectoryRunView }) {
  const { t, lang } = useLang();
  return (
    <Paper withBorder p="md" radius="md" data-testid="directory-run-result">
      <Stack gap="sm">
        <Group gap="xs">
          <Title order={2} fz="h4">
            {t('directory.sync.resultTitle')}
          </Title>
          <Badge color={outcomeColor[run.outcome]} data-testid="directory-run-outcome">
            {t(`directory.sync.outcome.${run.outcome}`)}
          </Badge>
          <Text fz="sm" c="dimmed">
            {formatDateTime(run.startedAt, lang)} · {t(`directory.sync.trigger.${run.trigger}`)} · {run.actor}
          </Text>
        </Group>
        {run.dryRun && (
          <Alert color="blue" variant="light" data-testid="directory-dry-run-note">
            {t('directory.sync.dryRunNote')}
          </Alert>
        )}
        {run.error !== null && (
          <Alert
            color={run.outcome === 'refused' ? 'orange' : 'red'}
            variant="light"
            data-testid="directory-run-error"
          >
            {run.error[lang]}
          </Alert>
        )}
        {Object.keys(run.summary).length > 0 && (
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" data-testid="directory-run-summary">
            {counted.map((k) => (
              <Paper key={k} withBorder p={6} radius="sm">
                <Text fz="xs" c="dimmed">
                  {t(`directory.sync.count.${k}`)}
                </Text>
                <Text fw={700} data-testid={`directory-count-${k}`}>
                  {run.summary[k] ?? 0}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
        )}
        {run.outcome !== 'failed' && (
          <>
            <Text fw={600} fz="sm">
              {t('directory.sync.changesTitle')}
            </Text>
            {run.changes.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('directory.sync.none')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={600}>
                <Table striped withTableBorder data-testid="directory-changes">
                  <Table.Tbody>
                    {run.changes.map((c, i) => {
                      const d = describe(c, t);
                      return (
                        <Table.Tr key={i} data-testid={d.finding ? 'directory-finding' : 'directory-change'}>
                          <Table.Td w={220}>
                            <Group gap={6}>
                              {d.finding && (
                                <Badge size="xs" color="orange">
                                  {t('directory.sync.findingBadge')}
                                </Badge>
                              )}
                              <Text fz="sm">{d.who}</Text>
                            </Group>
                          </Table.Td>
                          <Table.Td fz="sm">{d.what}</Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
        {run.truncated && (
          <Text fz="xs" c="dimmed">
            {t('directory.sync.truncated')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Groups() {
  const { t, lang } = useLang();
  const groups = useDirectoryGroups();
  if (groups.isPending) return <PageLoader />;
  if (groups.isError) return <ApiErrorAlert error={groups.error} />;
  return (
    <Paper withBorder p="md" radius="md" data-testid="directory-groups">
      <Stack gap="xs">
        <Title order={2} fz="h4">
          {t('directory.sync.groupsTitle')}
        </Title>
        {groups.data.length === 0 && <Text fz="sm">{t('directory.sync.noGroups')}</Text>}
        {groups.data.map((g) => (
          <Group key={g.id} gap="xs" align="flex-start" data-testid="directory-group">
            <Text fw={600} fz="sm" miw={160}>
              {g.name}
              {g.removedAt !== null &&
                ` (${t('directory.sync.removed')} ${formatDateTime(g.removedAt, lang)})`}
            </Text>
            <Text fz="sm">
              {g.members.map((m) => (m.name === null ? m.loginId : `${m.name}（${m.loginId}）`)).join('、') ||
                '—'}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/** Run a synchronisation (or a dry run) and read what it changed and found; the history of runs; the groups. */
export function DirectorySyncPage() {
  const { t, lang } = useLang();
  useTitle(t('directory.sync.title'));
  const queryClient = useQueryClient();
  const runs = useDirectoryRuns();
  const [selected, setSelected] = useState<string | null>(null);
  const stored = useDirectoryRun(selected);
  const mutation = useMutation({
    mutationFn: (dryRun: boolean) => runDirectorySync(dryRun),
    onSuccess: async () => {
      setSelected(null);
      await queryClient.invalidateQueries({ queryKey: ['identity', 'directory'] });
    },
  });
  const shown = selected !== null ? stored.data : mutation.data;
  return (
    <Stack gap="md" data-testid="directory-sync-page">
      <Title order={1} fz="h2">
        {t('directory.sync.title')}
      </Title>
      <Text fz="sm">{t('directory.sync.lead')}</Text>
      <Group>
        <Button
          variant="default"
          onClick={() => mutation.mutate(true)}
          loading={mutation.isPending && mutation.variables}
          disabled={mutation.isPending}
          data-testid="directory-dry-run"
        >
          {t('directory.sync.dryRun')}
        </Button>
        <Button
          onClick={() => mutation.mutate(false)}
          loading={mutation.isPending && !mutation.variables}
          disabled={mutation.isPending}
          data-testid="directory-run"
        >
          {t('directory.sync.run')}
        </Button>
      </Group>
      {mutation.isError && <ApiErrorAlert error={mutation.error} />}
      {shown !== undefined && <RunResult run={shown} />}
      <Paper withBorder p="md" radius="md" data-testid="directory-history">
        <Stack gap="xs">
          <Title order={2} fz="h4">
            {t('directory.sync.historyTitle')}
          </Title>
          {runs.isPending && <PageLoader />}
          {runs.isError && <ApiErrorAlert error={runs.error} />}
          {runs.data?.length === 0 && <Text fz="sm">{t('directory.sync.noRuns')}</Text>}
          {runs.data !== undefined && runs.data.length > 0 && (
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('directory.sync.startedAt')}</Table.Th>
                  <Table.Th>{t('directory.sync.actor')}</Table.Th>
                  <Table.Th />
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {runs.data.map((r) => (
                  <Table.Tr key={r.id ?? r.startedAt} data-testid="directory-history-row">
                    <Table.Td>{formatDateTime(r.startedAt, lang)}</Table.Td>
                    <Table.Td>
                      {r.actor} ({t(`directory.sync.trigger.${r.trigger}`)})
                    </Table.Td>
                    <Table.Td>
                      <Badge color={outcomeColor[r.outcome]}>
                        {t(`directory.sync.outcome.${r.outcome}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="subtle" onClick={() => setSelected(r.id)}>
                        {t('directory.sync.open')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
      <Groups />
    </Stack>
  );
}
