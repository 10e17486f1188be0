import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CompartmentView, StaffView, UnitCompartments } from '../../../shared/api-types.js';
import { formatPeriod } from '../../lib/dates.js';
import { unitName } from '../../lib/labels.js';
import { QueryView } from '../../shell/ApiErrorAlert.js';
import { useLang } from '../../shell/useLang.js';
import { useCompartments } from '../api.js';
import {
  AddMemberForm,
  CloseCompartmentForm,
  CreateCompartmentForm,
  EndMemberForm,
  RenameCompartmentForm,
} from './CompartmentForms.js';

/** Which form is open: one at a time on the panel. */
type Open =
  | { readonly kind: 'create' }
  | { readonly kind: 'rename' | 'close' | 'addMember'; readonly id: string }
  | { readonly kind: 'endMember'; readonly id: string; readonly memberId: string }
  | null;

const usePeriod = () => {
  const { t, lang } = useLang();
  return (start: string, end: string | null) =>
    formatPeriod(start, end, lang, {
      period: (from, to) => t('common.period', { from, to }),
      openEnded: (from) => t('common.openEnded', { from }),
    });
};

function CompartmentCard(props: {
  compartment: CompartmentView;
  canManage: boolean;
  staff: readonly StaffView[];
  open: Open;
  setOpen: (open: Open) => void;
}) {
  const { t, lang } = useLang();
  const period = usePeriod();
  const { compartment: c, canManage, open, setOpen } = props;
  const close = () => setOpen(null);
  const manage = canManage && c.active;
  const isOpen = (kind: 'rename' | 'close' | 'addMember') => open?.kind === kind && open.id === c.id;
  return (
    <Paper withBorder p="md" radius="md" data-testid="compartment">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Group gap="xs">
            <Title order={3} fz="h4" data-testid="compartment-name">
              {unitName(c, lang)}
            </Title>
            <Badge variant="light" color={c.active ? 'teal' : 'gray'}>
              {c.active ? t('compartments.active') : t('compartments.closed')}
            </Badge>
          </Group>
          {manage && (
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => setOpen({ kind: 'rename', id: c.id })}>
                {t('compartments.rename')}
              </Button>
              <Button
                size="xs"
                variant="light"
                onClick={() => setOpen({ kind: 'addMember', id: c.id })}
                data-testid="compartment-add-member-open"
              >
                {t('compartments.addMember')}
              </Button>
              <Button
                size="xs"
                variant="light"
                color="red"
                onClick={() => setOpen({ kind: 'close', id: c.id })}
              >
                {t('compartments.close')}
              </Button>
            </Group>
          )}
        </Group>
        <Text fz="sm" c="dimmed">
          {period(c.validFrom, c.validTo)}
          {c.closeReason !== null && ` — ${t('compartments.closeReason')}: ${c.closeReason}`}
        </Text>
        {c.purpose !== null && <Text fz="sm">{c.purpose}</Text>}
        {isOpen('rename') && <RenameCompartmentForm compartment={c} onDone={close} />}
        {isOpen('close') && <CloseCompartmentForm compartment={c} onDone={close} />}
        {isOpen('addMember') && <AddMemberForm compartment={c} staff={props.staff} onDone={close} />}
        {c.members.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('compartments.noMembers')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped fz="sm" data-testid="compartment-members">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('compartments.employeeNumber')}</Table.Th>
                  <Table.Th>{t('compartments.member')}</Table.Th>
                  <Table.Th>{t('org.periodCol')}</Table.Th>
                  <Table.Th>{t('compartments.note')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.members.map((m) => (
                  <Table.Tr key={m.id} data-testid="compartment-member-row">
                    <Table.Td ff="monospace">{m.employeeNumber}</Table.Td>
                    <Table.Td>{m.name}</Table.Td>
                    <Table.Td>{period(m.startDate, m.endDate)}</Table.Td>
                    <Table.Td>{m.note ?? ''}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end">
                        <Badge size="sm" variant="light" color={m.active ? 'teal' : 'gray'}>
                          {m.active ? t('compartments.memberActive') : t('compartments.memberInactive')}
                        </Badge>
                        {manage && m.endDate === null && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            onClick={() => setOpen({ kind: 'endMember', id: c.id, memberId: m.id })}
                          >
                            {t('compartments.endMember')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {c.members.map(
          (m) =>
            open?.kind === 'endMember' &&
            open.memberId === m.id && <EndMemberForm key={m.id} compartment={c} member={m} onDone={close} />,
        )}
      </Stack>
    </Paper>
  );
}

function Compartments({ data, staff }: { data: UnitCompartments; staff: readonly StaffView[] }) {
  const { t } = useLang();
  const [open, setOpen] = useState<Open>(null);
  return (
    <Stack gap="sm" data-testid="compartments">
      <Text fz="sm">{t('compartments.lead')}</Text>
      {data.canManage && (
        <>
          <Text fz="sm" c="dimmed">
            {t('compartments.leadManager')}
          </Text>
          <Group>
            <Button
              size="sm"
              onClick={() => setOpen({ kind: 'create' })}
              data-testid="compartment-create-open"
            >
              {t('compartments.create')}
            </Button>
          </Group>
        </>
      )}
      {open?.kind === 'create' && <CreateCompartmentForm unitId={data.unitId} onDone={() => setOpen(null)} />}
      {data.compartments.length === 0 && (
        <Alert variant="light" color="gray">
          {data.canManage ? t('compartments.none') : t('compartments.noneMember')}
        </Alert>
      )}
      {data.compartments.map((c) => (
        <CompartmentCard
          key={c.id}
          compartment={c}
          canManage={data.canManage}
          staff={staff}
          open={open}
          setOpen={setOpen}
        />
      ))}
    </Stack>
  );
}

/** The compartments tab of a unit page (第7 1(1)イ). */
export function CompartmentsPanel({ unitId, staff }: { unitId: string; staff: readonly StaffView[] }) {
  const compartments = useCompartments(unitId);
  return <QueryView query={compartments}>{(data) => <Compartments data={data} staff={staff} />}</QueryView>;
}
