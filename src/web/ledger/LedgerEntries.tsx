import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type SyntheticEvent, useState } from 'react';
import type { LedgerEntryItem, LedgerLogName } from '../../shared/ledger-api-types.js';
import { formatDateTime } from '../lib/dates.js';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { type LedgerFilter, useLedgerKinds, useLedgerSearch } from './api.js';
import { EntryDrawer } from './EntryDrawer.js';

interface Form {
  log: LedgerLogName;
  actor: string;
  kind: string | null;
  subject: string;
  from: string;
  to: string;
}

const emptyForm: Form = { log: 'audit', actor: '', kind: null, subject: '', from: '', to: '' };

/** A `datetime-local` value read as Japan time, whatever the browser's zone: `2026-04-01T10:08` → +09:00. */
export const japanInstant = (local: string): string | undefined =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+09:00` : undefined;

const toFilter = (f: Form): LedgerFilter => {
  const filter: LedgerFilter = { log: f.log };
  const trimmed = (v: string) => v.trim();
  if (trimmed(f.actor) !== '') filter.actor = trimmed(f.actor);
  if (f.kind !== null && f.kind !== '') filter.kind = f.kind;
  if (trimmed(f.subject) !== '') filter.subject = trimmed(f.subject);
  const from = japanInstant(f.from);
  const to = japanInstant(f.to);
  if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to;
  return filter;
};

function EntryTable({
  entries,
  onOpen,
}: {
  entries: readonly LedgerEntryItem[];
  onOpen: (e: LedgerEntryItem) => void;
}) {
  const { t, lang } = useLang();
  if (entries.length === 0)
    return (
      <Text fz="sm" c="dimmed" py="sm" data-testid="entries-none">
        {t('ledger.entries.none')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover fz="sm" data-testid="ledger-entries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t('ledger.entries.index')}</Table.Th>
            <Table.Th w={190}>{t('ledger.entries.time')}</Table.Th>
            <Table.Th>{t('ledger.entries.kind')}</Table.Th>
            <Table.Th>{t('ledger.entries.actor')}</Table.Th>
            <Table.Th>{t('ledger.entries.subject')}</Table.Th>
            <Table.Th w={70} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr
              key={e.index}
              data-testid="ledger-entry-row"
              data-index={e.index}
              data-kind={e.kind}
              data-actor={e.actor}
            >
              <Table.Td ff="monospace">{e.index}</Table.Td>
              <Table.Td>{formatDateTime(e.time, lang)}</Table.Td>
              <Table.Td ff="monospace" fz="xs">
                {e.kind}
                {!e.columnsMatch && (
                  <Badge
                    ml={4}
                    size="xs"
                    color="red"
                    title={t('ledger.entries.mismatch')}
                    data-testid="columns-mismatch"
                  >
                    !
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {e.actorName !== null && <Text fz="sm">{e.actorName}</Text>}
                <Text fz="xs" c="dimmed" ff="monospace">
                  {e.actor}
                </Text>
              </Table.Td>
              <Table.Td ff="monospace" fz="xs" style={{ wordBreak: 'break-all' }}>
                {e.subject}
              </Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" onClick={() => onOpen(e)} data-testid="open-entry">
                  {t('ledger.entries.open')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Entries of a log newest first, filtered by actor, kind, subject and a time range in Japan time, page by page. */
export function LedgerEntries() {
  const { t } = useLang();
  const [form, setForm] = useState<Form>(emptyForm);
  const [filter, setFilter] = useState<LedgerFilter>({ log: 'audit' });
  // The cursors of the pages seen so far: [null (newest), next of page 1, …]; the last is the page shown.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [open, setOpen] = useState<LedgerEntryItem | null>(null);
  const kinds = useLedgerKinds(form.log);
  const before = cursors.at(-1) ?? null;
  const result = useLedgerSearch(filter, before);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const apply = (next: Form) => {
    setFilter(toFilter(next));
    setCursors([null]);
  };
  const submit = (e: SyntheticEvent<HTMLFormElement, SubmitEvent>) => {
    e.preventDefault();
    apply(form);
  };
  const onlySubject = (subject: string) => {
    const next = { ...form, subject, log: filter.log };
    setForm(next);
    apply(next);
    setOpen(null);
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('ledger.entries.title')}
        </Title>
        <form onSubmit={submit} data-testid="ledger-filters">
          <Group align="flex-end" gap="sm">
            <Select
              label={t('ledger.entries.log')}
              w={150}
              data={[
                { value: 'audit', label: t('ledger.log.audit') },
                { value: 'vault', label: t('ledger.log.vault') },
              ]}
              value={form.log}
              onChange={(v) => set('log', v === 'vault' ? 'vault' : 'audit')}
              allowDeselect={false}
              data-testid="filter-log"
            />
            <TextInput
              label={t('ledger.entries.actor')}
              placeholder={t('ledger.entries.actorHint')}
              value={form.actor}
              onChange={(e) => set('actor', e.currentTarget.value)}
              data-testid="filter-actor"
            />
            <Select
              label={t('ledger.entries.kind')}
              placeholder={t('ledger.entries.kindAll')}
              w={240}
              data={kinds.data ?? []}
              value={form.kind}
              onChange={(v) => set('kind', v)}
              searchable
              clearable
              data-testid="filter-kind"
            />
            <TextInput
              label={t('ledger.entries.subject')}
              placeholder={t('ledger.entries.subjectHint')}
              value={form.subject}
              onChange={(e) => set('subject', e.currentTarget.value)}
              data-testid="filter-subject"
            />
            <TextInput
              type="datetime-local"
              label={t('ledger.entries.from')}
              value={form.from}
              onChange={(e) => set('from', e.currentTarget.value)}
              data-testid="filter-from"
            />
            <TextInput
              type="datetime-local"
              label={t('ledger.entries.to')}
              value={form.to}
              onChange={(e) => set('to', e.currentTarget.value)}
              data-testid="filter-to"
            />
            <Button type="submit" data-testid="filter-submit">
              {t('ledger.entries.search')}
            </Button>
            <Button
              variant="default"
              onClick={() => {
                setForm(emptyForm);
                apply(emptyForm);
              }}
              data-testid="filter-clear"
            >
              {t('ledger.entries.clear')}
            </Button>
          </Group>
        </form>
        <QueryView query={result}>
          {(r) => (
            // While another page loads the previous one stays shown; aria-busy says it is being replaced.
            <Stack gap="xs" aria-busy={result.isPlaceholderData} data-testid="entries-results">
              <Group justify="space-between">
                <Text fz="xs" c="dimmed" data-testid="entries-page" data-page={cursors.length}>
                  {t('ledger.entries.page', { page: cursors.length, count: r.entries.length })}
                </Text>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    disabled={cursors.length === 1}
                    onClick={() => setCursors([null])}
                    data-testid="entries-newest"
                  >
                    {t('ledger.entries.newest')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    disabled={cursors.length === 1}
                    onClick={() => setCursors((c) => c.slice(0, -1))}
                    data-testid="entries-newer"
                  >
                    {t('ledger.entries.newer')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    disabled={r.next === null}
                    onClick={() => setCursors((c) => [...c, r.next])}
                    data-testid="entries-older"
                  >
                    {t('ledger.entries.older')}
                  </Button>
                </Group>
              </Group>
              <EntryTable entries={r.entries} onOpen={setOpen} />
            </Stack>
          )}
        </QueryView>
      </Stack>
      <EntryDrawer log={filter.log} entry={open} onClose={() => setOpen(null)} onOnlySubject={onlySubject} />
    </Paper>
  );
}
