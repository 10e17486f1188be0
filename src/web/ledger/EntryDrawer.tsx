import { Alert, Button, Code, Drawer, Group, Stack, Text } from '@mantine/core';
import type { LedgerEntryItem, LedgerLogName } from '../../shared/ledger-api-types.js';
import { formatDateTime } from '../lib/dates.js';
import { useLang } from '../shell/useLang.js';
import { proofUrl, useLedgerStatus } from './api.js';

/** The canonical JSON with line breaks for reading; the exact bytes are shown above it, unchanged. */
const readable = (canonical: string): string => {
  try {
    return JSON.stringify(JSON.parse(canonical), null, 2);
  } catch {
    return canonical;
  }
};

/** One entry: its exact bytes, leaf hash, and its inclusion proof to download once a checkpoint covers it. */
export function EntryDrawer({
  log,
  entry,
  onClose,
  onOnlySubject,
}: {
  log: LedgerLogName;
  entry: LedgerEntryItem | null;
  onClose: () => void;
  onOnlySubject: (subject: string) => void;
}) {
  const { t, lang } = useLang();
  const status = useLedgerStatus();
  const checkpointSize = status.data?.logs.find((l) => l.log === log)?.checkpoint?.size ?? 0;
  const covered = entry !== null && entry.index < checkpointSize;
  return (
    <Drawer
      opened={entry !== null}
      onClose={onClose}
      position="right"
      // The scroll lock injects a <style> without the CSP nonce; the page behind may scroll instead.
      lockScroll={false}
      size="xl"
      title={
        <Text fw={700} data-testid="entry-title">
          {entry === null ? '' : t('ledger.entry.title', { index: entry.index, log: t(`ledger.log.${log}`) })}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('ledger.entry.close') }}
    >
      {entry !== null && (
        <Stack gap="sm" data-testid="entry-detail" data-index={entry.index}>
          <Text fz="sm">
            {formatDateTime(entry.time, lang)} · <Code>{entry.kind}</Code> · {entry.actorName ?? entry.actor}
          </Text>
          <div>
            <Text fw={600} fz="sm">
              {t('ledger.entry.canonical')}
            </Text>
            <Code
              block
              fz="xs"
              style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
              data-testid="entry-canonical"
            >
              {entry.canonical}
            </Code>
            <Code block fz="xs" mt={4} c="dimmed">
              {readable(entry.canonical)}
            </Code>
          </div>
          <div>
            <Text fw={600} fz="sm">
              {t('ledger.entry.leafHash')}
            </Text>
            <Code data-testid="entry-leaf-hash">{entry.leafHash}</Code>
          </div>
          {!entry.columnsMatch && (
            <Alert color="red" variant="light" data-testid="entry-mismatch">
              {t('ledger.entries.mismatch')}
            </Alert>
          )}
          {covered ? (
            <Stack gap={4}>
              <Group>
                <Button component="a" href={proofUrl(log, entry.index)} download data-testid="download-proof">
                  {t('ledger.entry.download')}
                </Button>
              </Group>
              <Text fz="xs" c="dimmed">
                {t('ledger.entry.proofNote')}
              </Text>
            </Stack>
          ) : (
            <Alert color="yellow" variant="light" data-testid="entry-not-covered">
              {t('ledger.entry.notCovered')}
            </Alert>
          )}
          <Group>
            <Button
              size="xs"
              variant="default"
              onClick={() => onOnlySubject(entry.subject)}
              data-testid="only-subject"
            >
              {t('ledger.entry.sameSubject')}
            </Button>
          </Group>
        </Stack>
      )}
    </Drawer>
  );
}
