import type { TFunction } from 'i18next';

/** Display names for the facilities module's codes; unknown codes (a newer server) are shown as sent. */

type Group = 'kind' | 'status' | 'serviceKind' | 'disposalKind' | 'erasure';

export const deviceLabel = (t: TFunction, group: Group, code: string | null): string => {
  if (code === null || code === '') return '—';
  const key = `facilities.${group}.${code}`;
  const text = t(key as never);
  return text === key ? code : text;
};

export const deviceOptions = (t: TFunction, group: Group, codes: readonly string[]) =>
  codes.map((c) => ({ value: c, label: deviceLabel(t, group, c) }));

export const deviceKinds = ['server', 'terminal', 'network', 'other'] as const;
export const deviceStatuses = ['inUse', 'underRepair', 'offsite', 'disposed', 'returned'] as const;

export const statusColor = (status: string): string =>
  status === 'inUse'
    ? 'teal'
    : status === 'offsite'
      ? 'orange'
      : status === 'underRepair'
        ? 'yellow'
        : 'gray';
