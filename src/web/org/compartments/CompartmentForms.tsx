import { Button, Group, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { CompartmentMemberView, CompartmentView, StaffView } from '../../../shared/api-types.js';
import { isApiError } from '../../api/client.js';
import { japanCalendarDateOf } from '../../lib/dates.js';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert.js';
import { useLang } from '../../shell/useLang.js';
import {
  addCompartmentMember,
  closeCompartment,
  createCompartment,
  endCompartmentMember,
  orgKeys,
  renameCompartment,
} from '../api.js';

const today = (): string => japanCalendarDateOf(new Date());

/** A save that refreshes the unit's compartments and closes the form; field errors come from the server. */
const useSave = <T,>(unitId: string, save: () => Promise<T>, onDone: () => void) => {
  const { lang } = useLang();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: orgKeys.compartments(unitId) });
      onDone();
    },
  });
  const issues = isApiError(mutation.error) ? mutation.error.issues : [];
  const fieldError = (field: string): string | undefined =>
    issues.find((i) => i.field === field)?.message[lang];
  return { mutation, fieldError, hasFieldErrors: issues.length > 0 };
};

type Save = ReturnType<typeof useSave>;

// Inline panels rather than modals: Mantine's modal injects a <style> element that the strict CSP refuses.
function FormPanel(props: {
  title: string;
  testId: string;
  save: Save;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useLang();
  const { mutation, hasFieldErrors } = props.save;
  return (
    <Paper withBorder p="md" radius="md" data-testid={props.testId}>
      <Stack gap="sm">
        <Title order={3} fz="h5">
          {props.title}
        </Title>
        {props.children}
        {mutation.isError && !hasFieldErrors && <ApiErrorAlert error={mutation.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('compartments.cancel')}
          </Button>
          <Button
            onClick={() => mutation.mutate()}
            loading={mutation.isPending}
            data-testid={`${props.testId}-save`}
          >
            {t('compartments.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function CreateCompartmentForm({ unitId, onDone }: { unitId: string; onDone: () => void }) {
  const { t } = useLang();
  const [form, setForm] = useState({ nameJa: '', nameEn: '', purpose: '', validFrom: today() });
  const save = useSave(unitId, () => createCompartment(unitId, form), onDone);
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [key]: value }));
  };
  return (
    <FormPanel
      title={t('compartments.createTitle')}
      testId="compartment-create"
      save={save}
      onCancel={onDone}
    >
      <Group grow align="flex-start">
        <TextInput
          label={t('compartments.nameJa')}
          value={form.nameJa}
          onChange={set('nameJa')}
          error={save.fieldError('nameJa')}
          data-testid="compartment-name-ja"
        />
        <TextInput
          label={t('compartments.nameEn')}
          value={form.nameEn}
          onChange={set('nameEn')}
          error={save.fieldError('nameEn')}
          data-testid="compartment-name-en"
        />
      </Group>
      <Textarea
        label={t('compartments.purpose')}
        autosize
        minRows={2}
        value={form.purpose}
        onChange={set('purpose')}
        error={save.fieldError('purpose')}
      />
      <TextInput
        type="date"
        w={220}
        label={t('compartments.validFrom')}
        value={form.validFrom}
        onChange={set('validFrom')}
        error={save.fieldError('validFrom')}
      />
    </FormPanel>
  );
}

export function RenameCompartmentForm(props: { compartment: CompartmentView; onDone: () => void }) {
  const { t } = useLang();
  const { compartment: c, onDone } = props;
  const [names, setNames] = useState({ nameJa: c.nameJa, nameEn: c.nameEn });
  const save = useSave(c.unitId, () => renameCompartment(c.id, names), onDone);
  return (
    <FormPanel title={t('compartments.rename')} testId="compartment-rename" save={save} onCancel={onDone}>
      <Group grow align="flex-start">
        <TextInput
          label={t('compartments.nameJa')}
          value={names.nameJa}
          onChange={(e) => {
            const nameJa = e.currentTarget.value;
            setNames((n) => ({ ...n, nameJa }));
          }}
          error={save.fieldError('nameJa')}
        />
        <TextInput
          label={t('compartments.nameEn')}
          value={names.nameEn}
          onChange={(e) => {
            const nameEn = e.currentTarget.value;
            setNames((n) => ({ ...n, nameEn }));
          }}
          error={save.fieldError('nameEn')}
        />
      </Group>
    </FormPanel>
  );
}

export function CloseCompartmentForm(props: { compartment: CompartmentView; onDone: () => void }) {
  const { t } = useLang();
  const { compartment: c, onDone } = props;
  const [validTo, setValidTo] = useState(today());
  const [reason, setReason] = useState('');
  const save = useSave(c.unitId, () => closeCompartment(c.id, { validTo, reason }), onDone);
  return (
    <FormPanel title={t('compartments.close')} testId="compartment-close" save={save} onCancel={onDone}>
      <Text fz="sm">{t('compartments.closeHint')}</Text>
      <TextInput
        type="date"
        w={220}
        label={t('compartments.validTo')}
        value={validTo}
        onChange={(e) => setValidTo(e.currentTarget.value)}
        error={save.fieldError('validTo')}
      />
      <TextInput
        label={t('compartments.closeReason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={save.fieldError('reason')}
        data-testid="compartment-close-reason"
      />
    </FormPanel>
  );
}

export function AddMemberForm(props: {
  compartment: CompartmentView;
  staff: readonly StaffView[];
  onDone: () => void;
}) {
  const { t } = useLang();
  const { compartment: c, onDone } = props;
  const [form, setForm] = useState({ employeeNumber: '', startDate: today(), endDate: '', note: '' });
  const save = useSave(c.unitId, () => addCompartmentMember(c.id, form), onDone);
  const current = new Set(c.members.filter((m) => m.active).map((m) => m.employeeNumber));
  const options = props.staff
    .filter((s) => !current.has(s.employeeNumber))
    .map((s) => ({ value: s.employeeNumber, label: `${s.employeeNumber} ${s.nameKanji}` }));
  const setDate = (key: 'startDate' | 'endDate' | 'note') => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [key]: value }));
  };
  return (
    <FormPanel
      title={t('compartments.addMember')}
      testId="compartment-add-member"
      save={save}
      onCancel={onDone}
    >
      <Select
        label={t('compartments.member')}
        placeholder={t('compartments.chooseMember')}
        data={options}
        searchable
        value={form.employeeNumber === '' ? null : form.employeeNumber}
        onChange={(v) => setForm((f) => ({ ...f, employeeNumber: v ?? '' }))}
        error={save.fieldError('employeeNumber')}
        data-testid="compartment-member-select"
        comboboxProps={{ withinPortal: false }}
      />
      <Group align="flex-start">
        <TextInput
          type="date"
          w={220}
          label={t('compartments.startDate')}
          value={form.startDate}
          onChange={setDate('startDate')}
          error={save.fieldError('startDate')}
        />
        <TextInput
          type="date"
          w={220}
          label={t('compartments.endDate')}
          value={form.endDate}
          onChange={setDate('endDate')}
          error={save.fieldError('endDate')}
        />
      </Group>
      <TextInput
        label={t('compartments.note')}
        value={form.note}
        onChange={setDate('note')}
        error={save.fieldError('note')}
      />
    </FormPanel>
  );
}

export function EndMemberForm(props: {
  compartment: CompartmentView;
  member: CompartmentMemberView;
  onDone: () => void;
}) {
  const { t } = useLang();
  const { compartment: c, member, onDone } = props;
  const [endDate, setEndDate] = useState(today());
  const save = useSave(c.unitId, () => endCompartmentMember(c.id, member.id, endDate), onDone);
  return (
    <FormPanel
      title={`${t('compartments.endMember')}: ${member.name}`}
      testId="compartment-end-member"
      save={save}
      onCancel={onDone}
    >
      <TextInput
        type="date"
        w={220}
        label={t('compartments.endDate')}
        value={endDate}
        onChange={(e) => setEndDate(e.currentTarget.value)}
        error={save.fieldError('endDate')}
      />
    </FormPanel>
  );
}
