import { Select } from '@mantine/core';
import { unitName } from '../lib/labels.js';
import { useUnits } from '../org/api.js';
import { useLang } from '../shell/useLang.js';

/** A unit picker for the register filters ("all" when empty). */
export function UnitFilter({
  value,
  onChange,
  label,
  testId,
}: {
  value: string;
  onChange: (v: string) => void;
  label?: string;
  testId: string;
}) {
  const { t, lang } = useLang();
  const units = useUnits();
  return (
    <Select
      label={label ?? t('assets.common.unit')}
      searchable
      clearable
      w={220}
      value={value === '' ? null : value}
      onChange={(v) => onChange(v ?? '')}
      placeholder={t('assets.common.all')}
      data={(units.data ?? []).map((u) => ({ value: u.id, label: unitName(u, lang) }))}
      data-testid={testId}
    />
  );
}
