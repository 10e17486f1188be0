import { Anchor, Box, Button, Chip, Group, Paper, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import type {
  ComplianceClauseView,
  ComplianceOverview,
  ComplianceStatusCode,
  PolicyClauseView,
  PolicyDocumentView,
} from '../../shared/api-types.js';
import { useCurrentSession } from '../identity/session.js';
import { formatDate } from '../lib/dates.js';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { ClauseDrawer } from './ClauseDrawer.js';
import { reportUrl, useComplianceStatus, usePolicyDocument } from './api.js';
import { searchClauses, searchIndex } from './search.js';
import { canManageCompliance, StatusBadge, statusColor, statusOrder } from './status.js';

type Filter = ComplianceStatusCode | 'all';

/** Which clauses to show: provisions matching the search and the status, headings above any of them. */
const visibleIds = (
  doc: PolicyDocumentView,
  statuses: ReadonlyMap<string, ComplianceClauseView>,
  matches: ReadonlySet<string>,
  filter: Filter,
): Set<string> => {
  const shown = new Set(
    doc.clauses
      .filter((c) => matches.has(c.id) && (filter === 'all' || statuses.get(c.id)?.status === filter))
      .filter((c) => filter === 'all' || statuses.has(c.id))
      .map((c) => c.id),
  );
  for (const c of doc.clauses)
    if (c.kind === 'heading' && [...shown].some((id) => id.startsWith(`${c.id}.`))) shown.add(c.id);
  return shown;
};

function ClauseRow({
  clause,
  status,
  onOpen,
}: {
  clause: PolicyClauseView;
  status: ComplianceClauseView | undefined;
  onOpen: () => void;
}) {
  const { t, lang } = useLang();
  const indent = Math.max(0, clause.depth - 1) * 16;
  if (clause.kind === 'heading')
    return (
      <Title
        order={clause.depth === 0 ? 2 : 3}
        fz={clause.depth === 0 ? 'h3' : 'h5'}
        mt={clause.depth === 0 ? 'lg' : 'xs'}
        pl={indent}
        id={`clause-${clause.id}`}
        data-testid="clause-heading"
      >
        {clause.displayId}
        {clause.title === null ? '' : `\u3000${lang === 'en' && clause.titleEn !== null ? clause.titleEn : clause.title}`}
      </Title>
    );
  const body = (
    <Group gap="sm" wrap="nowrap" align="flex-start" pl={indent}>
      <Box w={6} style={{ alignSelf: 'stretch', borderRadius: 3, flexShrink: 0 }} bg={status === undefined ? 'gray.2' : `${statusColor[status.status]}.6`} />
      <Text fw={700} fz="sm" w={120} style={{ flexShrink: 0 }}>
        {clause.displayId}
      </Text>
      <Stack gap={2} style={{ flex: 1 }}>
        {clause.title !== null && (
          <Text fz="sm" fw={600}>
            {clause.title}
          </Text>
        )}
        <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {lang === 'en' && clause.summaryEn !== null ? clause.summaryEn : (clause.text ?? '')}
        </Text>
        {clause.table !== null && (
          <Table fz="xs" withTableBorder withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                {clause.table.columns.map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {clause.table.rows.map((r) => (
                <Table.Tr key={r.join('|')}>
                  {r.map((cell, i) => (
                    <Table.Td key={`${String(i)}-${cell}`}>{cell}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {status !== undefined && (
          <Text fz="xs" c="dimmed">
            {status.reason[lang]}
          </Text>
        )}
      </Stack>
      {status !== undefined && (
        <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
          <StatusBadge status={status.status} />
          <Text fz="xs" c="dimmed">
            {t('compliance.standard.evidence', { count: status.evidenceCount })}
          </Text>
        </Stack>
      )}
    </Group>
  );
  return status === undefined ? (
    <Box py={4} data-testid="clause-other" data-clause-id={clause.id}>
      {body}
    </Box>
  ) : (
    <UnstyledButton onClick={onOpen} py={6} data-testid="clause-row" data-clause-id={clause.id} data-status={status.status} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      {body}
    </UnstyledButton>
  );
}

function Standard({ doc, overview }: { doc: PolicyDocumentView; overview: ComplianceOverview }) {
  const { t, lang } = useLang();
  const session = useCurrentSession();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const [filter, setFilter] = useState<Filter>('all');
  const [open, setOpen] = useState<string | null>(null);
  const statuses = useMemo(() => new Map(overview.clauses.map((c) => [c.id, c])), [overview]);
  const index = useMemo(() => searchIndex(doc.clauses), [doc]);
  const matches = useMemo(() => searchClauses(doc.clauses, index, deferred), [doc, index, deferred]);
  const shown = useMemo(() => visibleIds(doc, statuses, matches, filter), [doc, statuses, matches, filter]);
  const byId = useMemo(() => new Map(doc.clauses.map((c) => [c.id, c])), [doc]);
  const unitNames = useMemo(() => new Map(overview.units.map((u) => [u.id, u])), [overview]);
  const matching = overview.clauses.filter((c) => shown.has(c.id)).length;
  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed" data-testid="compliance-as-of">
        {t('compliance.standard.asOf', { date: formatDate(overview.asOf, lang), ms: String(overview.elapsedMs), size: String(overview.ledgerSize) })}
      </Text>
      <Group gap="xs" data-testid="status-filter">
        <Chip
          checked={filter === 'all'}
          onChange={() => setFilter('all')}
          size="xs"
          wrapperProps={{ 'data-testid': 'filter-all' }}
        >
          {t('compliance.standard.all')} {overview.clauses.length}
        </Chip>
        {statusOrder.map((s) => (
          <Chip key={s} checked={filter === s} onChange={() => setFilter(s)} color={statusColor[s]} size="xs" wrapperProps={{ 'data-testid': `filter-${s}` }}>
            {t(`compliance.status.${s}`)} {overview.counts[s]}
          </Chip>
        ))}
      </Group>
      <Group gap="sm" align="flex-end">
        <TextInput
          label={t('compliance.standard.searchLabel')}
          placeholder={t('compliance.standard.search')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          style={{ flex: 1 }}
          data-testid="compliance-search"
        />
        <Button component="a" href={reportUrl('pdf')} variant="default" size="sm" data-testid="report-pdf">
          {t('compliance.standard.reportPdf')}
        </Button>
        <Button component="a" href={reportUrl('xlsx')} variant="default" size="sm" data-testid="report-xlsx">
          {t('compliance.standard.reportXlsx')}
        </Button>
      </Group>
      <Text fz="xs" c="dimmed" data-testid="match-count">
        {t('compliance.standard.matches', { count: matching })}
      </Text>
      <Group gap={6} data-testid="chapter-links">
        {doc.clauses
          .filter((c) => c.depth === 0)
          .map((c) => (
            <Anchor key={c.id} href={`#clause-${c.id}`} fz="xs">
              {c.displayId}
            </Anchor>
          ))}
      </Group>
      <Paper withBorder p="md" radius="md" data-testid="standard-document">
        <Title order={2} fz="h3" ta="center" mb="sm">
          {lang === 'en' ? doc.titleEn : doc.title}
        </Title>
        {shown.size === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('compliance.standard.noMatch')}
          </Text>
        ) : (
          <Stack gap={0}>
            {doc.clauses
              .filter((c) => shown.has(c.id))
              .map((c) => (
                <ClauseRow key={c.id} clause={c} status={statuses.get(c.id)} onOpen={() => setOpen(c.id)} />
              ))}
          </Stack>
        )}
      </Paper>
      <ClauseDrawer
        clauseId={open}
        clause={open === null ? undefined : byId.get(open)}
        unitNames={unitNames}
        canManage={canManageCompliance(session)}
        onClose={() => setOpen(null)}
      />
    </Stack>
  );
}

/** /compliance — the standard as a document with a traffic light beside each clause. */
export function StandardPage() {
  const { t } = useLang();
  useTitle(t('compliance.standard.title'));
  const doc = usePolicyDocument();
  const overview = useComplianceStatus();
  return (
    <Stack gap="md" data-testid="standard-page">
      <div>
        <Title order={1} fz="h2">
          {t('compliance.standard.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('compliance.standard.lead')}
        </Text>
      </div>
      <QueryView query={doc}>
        {(d) => <QueryView query={overview}>{(o) => <Standard doc={d} overview={o} />}</QueryView>}
      </QueryView>
    </Stack>
  );
}
