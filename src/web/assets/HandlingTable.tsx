import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AssetHandlingView } from '../../shared/api-types.js';
import { formatDate, formatDateTime } from '../lib/dates.js';
import { unitName } from '../lib/labels.js';
import { useLang } from '../shell/useLang.js';
import { ActionModal } from './ActionModal.js';
import { assetKeys, completeHandling, instantOf, recordDisposal } from './api.js';
import { assetLabel, classColor, classLabel, optionsOf } from './labels.js';

const methods = [
  'overwrite',
  'cryptoErase',
  'degauss',
  'initialise',
  'destroy',
  'shred',
  'contractor',
  'delete',
];
const protections = ['lockedCase', 'encrypted', 'password', 'none'];

/**
 * Lines of the handling log. A handling the Security Manager approved and not yet done offers its next step: a
 * transport or provision is recorded as carried out; a disposal is recorded with date, person and method (4-2(8)ウ).
 */
export function HandlingTable({
  rows,
  showSubject = true,
}: {
  rows: readonly AssetHandlingView[];
  showSubject?: boolean;
}) {
  const { t, lang } = useLang();
  const client = useQueryClient();
  const [acting, setActing] = useState<AssetHandlingView | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: assetKeys.all });
  const detailMethod = (h: AssetHandlingView): string => {
    const m = h.detail?.['method'];
    return typeof m === 'string' ? m : '';
  };
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder fz="sm" data-testid="handlings-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assets.handlings.kind')}</Table.Th>
              {showSubject && <Table.Th>{t('assets.handlings.subject')}</Table.Th>}
              <Table.Th>{t('assets.common.classification')}</Table.Th>
              <Table.Th>{t('assets.handlings.request')}</Table.Th>
              <Table.Th>{t('assets.handlings.route')}</Table.Th>
              <Table.Th>{t('assets.handlings.protection')}</Table.Th>
              <Table.Th>{t('assets.handlings.plannedOn')}</Table.Th>
              <Table.Th>{t('assets.common.performedAt')}</Table.Th>
              <Table.Th>{t('assets.handlings.performer')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((h) => (
              <Table.Tr key={h.id} data-testid="handling-row" data-kind={h.kind} data-status={h.status}>
                <Table.Td>
                  <Text fz="sm">{assetLabel(t, 'handlingKind', h.kind)}</Text>
                  <Badge
                    size="xs"
                    variant="light"
                    color={h.status === 'approved' ? 'yellow' : 'teal'}
                    data-testid="handling-status"
                  >
                    {assetLabel(t, 'handlingStatus', h.status)}
                  </Badge>
                </Table.Td>
                {showSubject && (
                  <Table.Td>
                    {h.assetId === null ? (
                      h.subjectName
                    ) : (
                      <Anchor component={Link} to={`/assets/${encodeURIComponent(h.assetId)}`} fz="sm">
                        {h.subjectName}
                      </Anchor>
                    )}
                    <Text fz="xs" c="dimmed">
                      {unitName(h.unit, lang)}
                    </Text>
                  </Table.Td>
                )}
                <Table.Td>
                  {h.classification === null ? (
                    '—'
                  ) : (
                    <Badge color={classColor(h.classification)} variant="light">
                      {classLabel(t, h.classification)}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {h.requestId === null ? (
                    '—'
                  ) : (
                    <Anchor
                      component={Link}
                      to={`/approvals/requests/${encodeURIComponent(h.requestId)}`}
                      ff="monospace"
                      fz="sm"
                    >
                      {h.requestRefNo}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>
                  {[h.origin, h.destination, h.counterparty].filter((x) => x !== null).join(' → ') || '—'}
                </Table.Td>
                <Table.Td>{h.protection === null ? '—' : assetLabel(t, 'protection', h.protection)}</Table.Td>
                <Table.Td>{h.plannedOn === null ? '—' : formatDate(h.plannedOn, lang)}</Table.Td>
                <Table.Td>
                  {h.performedAt !== null ? (
                    formatDateTime(h.performedAt, lang)
                  ) : h.status === 'approved' ? (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setActing(h)}
                      data-testid={h.kind === 'disposal' ? 'handling-record-disposal' : 'handling-complete'}
                    >
                      {h.kind === 'disposal'
                        ? t('assets.handlings.recordDisposal')
                        : t('assets.handlings.complete')}
                    </Button>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{h.performedByName ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {acting !== null && acting.kind === 'disposal' && (
        <ActionModal
          opened
          onClose={() => setActing(null)}
          title={`${t('assets.handlings.recordDisposal')}: ${acting.subjectName}`}
          lead={t('assets.disposal.lead')}
          testId="disposal-form"
          submitLabel={t('assets.common.save')}
          fields={[
            { key: 'performedAt', label: t('assets.common.performedAt'), type: 'datetime', required: true },
            {
              key: 'method',
              label: t('assets.disposal.method'),
              type: 'select',
              required: true,
              options: optionsOf(t, 'method', methods),
              initial: detailMethod(acting),
            },
            {
              key: 'sanitization',
              label: t('assets.disposal.sanitization'),
              type: 'textarea',
              required: (acting.classification ?? 4) <= 2,
            },
            { key: 'witnessName', label: t('assets.disposal.witness'), type: 'text' },
            { key: 'contractor', label: t('assets.disposal.contractor'), type: 'text' },
            { key: 'contractorCertificate', label: t('assets.disposal.contractorCertificate'), type: 'text' },
            { key: 'note', label: t('assets.common.note'), type: 'textarea' },
          ]}
          onSubmit={async (v) => {
            await recordDisposal({
              handlingId: acting.id,
              performedAt: instantOf(v['performedAt'] ?? ''),
              method: v['method'] ?? '',
              sanitization: v['sanitization'] ?? null,
              witnessName: v['witnessName'] ?? null,
              contractor: v['contractor'] ?? null,
              contractorCertificate: v['contractorCertificate'] ?? null,
              note: v['note'] ?? null,
            });
            await refresh();
          }}
        />
      )}
      {acting !== null && acting.kind !== 'disposal' && (
        <ActionModal
          opened
          onClose={() => setActing(null)}
          title={`${t('assets.handlings.complete')}: ${acting.subjectName}`}
          testId="complete-form"
          submitLabel={t('assets.common.save')}
          fields={[
            { key: 'performedAt', label: t('assets.common.performedAt'), type: 'datetime', required: true },
            {
              key: 'protection',
              label: t('assets.handlings.protection'),
              type: 'select',
              options: optionsOf(t, 'protection', protections),
              initial: acting.protection ?? '',
            },
            { key: 'note', label: t('assets.common.note'), type: 'textarea' },
          ]}
          onSubmit={async (v) => {
            await completeHandling(acting.id, {
              performedAt: instantOf(v['performedAt'] ?? ''),
              ...(v['protection'] ? { protection: v['protection'] } : {}),
              note: v['note'] ?? null,
            });
            await refresh();
          }}
        />
      )}
    </>
  );
}
