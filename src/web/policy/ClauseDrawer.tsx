import { Alert, Badge, Button, Drawer, Group, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ComplianceClauseDetail, ComplianceEvidenceView, PolicyClauseView } from '../../shared/api-types.js';
import { useHistory } from '../org/api.js';
import { HistoryTable } from '../records/HistoryTable.js';
import { formatDate, formatDateTime } from '../lib/dates.js';
import { unitName } from '../lib/labels.js';
import { ApiErrorAlert, QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { complianceKeys, endExclusion, recordExclusion, useClauseCompliance } from './api.js';
import { StatusBadge } from './status.js';

const when = (at: string | null, lang: 'ja' | 'en'): string =>
  at === null ? '' : /^\d{4}-\d{2}-\d{2}$/.test(at) ? formatDate(at, lang) : formatDateTime(at, lang);

function EvidenceHistory({ subject }: { subject: string }) {
  const history = useHistory(subject, true);
  return <QueryView query={history}>{(entries) => <HistoryTable entries={entries} />}</QueryView>;
}

function EvidenceList({ items, count }: { items: readonly ComplianceEvidenceView[]; count: number }) {
  const { t, lang } = useLang();
  const [open, setOpen] = useState<string | null>(null);
  if (items.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        {t('compliance.clause.noEvidence')}
      </Text>
    );
  return (
    <Stack gap={4} data-testid="evidence-list">
      {items.map((e, i) => (
        <Stack key={`${e.ref}-${String(i)}`} gap={2} data-testid="evidence-item" data-ok={e.ok ? 'true' : 'false'}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            {!e.ok && (
              <Badge color="red" size="xs" variant="light">
                {t('compliance.clause.against')}
              </Badge>
            )}
            <Text fz="sm" style={{ flex: 1 }}>
              {e.label[lang]}
            </Text>
            <Text fz="xs" c="dimmed">
              {e.type}
              {e.at === null ? '' : ` · ${when(e.at, lang)}`}
            </Text>
            {(e.kind === 'record' || e.kind === 'approval') && (
              <Button size="compact-xs" variant="subtle" onClick={() => setOpen(open === e.ref ? null : e.ref)} data-testid="evidence-history">
                {t('compliance.clause.history')}
              </Button>
            )}
          </Group>
          {open === e.ref && <EvidenceHistory subject={e.ref} />}
        </Stack>
      ))}
      {count > items.length && (
        <Text fz="xs" c="dimmed">
          {t('compliance.clause.more', { shown: String(items.length), count })}
        </Text>
      )}
    </Stack>
  );
}

function ManageExclusion({ detail }: { detail: ComplianceClauseDetail }) {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [unitCode, setUnitCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const done = async () => {
    setReason('');
    setUnitCode('');
    setSaved(true);
    await queryClient.invalidateQueries({ queryKey: complianceKeys.all });
  };
  const submit = async () => {
    setError(null);
    setSaved(false);
    try {
      if (detail.exclusion !== null) await endExclusion(detail.exclusion.id, reason);
      else await recordExclusion({ clauseId: detail.id, unitCode: unitCode === '' ? null : unitCode, reason });
      await done();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack gap="xs" data-testid="exclusion-form">
      <Title order={3} fz="h5">
        {detail.exclusion === null ? t('compliance.clause.exclude') : t('compliance.clause.endExclusion')}
      </Title>
      {error !== null && <ApiErrorAlert error={error} />}
      {saved && (
        <Alert color="teal" variant="light" data-testid="exclusion-saved">
          {t('compliance.clause.saved')}
        </Alert>
      )}
      <Textarea
        label={detail.exclusion === null ? t('compliance.clause.excludeReason') : t('compliance.clause.endReason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={2}
        data-testid="exclusion-reason"
      />
      {detail.exclusion === null && (
        <TextInput label={t('compliance.clause.excludeUnit')} value={unitCode} onChange={(e) => setUnitCode(e.currentTarget.value)} data-testid="exclusion-unit" />
      )}
      <Group>
        <Button size="xs" onClick={() => void submit()} data-testid="exclusion-submit">
          {t('compliance.clause.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function Detail({
  detail,
  clause,
  unitNames,
  focusUnitId,
  canManage,
}: {
  detail: ComplianceClauseDetail;
  clause: PolicyClauseView | undefined;
  unitNames: ReadonlyMap<string, { nameJa: string; nameEn: string }>;
  focusUnitId: string | null;
  canManage: boolean;
}) {
  const { t, lang } = useLang();
  const focus = focusUnitId === null ? undefined : detail.unitDetails.find((u) => u.unitId === focusUnitId);
  const name = (id: string) => {
    const u = unitNames.get(id);
    return u === undefined ? id : unitName(u, lang);
  };
  return (
    <Stack gap="md" data-testid="clause-detail">
      <Group gap="sm">
        <StatusBadge status={detail.status} size="md" />
        {detail.module !== null && (
          <Text fz="xs" c="dimmed">
            {t('compliance.clause.module', { module: detail.module })}
          </Text>
        )}
      </Group>
      {clause?.text != null && (
        <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="clause-text">
          {clause.text}
        </Text>
      )}
      {lang === 'en' && clause?.summaryEn != null && (
        <Text fz="sm" c="dimmed">
          {clause.summaryEn}
        </Text>
      )}
      <div>
        <Title order={3} fz="h5">
          {t('compliance.clause.reason')}
        </Title>
        <Text fz="sm" data-testid="clause-reason">
          {detail.reason[lang]}
        </Text>
        {detail.exclusion !== null && (
          <Text fz="xs" c="dimmed">
            {t('compliance.clause.exclusion', { reason: detail.exclusion.reason, at: formatDateTime(detail.exclusion.recordedAt, lang) })}
          </Text>
        )}
      </div>
      {focus !== undefined && (
        <Stack gap={4} data-testid="focus-unit">
          <Group gap="xs">
            <Title order={3} fz="h5">
              {name(focus.unitId)}
            </Title>
            <StatusBadge status={focus.status} />
          </Group>
          <Text fz="sm">{focus.reason[lang]}</Text>
          <EvidenceList items={focus.evidence} count={focus.evidenceCount} />
        </Stack>
      )}
      <div>
        <Title order={3} fz="h5" mb={4}>
          {t('compliance.clause.evidence')}
        </Title>
        <EvidenceList items={detail.evidence} count={detail.evidenceCount} />
      </div>
      {detail.unitDetails.length > 0 && (
        <div>
          <Title order={3} fz="h5" mb={4}>
            {t('compliance.clause.units')}
          </Title>
          <Table fz="sm" striped data-testid="clause-units">
            <Table.Tbody>
              {detail.unitDetails.map((u) => (
                <Table.Tr key={u.unitId} data-status={u.status}>
                  <Table.Td>{name(u.unitId)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={u.status} size="xs" />
                  </Table.Td>
                  <Table.Td>{u.reason[lang]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {canManage && <ManageExclusion detail={detail} />}
    </Stack>
  );
}

/** The drill-down of a clause: its text, status, reason, the evidence behind it and each unit's status. */
export function ClauseDrawer({
  clauseId,
  clause,
  unitNames,
  focusUnitId = null,
  canManage,
  onClose,
}: {
  clauseId: string | null;
  clause: PolicyClauseView | undefined;
  unitNames: ReadonlyMap<string, { nameJa: string; nameEn: string }>;
  focusUnitId?: string | null;
  canManage: boolean;
  onClose: () => void;
}) {
  const { t } = useLang();
  const detail = useClauseCompliance(clauseId);
  return (
    <Drawer
      opened={clauseId !== null}
      onClose={onClose}
      position="right"
      // The scroll lock injects a <style> without the CSP nonce; the page behind may scroll instead.
      lockScroll={false}
      size="xl"
      title={
        <Text fw={700} data-testid="drawer-title">
          {clause?.displayId ?? clauseId} {clause?.title ?? ''}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('compliance.clause.close') }}
    >
      {clauseId !== null && (
        <QueryView query={detail}>
          {(d) => <Detail detail={d} clause={clause} unitNames={unitNames} focusUnitId={focusUnitId} canManage={canManage} />}
        </QueryView>
      )}
    </Drawer>
  );
}
