import { Checkbox, NativeSelect, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import type { ApprovalFieldView } from '../../shared/api-types.js';
import { useLang } from '../shell/useLang.js';
import type { FormValue, FormValues } from './api.js';

/** One field of a request form, generated from the type's form schema; `error` is the server's message for it. */
function Field({
  field,
  value,
  error,
  onChange,
}: {
  field: ApprovalFieldView;
  value: FormValue | undefined;
  error: string | undefined;
  onChange: (value: FormValue) => void;
}) {
  const { t, lang } = useLang();
  const common = {
    label: field.label[lang],
    description: field.help?.[lang],
    // An asterisk, not the browser's own check: the server names every missing field in the reader's language.
    withAsterisk: field.required,
    error,
    'data-testid': `field-${field.key}`,
  };
  switch (field.type) {
    case 'text':
      return (
        <TextInput
          {...common}
          maxLength={field.maxLength ?? undefined}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'longText':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          maxLength={field.maxLength ?? undefined}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          w={220}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          w={220}
          min={field.min ?? undefined}
          max={field.max ?? undefined}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        />
      );
    case 'enum':
    case 'classification': {
      const options =
        field.type === 'enum'
          ? field.options.map((o) => ({ value: o.value, label: o.label[lang] }))
          : (['1', '2', '3', '4'] as const).map((n) => ({
              value: n,
              label: t(`approvals.classification.${n}`),
            }));
      return (
        <NativeSelect
          {...common}
          w={field.type === 'classification' ? 220 : undefined}
          data={[{ value: '', label: t('approvals.new.select') }, ...options]}
          value={value === null || value === undefined ? '' : String(value)}
          onChange={(e) => {
            const v = e.currentTarget.value;
            onChange(v === '' ? null : field.type === 'classification' ? Number(v) : v);
          }}
        />
      );
    }
    case 'boolean':
      return (
        <Checkbox
          label={field.label[lang]}
          description={field.help?.[lang]}
          error={error}
          data-testid={`field-${field.key}`}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
      );
  }
}

/** The fields of a form in order, with the server's per-field errors (`form.<key>`) under each. */
export function FormFields({
  fields,
  values,
  errors,
  onChange,
}: {
  fields: readonly ApprovalFieldView[];
  values: FormValues;
  errors: ReadonlyMap<string, string>;
  onChange: (key: string, value: FormValue) => void;
}) {
  return (
    <Stack gap="sm">
      {fields.map((f) => (
        <Field
          key={f.key}
          field={f}
          value={values[f.key]}
          error={errors.get(`form.${f.key}`)}
          onChange={(v) => onChange(f.key, v)}
        />
      ))}
    </Stack>
  );
}
