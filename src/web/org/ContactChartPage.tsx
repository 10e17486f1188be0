import { Alert, Anchor, Badge, Box, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../lib/dates.js';
import { roleLabel, unitName, viaLabel } from '../lib/labels.js';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { contactChartPdfUrl, useContactChart } from './api.js';
import type { ContactChart, ContactNode } from './types.js';

function Node({ node, depth }: { node: ContactNode; depth: number }) {
  const { t, lang } = useLang();
  return (
    <li role="treeitem" aria-level={depth + 1} aria-expanded={node.children.length > 0 ? true : undefined}>
      <Paper withBorder px="sm" py={6} radius="sm" my={4} ml={depth * 24} data-testid="chart-node">
        <Group gap="xs" wrap="wrap" align="baseline">
          <Text fw={600} fz="sm">
            {roleLabel(t, node.role)}
          </Text>
          {node.unit !== null && (
            <Anchor component={Link} to={`/org/units/${encodeURIComponent(node.unit.id)}`} fz="sm">
              {unitName(node.unit, lang)}
            </Anchor>
          )}
          {node.holders.length === 0 && (
            <Badge color="red" variant="light" size="sm">
              {t('chart.noHolders')}
            </Badge>
          )}
          {node.holders.map((h) => {
            const position = lang === 'ja' ? h.positionJa : (h.positionEn ?? h.positionJa);
            return (
              <Group key={`${h.staffId}-${h.via}`} gap={6} wrap="wrap" align="baseline">
                <Text fz="sm" span>
                  ／ {h.nameKanji}
                </Text>
                <Text fz="xs" c="dimmed" span>
                  {h.nameKana}
                </Text>
                {position !== null && (
                  <Text fz="xs" span>
                    {position}
                  </Text>
                )}
                {h.phone !== null && (
                  <Text fz="xs" span>
                    ☎ {h.phone}
                  </Text>
                )}
                {h.email !== null && (
                  <Text fz="xs" c="dimmed" span>
                    {h.email}
                  </Text>
                )}
                {h.via !== 'assignment' && (
                  <Badge size="xs" variant="outline" color="orange">
                    {viaLabel(t, h.via)}
                  </Badge>
                )}
              </Group>
            );
          })}
        </Group>
      </Paper>
      {node.children.length > 0 && (
        <ul role="group" className="mamori-tree">
          {node.children.map((c, i) => (
            <Node key={`${c.role}-${c.unit?.id ?? ''}-${String(i)}`} node={c} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}

function Chart({ chart }: { chart: ContactChart }) {
  const { t, lang } = useLang();
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Text fw={600}>{chart.hospitalName[lang]}</Text>
        <Text fz="sm" c="dimmed">
          {t('chart.asOf', { date: formatDate(chart.asOf, lang) })}
        </Text>
      </Group>
      <Box>
        <ul role="tree" aria-label={t('chart.title')} className="mamori-tree" data-testid="contact-chart">
          {chart.roots.map((n, i) => (
            <Node key={`${n.role}-${n.unit?.id ?? ''}-${String(i)}`} node={n} depth={0} />
          ))}
        </ul>
      </Box>
      {chart.vacancies.length > 0 && (
        <Alert color="red" variant="light" title={t('chart.vacancies')} data-testid="chart-vacancies">
          <List size="sm">
            {chart.vacancies.map((v, i) => (
              <List.Item key={`${v.role}-${String(i)}`}>
                {roleLabel(t, v.role)}
                {v.unitNameJa !== null &&
                  ` — ${unitName({ nameJa: v.unitNameJa, nameEn: v.unitNameEn ?? '' }, lang)}`}
                {` (${t('chart.vacant')})`}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

/** /org/contact-chart — the emergency contact chart on screen, and the PDF for printing. */
export function ContactChartPage() {
  const { t } = useLang();
  useTitle(t('chart.title'));
  const chart = useContactChart();
  return (
    <Stack gap="md" data-testid="chart-page">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} fz="h2">
            {t('chart.title')}
          </Title>
          <Text fz="sm" c="dimmed">
            {t('chart.lead')}
          </Text>
        </div>
        <Button
          component="a"
          href={contactChartPdfUrl}
          target="_blank"
          rel="noopener"
          variant="light"
          data-testid="chart-pdf"
        >
          {t('chart.printPdf')}
        </Button>
      </Group>
      <QueryView query={chart}>{(c) => <Chart chart={c} />}</QueryView>
    </Stack>
  );
}
