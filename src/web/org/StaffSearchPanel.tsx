import { Anchor, Pagination, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { UnitSummary } from '../../shared/api-types.js';
import { employmentLabel, unitName } from '../lib/labels.js';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useStaffSearch } from './api.js';

const PAGE = 20;

/** GET /api/org/staff?q=…: find a person and the unit they belong to. */
export function StaffSearchPanel({ units }: { units: readonly UnitSummary[] }) {
  const { t, lang } = useLang();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const params = { q: debounced, limit: PAGE, offset: (page - 1) * PAGE };
  const result = useStaffSearch(params, debounced !== '');

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('org.staffSearch')}
        </Title>
        <TextInput
          label={t('org.staffSearchLabel')}
          value={q}
          type="search"
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          data-testid="staff-search"
        />
        {debounced === '' ? (
          <Text fz="sm" c="dimmed">
            {t('org.staffSearchHint')}
          </Text>
        ) : (
          <QueryView query={result}>
            {(data) => (
              <Stack gap="xs">
                <Text fz="sm" c="dimmed" data-testid="staff-search-total">
                  {t('org.staffTotal', { count: data.total })}
                </Text>
                {data.items.length > 0 && (
                  <Table fz="sm" striped data-testid="staff-search-results">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('org.name')}</Table.Th>
                        <Table.Th>{t('org.unitCol')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.items.map((s) => {
                        const unit = byId.get(s.unitId);
                        return (
                          <Table.Tr key={s.id}>
                            <Table.Td>
                              <Text fz="sm">{s.nameKanji}</Text>
                              <Text fz="xs" c="dimmed">
                                {s.nameKana} · {employmentLabel(t, s.employment)}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              <Anchor
                                component={Link}
                                to={`/org/units/${encodeURIComponent(s.unitId)}`}
                                fz="sm"
                              >
                                {unit === undefined ? s.unitId : unitName(unit, lang)}
                              </Anchor>
                              {(lang === 'ja' ? s.positionJa : (s.positionEn ?? s.positionJa)) !== null && (
                                <Text fz="xs" c="dimmed">
                                  {lang === 'ja' ? s.positionJa : (s.positionEn ?? s.positionJa)}
                                </Text>
                              )}
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                )}
                {data.total > PAGE && (
                  <Pagination
                    size="sm"
                    total={Math.ceil(data.total / PAGE)}
                    value={page}
                    onChange={setPage}
                  />
                )}
              </Stack>
            )}
          </QueryView>
        )}
      </Stack>
    </Paper>
  );
}
