import { Button, Drawer, Text } from '@mantine/core';
import { useState } from 'react';
import { useHistory } from '../org/api.js';
import { QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { HistoryTable } from './HistoryTable.js';

function History({ subject }: { subject: string }) {
  const history = useHistory(subject, true);
  return <QueryView query={history}>{(entries) => <HistoryTable entries={entries} />}</QueryView>;
}

/**
 * The history of one record (its ledger entries, newest first) from a row of a table: the "history" of every
 * record the page lists, not only of the page's own record.
 */
export function RecordHistoryButton({ subject, name }: { subject: string; name: string }) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={() => setOpen(true)}
        data-testid="record-history"
        data-subject={subject}
      >
        {t('records.history')}
      </Button>
      <Drawer
        opened={open}
        onClose={() => setOpen(false)}
        position="right"
        // The scroll lock injects a <style> without the CSP nonce; the page behind may scroll instead.
        lockScroll={false}
        size="xl"
        title={<Text fw={700}>{t('records.title', { name })}</Text>}
        closeButtonProps={{ 'aria-label': t('records.close') }}
      >
        {open && (
          <div data-testid="record-history-panel" data-subject={subject}>
            <History subject={subject} />
          </div>
        )}
      </Drawer>
    </>
  );
}
