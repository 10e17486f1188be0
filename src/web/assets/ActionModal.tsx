import {
  Button,
  FileInput,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { isApiError } from '../api/client.js';
import { bytesToBase64 } from '../org/import-file.js';
import { ApiErrorAlert } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';

export interface ActionField {
  readonly key: string;
  readonly label: string;
  readonly type: 'text' | 'textarea' | 'select' | 'datetime' | 'date' | 'file';
  readonly options?: readonly { value: string; label: string }[];
  readonly required?: boolean;
  readonly initial?: string;
}

/** The values of an action form: text as typed, a file as base64 with its name under `<key>Name`. */
export type ActionValues = Record<string, string>;

/**
 * A small form in a modal for one action on a record (erase a draft, reclassify, record a disposal…): the server
 * checks it, and its issues appear beside the fields they name (the field key, or the last part of it).
 */
export function ActionModal({
  opened,
  onClose,
  title,
  lead,
  fields,
  submitLabel,
  onSubmit,
  testId,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  lead?: string;
  fields: readonly ActionField[];
  submitLabel: string;
  onSubmit: (values: ActionValues) => Promise<unknown>;
  testId: string;
}) {
  const { t, lang } = useLang();
  const [values, setValues] = useState<ActionValues>(() =>
    Object.fromEntries(fields.flatMap((f) => (f.initial === undefined ? [] : [[f.key, f.initial]]))),
  );
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = useMemo(() => {
    const map = new Map<string, string>();
    if (isApiError(error))
      for (const i of error.issues) map.set(i.field.replace(/^(form|medium)\./, ''), i.message[lang]);
    return map;
  }, [error, lang]);
  const set = (key: string, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const out: ActionValues = { ...values };
      for (const [key, file] of Object.entries(files))
        if (file !== null) {
          out[key] = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
          out[`${key}Name`] = file.name;
        }
      await onSubmit(out);
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} lockScroll={false} size="lg">
      <form
        data-testid={testId}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          {lead !== undefined && (
            <Text fz="sm" c="dimmed">
              {lead}
            </Text>
          )}
          {fields.map((f) => {
            const common = {
              label: f.label,
              withAsterisk: f.required === true,
              error: errors.get(f.key),
              'data-testid': `${testId}-${f.key}`,
            };
            switch (f.type) {
              case 'text':
              case 'date':
              case 'datetime':
                return (
                  <TextInput
                    key={f.key}
                    {...common}
                    type={f.type === 'text' ? 'text' : f.type === 'date' ? 'date' : 'datetime-local'}
                    value={values[f.key] ?? ''}
                    onChange={(e) => set(f.key, e.currentTarget.value)}
                  />
                );
              case 'textarea':
                return (
                  <Textarea
                    key={f.key}
                    {...common}
                    autosize
                    minRows={2}
                    value={values[f.key] ?? ''}
                    onChange={(e) => set(f.key, e.currentTarget.value)}
                  />
                );
              case 'select':
                return (
                  <NativeSelect
                    key={f.key}
                    {...common}
                    data={[{ value: '', label: '—' }, ...(f.options ?? [])]}
                    value={values[f.key] ?? ''}
                    onChange={(e) => set(f.key, e.currentTarget.value)}
                  />
                );
              case 'file':
                return (
                  <FileInput
                    key={f.key}
                    {...common}
                    value={files[f.key] ?? null}
                    onChange={(file) => setFiles((old) => ({ ...old, [f.key]: file }))}
                  />
                );
            }
          })}
          {error !== null && <ApiErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('assets.common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid={`${testId}-submit`}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
