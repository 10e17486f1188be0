import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChecklistAnswerCode, ChecklistItemView, ChecklistView } from '../../shared/api-types.js';
import { useCurrentSession } from '../identity/session.js';
import { formatDate } from '../lib/dates.js';
import { ApiErrorAlert, QueryView } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { useTitle } from '../shell/useTitle.js';
import { checklistUrl, complianceKeys, recordChecklistAnswer, useChecklist } from './api.js';
import { canManageCompliance, statusColor } from './status.js';

const answerColor: Readonly<Record<ChecklistAnswerCode, string>> = { yes: 'teal', no: 'red', unknown: 'gray' };

function AnswerForm({ item, onClose }: { item: ChecklistItemView; onClose: () => void }) {
  const { t, lang } = useLang();
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState<'yes' | 'no'>('yes');
  const [note, setNote] = useState('');
  const [confirmedOn, setConfirmedOn] = useState('');
  const [targetDate, setTargetDate] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setError(null);
    try {
      await recordChecklistAnswer(item.id, {
        answer,
        note,
        ...(confirmedOn === '' ? {} : { confirmedOn }),
        ...(answer === 'no' && targetDate !== '' ? { targetDate } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: complianceKeys.checklist });
      onClose();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack gap="sm" data-testid="answer-form">
      <Text fz="sm">{item.text[lang]}</Text>
      {error !== null && <ApiErrorAlert error={error} />}
      <SegmentedControl
        value={answer}
        onChange={(v) => setAnswer(v === 'no' ? 'no' : 'yes')}
        data={[
          { value: 'yes', label: t('compliance.checklist.yes') },
          { value: 'no', label: t('compliance.checklist.no') },
        ]}
        data-testid="answer-choice"
      />
      <TextInput type="date" label={t('compliance.checklist.confirmedOn')} value={confirmedOn} onChange={(e) => setConfirmedOn(e.currentTarget.value)} />
      {answer === 'no' && (
        <TextInput type="date" label={t('compliance.checklist.targetDate')} value={targetDate} onChange={(e) => setTargetDate(e.currentTarget.value)} />
      )}
      <Textarea label={t('compliance.checklist.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} data-testid="answer-note" />
      <Group>
        <Button onClick={() => void submit()} data-testid="answer-submit">
          {t('compliance.clause.save')}
        </Button>
        <Button variant="default" onClick={onClose}>
          {t('compliance.clause.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

function Checklist({ view }: { view: ChecklistView }) {
  const { t, lang } = useLang();
  const session = useCurrentSession();
  const [answering, setAnswering] = useState<ChecklistItemView | null>(null);
  const manage = canManageCompliance(session);
  const source = (s: ChecklistItemView['answerSource']) =>
    s === 'computed' ? t('compliance.checklist.computed') : s === 'recorded' ? t('compliance.checklist.recorded') : t('compliance.checklist.none');
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Text fz="sm" fw={600}>
            {lang === 'en' ? view.titleEn : view.title}（{view.form}）
          </Text>
          <Text fz="xs" c="dimmed" data-testid="checklist-edition">
            {t('compliance.checklist.edition', { era: view.edition.eraJa, publisher: view.edition.publisher, published: formatDate(view.edition.published, lang) })}
          </Text>
          <Text fz="sm" data-testid="checklist-counts">
            {t('compliance.checklist.counts', { yes: String(view.counts.yes), no: String(view.counts.no), unknown: String(view.counts.unknown) })}
          </Text>
        </div>
        <Group gap="xs">
          <Button component="a" href={checklistUrl('pdf')} variant="default" size="sm" data-testid="checklist-pdf">
            {t('compliance.checklist.pdf')}
          </Button>
          <Button component="a" href={checklistUrl('xlsx')} variant="default" size="sm" data-testid="checklist-xlsx">
            {t('compliance.checklist.xlsx')}
          </Button>
        </Group>
      </Group>
      {view.sections.map((section) => {
        const items = view.items.filter((i) => i.section === section.id);
        if (items.length === 0) return null;
        return (
          <Paper key={section.id} withBorder p="md" radius="md">
            <Title order={2} fz="h4" mb="xs">
              {section.id === '0' ? '' : `${section.id} `}
              {section.title[lang]}
            </Title>
            <Table.ScrollContainer minWidth={760}>
              <Table fz="sm" verticalSpacing="xs" data-testid="checklist-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('compliance.checklist.item')}</Table.Th>
                    <Table.Th>{t('compliance.checklist.text')}</Table.Th>
                    <Table.Th>{t('compliance.checklist.answer')}</Table.Th>
                    <Table.Th>{t('compliance.checklist.confirmedOn')}</Table.Th>
                    <Table.Th>{t('compliance.checklist.basis')}</Table.Th>
                    {manage && <Table.Th />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <Table.Tr key={item.id} data-testid="checklist-item" data-item-id={item.id} data-answer={item.answer}>
                      <Table.Td>{item.id}</Table.Td>
                      <Table.Td>
                        <Text fz="sm">
                          {item.number === '' ? '' : `${item.number} `}
                          {item.text[lang]}
                        </Text>
                        {item.scope.length > 0 && (
                          <Text fz="xs" c="dimmed">
                            {item.scope.join(lang === 'ja' ? '・' : ', ')}
                          </Text>
                        )}
                        {item.wording === 'reconstructed' && (
                          <Text fz="xs" c="orange.8">
                            {t('compliance.checklist.reconstructed')}
                          </Text>
                        )}
                        <Text fz="xs" c="dimmed">
                          {item.reason[lang]}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={answerColor[item.answer]} variant={item.answer === 'unknown' ? 'outline' : 'filled'} data-testid="checklist-answer">
                          {t(`compliance.checklist.${item.answer}`)}
                        </Badge>
                        <Text fz="xs" c="dimmed">
                          {source(item.answerSource)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {item.confirmedOn === null ? '—' : formatDate(item.confirmedOn, lang)}
                        {item.targetDate !== null && (
                          <Text fz="xs" c="dimmed">
                            {t('compliance.checklist.targetDate')}: {formatDate(item.targetDate, lang)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {item.clauses.map((c) => (
                            <Badge key={c.id} size="xs" variant="light" color={statusColor[c.status]}>
                              {c.displayId}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      {manage && (
                        <Table.Td>
                          {item.answerSource !== 'computed' && (
                            <Button size="compact-xs" variant="light" onClick={() => setAnswering(item)} data-testid="answer-open">
                              {t('compliance.checklist.record')}
                            </Button>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        );
      })}
      <Modal
        opened={answering !== null}
        onClose={() => setAnswering(null)}
        title={t('compliance.checklist.record')}
        lockScroll={false}
      >
        {answering !== null && <AnswerForm item={answering} onClose={() => setAnswering(null)} />}
      </Modal>
      {view.items.some((i) => i.wording === 'reconstructed') && (
        <Alert color="orange" variant="light">
          {view.edition.established[lang]}
        </Alert>
      )}
    </Stack>
  );
}

/** /compliance/checklist — the MHLW checklist answered from live data, for the inspector. */
export function ChecklistPage() {
  const { t } = useLang();
  useTitle(t('compliance.checklist.title'));
  const checklist = useChecklist();
  return (
    <Stack gap="md" data-testid="checklist-page">
      <div>
        <Title order={1} fz="h2">
          {t('compliance.checklist.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('compliance.checklist.lead')}
        </Text>
      </div>
      <QueryView query={checklist}>{(v) => <Checklist view={v} />}</QueryView>
    </Stack>
  );
}
