import { Button, Checkbox, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { DeviceView } from '../../shared/api-types.js';
import { isApiError } from '../api/client.js';
import { unitName } from '../lib/labels.js';
import { useUnits } from '../org/api.js';
import { ApiErrorAlert } from '../shell/ApiErrorAlert.js';
import { useLang } from '../shell/useLang.js';
import { deviceKinds, deviceOptions } from './labels.js';

/** What the register says of a device, as the form holds it. */
export interface DeviceValues {
  assetTag: string;
  kind: string;
  name: string;
  maker: string;
  model: string;
  owningUnitId: string;
  location: string;
  hasStorage: boolean;
  environmentProtected: boolean;
  fixed: boolean;
  installationNote: string;
  ups: boolean;
  upsRuntimeMinutes: string;
  surgeProtection: boolean;
  antiTheft: boolean;
  antiTheftMethod: string;
  maintenanceIntervalMonths: string;
  lastMaintainedOn: string;
}

export const emptyDevice = (owningUnitId: string): DeviceValues => ({
  assetTag: '',
  kind: 'terminal',
  name: '',
  maker: '',
  model: '',
  owningUnitId,
  location: '',
  hasStorage: true,
  environmentProtected: false,
  fixed: false,
  installationNote: '',
  ups: false,
  upsRuntimeMinutes: '',
  surgeProtection: false,
  antiTheft: false,
  antiTheftMethod: '',
  maintenanceIntervalMonths: '',
  lastMaintainedOn: '',
});

export const valuesOf = (d: DeviceView): DeviceValues => ({
  assetTag: d.assetTag,
  kind: d.kind,
  name: d.name,
  maker: d.maker ?? '',
  model: d.model ?? '',
  owningUnitId: d.owningUnit.id,
  location: d.location ?? '',
  hasStorage: d.hasStorage,
  environmentProtected: d.environmentProtected,
  fixed: d.fixed,
  installationNote: d.installationNote ?? '',
  ups: d.ups,
  upsRuntimeMinutes: d.upsRuntimeMinutes === null ? '' : String(d.upsRuntimeMinutes),
  surgeProtection: d.surgeProtection,
  antiTheft: d.antiTheft,
  antiTheftMethod: d.antiTheftMethod ?? '',
  maintenanceIntervalMonths: d.maintenanceIntervalMonths === null ? '' : String(d.maintenanceIntervalMonths),
  lastMaintainedOn: d.lastMaintainedOn ?? '',
});

/** The body the API takes: blanks become null, numbers numbers. */
export const bodyOf = (v: DeviceValues): Record<string, unknown> => ({
  ...v,
  upsRuntimeMinutes: v.upsRuntimeMinutes === '' ? null : Number(v.upsRuntimeMinutes),
  maintenanceIntervalMonths: v.maintenanceIntervalMonths === '' ? null : Number(v.maintenanceIntervalMonths),
});

/** The device form (register and change): the server checks it, and its issues appear beside the fields. */
export function DeviceForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: DeviceValues;
  submitLabel: string;
  onSubmit: (values: DeviceValues) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const { t, lang } = useLang();
  const units = useUnits();
  const [v, setV] = useState<DeviceValues>(initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = useMemo(() => {
    const map = new Map<string, string>();
    if (isApiError(error))
      for (const i of error.issues) map.set(i.field.replace(/^device\./, ''), i.message[lang]);
    return map;
  }, [error, lang]);
  const set = <K extends keyof DeviceValues>(key: K, value: DeviceValues[K]) =>
    setV((old) => ({ ...old, [key]: value }));
  const text = (key: keyof DeviceValues, label: string, type = 'text') => (
    <TextInput
      label={label}
      type={type}
      value={String(v[key])}
      onChange={(e) => set(key, e.currentTarget.value as never)}
      error={errors.get(key)}
      data-testid={`device-${key}`}
    />
  );
  const check = (key: keyof DeviceValues, label: string) => (
    <Checkbox
      label={label}
      checked={v[key] === true}
      onChange={(e) => set(key, e.currentTarget.checked as never)}
      error={errors.get(key)}
      data-testid={`device-${key}`}
    />
  );
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(v);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      data-testid="device-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('assetTag', t('facilities.common.assetTag'))}
          <Select
            label={t('facilities.common.kind')}
            value={v.kind}
            onChange={(x) => set('kind', x ?? 'terminal')}
            data={deviceOptions(t, 'kind', deviceKinds)}
            error={errors.get('kind')}
            data-testid="device-kind"
          />
          {text('name', t('facilities.common.name'))}
          <Select
            label={t('facilities.common.unit')}
            searchable
            value={v.owningUnitId === '' ? null : v.owningUnitId}
            onChange={(x) => set('owningUnitId', x ?? '')}
            data={(units.data ?? []).map((u) => ({ value: u.id, label: unitName(u, lang) }))}
            error={errors.get('owningUnitId')}
            data-testid="device-owningUnitId"
          />
          {text('maker', t('facilities.form.maker'))}
          {text('model', t('facilities.form.model'))}
          {text('location', t('facilities.common.location'))}
          {text('installationNote', t('facilities.form.installationNote'))}
        </SimpleGrid>
        {check('hasStorage', t('facilities.form.hasStorage'))}
        {check('environmentProtected', t('facilities.form.environmentProtected'))}
        {check('fixed', t('facilities.form.fixed'))}
        {check('ups', t('facilities.form.ups'))}
        {v.ups && text('upsRuntimeMinutes', t('facilities.form.upsRuntimeMinutes'), 'number')}
        {check('surgeProtection', t('facilities.form.surgeProtection'))}
        {check('antiTheft', t('facilities.form.antiTheft'))}
        {v.antiTheft && text('antiTheftMethod', t('facilities.form.antiTheftMethod'))}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('maintenanceIntervalMonths', t('facilities.form.maintenanceIntervalMonths'), 'number')}
          {text('lastMaintainedOn', t('facilities.form.lastMaintainedOn'), 'date')}
        </SimpleGrid>
        {error !== null && <ApiErrorAlert error={error} />}
        <Group justify="flex-end">
          {onCancel !== undefined && (
            <Button variant="default" onClick={onCancel}>
              {t('facilities.common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={busy} data-testid="device-submit">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
