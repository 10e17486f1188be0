import { Code, Table, Text } from '@mantine/core';
import type { HistoryEntry } from '../../shared/api-types.js';
import { formatDateTime } from '../lib/dates.js';
import { useLang } from '../shell/useLang.js';

/** A record's ledger entries, newest first, with who did each and what was recorded. */
export function HistoryTable({ entries }: { entries: readonly HistoryEntry[] }) {
  const { t, lang } = useLang();
  if (entries.length === 0)
    return (
      <Text fz="sm" c="dimmed" py="sm">
        {t('org.noHistory')}
      </Text>
    );
  const newestFirst = [...entries].sort((a, b) => b.index - a.index);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped fz="sm" data-testid="history-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>#</Table.Th>
            <Table.Th w={200}>{t('org.time')}</Table.Th>
            <Table.Th>{t('org.event')}</Table.Th>
            <Table.Th>{t('org.actor')}</Table.Th>
            <Table.Th>{t('org.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {newestFirst.map((e) => (
            <Table.Tr key={e.index} data-testid="history-row">
              <Table.Td ff="monospace">{e.index}</Table.Td>
              <Table.Td>{formatDateTime(e.time, lang)}</Table.Td>
              <Table.Td ff="monospace">{e.kind}</Table.Td>
              <Table.Td>{e.actorName ?? e.actor}</Table.Td>
              <Table.Td>
                {e.payload === null || e.payload === undefined ? (
                  '—'
                ) : (
                  <details>
                    <summary>{t('org.details')}</summary>
                    <Code block fz="xs" maw={480}>
                      {JSON.stringify(e.payload, null, 2)}
                    </Code>
                  </details>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
