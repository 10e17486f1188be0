import { Box, Stack, Table, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ComplianceOverview, ComplianceUnitRef, PolicyDocumentView } from '../../shared/api-types.js';
import { useCurrentSession } from '../identity/session.js';
import { unitName } from '../lib/labels.js';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { ClauseDrawer } from './ClauseDrawer.js';
import { useComplianceStatus, usePolicyDocument } from './api.js';
import { canManageCompliance, statusColor, statusMark } from './status.js';

/** Units in tree order with their depth, keeping only those some clause judges. */
const orderedUnits = (units: readonly ComplianceUnitRef[], keep: ReadonlySet<string>) => {
  const children = new Map<string | null, ComplianceUnitRef[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: { unit: ComplianceUnitRef; depth: number }[] = [];
  const walk = (parent: string | null, depth: number): void => {
    for (const u of children.get(parent) ?? []) {
      if (keep.has(u.id)) out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
};

function HeatMap({ doc, overview }: { doc: PolicyDocumentView; overview: ComplianceOverview }) {
  const { t, lang } = useLang();
  const session = useCurrentSession();
  const [open, setOpen] = useState<{ clauseId: string; unitId: string } | null>(null);
  const perUnit = overview.clauses.filter((c) => c.units.length > 0);
  const byId = useMemo(() => new Map(doc.clauses.map((c) => [c.id, c])), [doc]);
  const status = useMemo(
    () => new Map(perUnit.flatMap((c) => c.units.map((u) => [`${c.id}|${u.unitId}`, u] as const))),
    [perUnit],
  );
  const rows = useMemo(
    () => orderedUnits(overview.units, new Set(perUnit.flatMap((c) => c.units.map((u) => u.unitId)))),
    [overview.units, perUnit],
  );
  const unitNames = useMemo(() => new Map(overview.units.map((u) => [u.id, u])), [overview]);
  return (
    <>
      <Table.ScrollContainer minWidth={600}>
        <Table fz="sm" withTableBorder stickyHeader data-testid="heatmap">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('compliance.heatmap.unit')}</Table.Th>
              {perUnit.map((c) => (
                <Table.Th key={c.id} ta="center" fz="xs" data-testid="heatmap-clause">
                  {byId.get(c.id)?.displayId ?? c.id}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ unit, depth }) => (
              <Table.Tr key={unit.id} data-testid="heatmap-row" data-unit-code={unit.code}>
                <Table.Td pl={8 + depth * 14}>{unitName(unit, lang)}</Table.Td>
                {perUnit.map((c) => {
                  const cell = status.get(`${c.id}|${unit.id}`);
                  return (
                    <Table.Td key={c.id} ta="center" p={2}>
                      {cell === undefined ? (
                        <Text fz="xs" c="dimmed" aria-label={t('compliance.heatmap.notJudged')}>
                          ·
                        </Text>
                      ) : (
                        <Tooltip label={`${t(`compliance.status.${cell.status}`)}: ${cell.reason[lang]}`} multiline w={320}>
                          <UnstyledButton
                            onClick={() => setOpen({ clauseId: c.id, unitId: unit.id })}
                            w="100%"
                            data-testid="heatmap-cell"
                            data-status={cell.status}
                            aria-label={`${unitName(unit, lang)} ${byId.get(c.id)?.displayId ?? c.id} ${t(`compliance.status.${cell.status}`)}`}
                          >
                            <Box bg={`${statusColor[cell.status]}.${cell.status === 'notYetEvaluable' ? '2' : '6'}`} c="white" fw={700} style={{ borderRadius: 4 }}>
                              {statusMark[cell.status]}
                            </Box>
                          </UnstyledButton>
                        </Tooltip>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ClauseDrawer
        clauseId={open?.clauseId ?? null}
        clause={open === null ? undefined : byId.get(open.clauseId)}
        unitNames={unitNames}
        focusUnitId={open?.unitId ?? null}
        canManage={canManageCompliance(session)}
        onClose={() => setOpen(null)}
      />
    </>
  );
}

/** /compliance/units — a heat map of the clauses judged unit by unit. */
export function HeatMapPage() {
  const { t } = useLang();
  useTitle(t('compliance.heatmap.title'));
  const doc = usePolicyDocument();
  const overview = useComplianceStatus();
  return (
    <Stack gap="md" data-testid="heatmap-page">
      <div>
        <Title order={1} fz="h2">
          {t('compliance.heatmap.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('compliance.heatmap.lead')}
        </Text>
      </div>
      <QueryView query={doc}>
        {(d) => <QueryView query={overview}>{(o) => <HeatMap doc={d} overview={o} />}</QueryView>}
      </QueryView>
    </Stack>
  );
}
