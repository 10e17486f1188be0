import { Button, Grid, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { useUnits } from './api.js';
import { StaffSearchPanel } from './StaffSearchPanel.js';
import { branchIds, buildUnitTree, filterUnitTree } from './tree.js';
import { UnitTree } from './UnitTree.js';

/** 組織図: the units tree with a name filter, and a staff search beside it. */
export function OrgTreePage() {
  const { t } = useLang();
  useTitle(t('org.treeTitle'));
  const units = useUnits();
  const tree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  const [query, setQuery] = useState('');
  // Branches the person closed; everything starts open (a hospital has tens of units, not thousands).
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const filtered = useMemo(() => filterUnitTree(tree, query), [tree, query]);
  const filtering = query.trim() !== '';
  const toggle = (id: string) =>
    setClosed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Stack gap="md" data-testid="org-page">
      <div>
        <Title order={1} fz="h2">
          {t('org.treeTitle')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('org.treeLead')}
        </Text>
      </div>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" radius="md">
            <QueryView query={units}>
              {() => (
                <Stack gap="sm">
                  <Group align="flex-end" gap="sm">
                    <TextInput
                      label={t('org.search')}
                      placeholder={t('org.searchPlaceholder')}
                      value={query}
                      onChange={(e) => setQuery(e.currentTarget.value)}
                      type="search"
                      flex={1}
                      data-testid="org-search"
                    />
                    <Button
                      variant="default"
                      size="sm"
                      onClick={() => setClosed(new Set())}
                      disabled={filtering}
                    >
                      {t('org.expandAll')}
                    </Button>
                    <Button
                      variant="default"
                      size="sm"
                      onClick={() => setClosed(new Set(branchIds(tree)))}
                      disabled={filtering}
                    >
                      {t('org.collapseAll')}
                    </Button>
                  </Group>
                  {tree.length === 0 ? (
                    <Text fz="sm">{t('org.empty')}</Text>
                  ) : filtered.length === 0 ? (
                    <Text fz="sm" data-testid="org-no-match">
                      {t('org.noMatch', { q: query.trim() })}
                    </Text>
                  ) : (
                    <UnitTree
                      nodes={filtered}
                      isOpen={(id) => filtering || !closed.has(id)}
                      onToggle={toggle}
                      label={t('org.treeTitle')}
                    />
                  )}
                </Stack>
              )}
            </QueryView>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <StaffSearchPanel units={units.data ?? []} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
