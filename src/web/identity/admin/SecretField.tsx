import { PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import type { SecretInputBody, SecretKindView } from '../../../shared/directory-api-types.js';
import { useLang } from '../../shell/useLang.js';

/**
 * A secret Mamori sends to another system: kept as it is, typed in (sealed by the server, never shown again), read
 * from a file the operator keeps, or none. The current way is shown, never the secret.
 */
export function SecretField({
  label,
  current,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  current: { kind: SecretKindView; path: string | null };
  value: SecretInputBody;
  onChange: (next: SecretInputBody) => void;
  error: string | undefined;
  testId: string;
}) {
  const { t } = useLang();
  const now =
    current.kind === 'sealed'
      ? t('directory.settings.secret.stored')
      : current.kind === 'file'
        ? t('directory.settings.secret.inFile', { path: current.path ?? '' })
        : t('directory.settings.secret.unset');
  const kinds = [...(current.kind === 'none' ? [] : (['keep'] as const)), 'value', 'file', 'none'] as const;
  return (
    <Stack gap={4} data-testid={testId}>
      <Select
        label={label}
        description={`${t('directory.settings.secret.current')}: ${now}`}
        data={kinds.map((k) => ({ value: k, label: t(`directory.settings.secret.${k}`) }))}
        value={value.kind}
        allowDeselect={false}
        onChange={(k) => {
          if (k === 'keep' || k === 'none') onChange({ kind: k });
          else if (k === 'value') onChange({ kind: 'value', value: '' });
          else if (k === 'file') onChange({ kind: 'file', path: current.path ?? '' });
        }}
        data-testid={`${testId}-kind`}
      />
      {value.kind === 'value' && (
        <PasswordInput
          aria-label={label}
          value={value.value}
          onChange={(e) => onChange({ kind: 'value', value: e.currentTarget.value })}
          autoComplete="new-password"
          error={error}
          data-testid={`${testId}-value`}
        />
      )}
      {value.kind === 'file' && (
        <TextInput
          label={t('directory.settings.secret.filePath')}
          value={value.path}
          onChange={(e) => onChange({ kind: 'file', path: e.currentTarget.value })}
          error={error}
          data-testid={`${testId}-path`}
        />
      )}
      {value.kind !== 'value' && value.kind !== 'file' && error !== undefined && (
        <Text fz="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}
