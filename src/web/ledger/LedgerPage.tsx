import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type {
  LedgerLogStatusView,
  LedgerSignatureView,
  LedgerVerificationView,
} from '../../shared/ledger-api-types.js';
import { useCurrentSession } from '../identity/session.js';
import { formatDateTime } from '../lib/dates.js';
import { ApiErrorAlert, QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { ledgerKeys, runVerification, signCheckpoint, useLedgerStatus } from './api.js';
import { LedgerEntries } from './LedgerEntries.js';
import { canVerifyLedger } from './nav.js';

function SignatureRow({ s, testId }: { s: LedgerSignatureView; testId: string }) {
  const { t, lang } = useLang();
  return (
    <Table.Tr data-testid={testId} data-valid={String(s.valid)}>
      <Table.Td ff="monospace" fz="xs">
        {s.name}+{s.keyId}
        {s.signedAt !== null && (
          <Text fz="xs" c="dimmed">
            {t('ledger.status.cosignedAt', { time: formatDateTime(s.signedAt, lang) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge size="sm" color={s.valid ? 'teal' : 'red'} variant="light">
          {s.valid ? t('ledger.status.valid') : t('ledger.status.invalid')}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}

function Verification({ run }: { run: LedgerVerificationView | null }) {
  const { t, lang } = useLang();
  if (run === null)
    return (
      <Text fz="sm" c="dimmed" data-testid="verification-none">
        {t('ledger.verification.none')}
      </Text>
    );
  const where =
    run.firstBadIndex !== null
      ? t('ledger.verification.badIndex', { index: run.firstBadIndex })
      : t('ledger.verification.badCheckpoint', { size: run.checkpointSize ?? '?' });
  return (
    <Stack gap={4} data-testid="verification-result" data-ok={String(run.ok)}>
      <Alert color={run.ok ? 'teal' : 'red'} variant="light" p="xs">
        <Text fz="sm">
          {run.ok
            ? t('ledger.verification.ok', {
                size: run.size,
                checkpoints: run.checkpoints,
                cosignatures: run.cosignatures,
              })
            : t('ledger.verification.bad', { where })}
        </Text>
        {!run.ok && run.message !== null && <Text fz="sm">{run.message[lang]}</Text>}
      </Alert>
      <Text fz="xs" c="dimmed">
        {t('ledger.verification.by', { time: formatDateTime(run.finishedAt, lang), actor: run.actor })}
      </Text>
    </Stack>
  );
}

/** One log: its size, latest checkpoint with its signer and cosignatures, and its last verification. */
function LogCard({ status, canAct }: { status: LedgerLogStatusView; canAct: boolean }) {
  const { t, lang } = useLang();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<'verify' | 'sign' | null>(null);
  const [done, setDone] = useState<'verify' | 'sign' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const act = async (what: 'verify' | 'sign') => {
    setBusy(what);
    setError(null);
    setDone(null);
    try {
      if (what === 'verify') await runVerification(status.log);
      else await signCheckpoint(status.log);
      setDone(what);
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.all });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const c = status.checkpoint;
  const uncovered = status.size - (c?.size ?? 0);
  return (
    <Paper withBorder p="md" radius="md" data-testid="log-card" data-log={status.log}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} fz="h4">
              {t(`ledger.log.${status.log}`)}
            </Title>
            <Text fz="xs" c="dimmed">
              {t(`ledger.log.${status.log}Hint`)}
            </Text>
          </div>
          <Badge variant="outline" size="lg" data-testid="log-size">
            {t('ledger.status.size', { count: status.size })}
          </Badge>
        </Group>
        <div>
          <Text fw={600} fz="sm">
            {t('ledger.status.checkpoint')}
          </Text>
          {c === null ? (
            <Text fz="sm" c="dimmed" data-testid="checkpoint-none">
              {t('ledger.status.noCheckpoint')}
            </Text>
          ) : (
            <Table fz="sm" withRowBorders={false} data-testid="checkpoint" data-size={c.size}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Td w={140}>{t('ledger.status.treeSize')}</Table.Td>
                  <Table.Td data-testid="checkpoint-size">{c.size}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td>{t('ledger.status.issuedAt')}</Table.Td>
                  <Table.Td data-testid="checkpoint-issued">{formatDateTime(c.issuedAt, lang)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td>{t('ledger.status.root')}</Table.Td>
                  <Table.Td ff="monospace" fz="xs" style={{ wordBreak: 'break-all' }}>
                    {c.rootHash}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          )}
          <Text fz="xs" c="dimmed" data-testid="uncovered" data-count={uncovered}>
            {uncovered > 0 ? t('ledger.status.uncovered', { count: uncovered }) : t('ledger.status.covered')}
          </Text>
        </div>
        {c !== null && (
          <div>
            <Text fw={600} fz="sm">
              {t('ledger.status.signer')}
            </Text>
            <Table fz="sm">
              <Table.Tbody>
                {c.signer !== null && <SignatureRow s={c.signer} testId="checkpoint-signer" />}
              </Table.Tbody>
            </Table>
            <Text fw={600} fz="sm" mt="xs">
              {t('ledger.status.cosignatures')}
            </Text>
            {c.cosignatures.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('ledger.status.noCosignature')}
              </Text>
            ) : (
              <Table fz="sm">
                <Table.Tbody>
                  {c.cosignatures.map((s) => (
                    <SignatureRow key={`${s.name}+${s.keyId}`} s={s} testId="cosignature" />
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <details>
              <summary>
                <Text span fz="xs">
                  {t('ledger.status.note')}
                </Text>
              </summary>
              <Code block fz="xs" data-testid="checkpoint-note">
                {c.note}
              </Code>
              {status.verifierKey !== null && (
                <Text fz="xs" mt={4}>
                  {t('ledger.status.verifierKey')}:{' '}
                  <Code data-testid="verifier-key">{status.verifierKey}</Code>
                </Text>
              )}
            </details>
          </div>
        )}
        <div>
          <Text fw={600} fz="sm">
            {t('ledger.verification.title')}
          </Text>
          <Verification run={status.lastVerification} />
        </div>
        {error !== null && <ApiErrorAlert error={error} />}
        {done !== null && (
          <Text
            fz="sm"
            c="teal.8"
            data-testid={done === 'verify' ? 'verification-done' : 'checkpoint-signed'}
          >
            {done === 'verify' ? t('ledger.verification.done') : t('ledger.status.signed')}
          </Text>
        )}
        {canAct && (
          <Group gap="xs">
            <Button
              size="xs"
              onClick={() => void act('verify')}
              loading={busy === 'verify'}
              disabled={busy !== null}
              data-testid="verify-now"
            >
              {busy === 'verify' ? t('ledger.verification.running') : t('ledger.verification.run')}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => void act('sign')}
              loading={busy === 'sign'}
              disabled={busy !== null || uncovered === 0}
              data-testid="sign-now"
            >
              {t('ledger.status.signNow')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** /ledger — the tamper-evident ledger for the security office and auditors (第7 1(4)イ, 1(6), 第9 1(6)). */
export function LedgerPage() {
  const { t } = useLang();
  useTitle(t('ledger.page.title'));
  const session = useCurrentSession();
  const status = useLedgerStatus();
  return (
    <Stack gap="md" data-testid="ledger-page">
      <div>
        <Title order={1} fz="h2">
          {t('ledger.page.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('ledger.page.lead')}
        </Text>
      </div>
      <QueryView query={status}>
        {(s) => (
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {s.logs.map((l) => (
              <LogCard key={l.log} status={l} canAct={canVerifyLedger(session)} />
            ))}
          </SimpleGrid>
        )}
      </QueryView>
      <LedgerEntries />
    </Stack>
  );
}
