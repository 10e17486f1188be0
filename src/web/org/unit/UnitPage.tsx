import { Anchor, Badge, Breadcrumbs, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import type { UnitDetail } from '../../../shared/api-types.js';
import { unitKindLabel, unitName } from '../../lib/labels.js';
import { QueryView } from '../../shell/ApiErrorAlert.js';
import { useLang } from '../../shell/useLang.js';
import { useTitle } from '../../shell/useTitle.js';
import { useHistory, useUnit } from '../api.js';
import { CompartmentsPanel } from '../compartments/CompartmentsPanel.js';
import { HistoryTable } from '../../records/HistoryTable.js';
import { AssignmentTable, DelegationTable, StaffTable } from './tables.js';

const tabs = ['staff', 'roles', 'delegations', 'compartments', 'history'] as const;
/** 科課室等: the units with a Security Manager, and so with compartments (第7 1(1)イ). */
const compartmentKinds: readonly string[] = ['section', 'centre', 'division', 'clinic'];
type Tab = (typeof tabs)[number];
const isTab = (v: string | null): v is Tab => v !== null && (tabs as readonly string[]).includes(v);

function HistoryPanel({ unitId, active }: { unitId: string; active: boolean }) {
  const history = useHistory(`unit:${unitId}`, active);
  return <QueryView query={history}>{(entries) => <HistoryTable entries={entries} />}</QueryView>;
}

function UnitView({ detail }: { detail: UnitDetail }) {
  const { t, lang } = useLang();
  const [params, setParams] = useSearchParams();
  const tab: Tab = isTab(params.get('tab')) ? (params.get('tab') as Tab) : 'staff';
  const { unit, children } = detail;
  const ancestors = detail.path.filter((p) => p.id !== unit.id);
  const hasCompartments = compartmentKinds.includes(unit.kind);
  useTitle(unitName(unit, lang));

  return (
    <Stack gap="md" data-testid="unit-page">
      <Breadcrumbs separator="›" fz="sm">
        <Anchor component={Link} to="/org" fz="sm">
          {t('nav.orgTree')}
        </Anchor>
        {ancestors.map((p) => (
          <Anchor key={p.id} component={Link} to={`/org/units/${encodeURIComponent(p.id)}`} fz="sm">
            {unitName(p, lang)}
          </Anchor>
        ))}
        <Text fz="sm">{unitName(unit, lang)}</Text>
      </Breadcrumbs>
      <Group gap="sm" align="center">
        <Title order={1} fz="h2" data-testid="unit-name">
          {unitName(unit, lang)}
        </Title>
        <Badge variant="light">{unitKindLabel(t, unit.kind)}</Badge>
      </Group>
      <Paper withBorder p="sm" radius="md">
        <Group gap="xl" fz="sm">
          <Text fz="sm">
            <Text span c="dimmed" fz="sm">
              {t('org.unitCode')}:{' '}
            </Text>
            <Text span ff="monospace" fz="sm">
              {unit.code}
            </Text>
          </Text>
          <Text fz="sm">
            <Text span c="dimmed" fz="sm">
              {t('org.phone')}:{' '}
            </Text>
            {unit.phone ?? '—'}
          </Text>
          <Text fz="sm">{t('common.people', { count: unit.staffCount })}</Text>
        </Group>
        {children.length > 0 && (
          <Group gap="xs" mt="xs">
            <Text fz="sm" c="dimmed">
              {t('org.children')}:
            </Text>
            {children.map((c) => (
              <Anchor key={c.id} component={Link} to={`/org/units/${encodeURIComponent(c.id)}`} fz="sm">
                {unitName(c, lang)}
              </Anchor>
            ))}
          </Group>
        )}
      </Paper>
      <Tabs
        value={tab}
        onChange={(v) => {
          if (isTab(v)) setParams(v === 'staff' ? {} : { tab: v }, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="staff" data-testid="tab-staff">
            {t('org.staffTab')} ({detail.staff.length})
          </Tabs.Tab>
          <Tabs.Tab value="roles" data-testid="tab-roles">
            {t('org.rolesTab')} ({detail.assignments.length})
          </Tabs.Tab>
          <Tabs.Tab value="delegations" data-testid="tab-delegations">
            {t('org.delegationsTab')} ({detail.delegations.length})
          </Tabs.Tab>
          {hasCompartments && (
            <Tabs.Tab value="compartments" data-testid="tab-compartments">
              {t('compartments.tab')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="history" data-testid="tab-history">
            {t('org.historyTab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="staff" pt="sm" data-testid="panel-staff">
          <StaffTable staff={detail.staff} />
        </Tabs.Panel>
        <Tabs.Panel value="roles" pt="sm" data-testid="panel-roles">
          <AssignmentTable assignments={detail.assignments} />
        </Tabs.Panel>
        <Tabs.Panel value="delegations" pt="sm" data-testid="panel-delegations">
          <DelegationTable delegations={detail.delegations} />
        </Tabs.Panel>
        {hasCompartments && (
          <Tabs.Panel value="compartments" pt="sm" data-testid="panel-compartments">
            <CompartmentsPanel unitId={unit.id} staff={detail.staff} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="history" pt="sm" data-testid="panel-history">
          <HistoryPanel unitId={unit.id} active={tab === 'history'} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** /org/units/:id — a unit with its staff, roles, delegations and ledger history. */
export function UnitPage() {
  const { id = '' } = useParams();
  const unit = useUnit(id);
  return <QueryView query={unit}>{(detail) => <UnitView detail={detail} />}</QueryView>;
}
