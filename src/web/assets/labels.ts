import type { TFunction } from 'i18next';
import type { SessionView } from '../../shared/api-types.js';

/** Display names for the assets module's codes; unknown codes (a newer server) are shown as sent. */

type Group =
  | 'form'
  | 'status'
  | 'origin'
  | 'basis'
  | 'mediumKind'
  | 'purpose'
  | 'usage'
  | 'mediumStatus'
  | 'placeKind'
  | 'handlingKind'
  | 'handlingStatus'
  | 'protection'
  | 'method';

export const assetLabel = (t: TFunction, group: Group, code: string | null): string => {
  if (code === null || code === '') return '—';
  const key = `assets.${group}.${code}`;
  const text = t(key as never);
  return text === key ? code : text;
};

/** I … IV. */
export const classLabel = (t: TFunction, n: number | null): string =>
  n === null ? '—' : n >= 1 && n <= 4 ? t(`assets.class.${String(n) as '1'}`) : String(n);

export const classColor = (n: number | null): string =>
  n === 1 ? 'red' : n === 2 ? 'orange' : n === 3 ? 'blue' : 'gray';

export const classOptions = (t: TFunction) =>
  (['1', '2', '3', '4'] as const).map((n) => ({ value: n, label: t(`assets.classLong.${n}`) }));

export const optionsOf = (t: TFunction, group: Group, codes: readonly string[]) =>
  codes.map((c) => ({ value: c, label: assetLabel(t, group, c) }));

const keepers: ReadonlySet<string> = new Set([
  'ciso',
  'securityDirector',
  'securityOfficer',
  'securityManager',
  'securityStaff',
]);
const importers: ReadonlySet<string> = new Set([
  'ciso',
  'securityDirector',
  'securityOfficer',
  'securityManager',
]);

/** Who sees the buttons that only keepers of media and places (4-2(5)) or importers may use; the server decides. */
export const keepsRecords = (s: SessionView): boolean =>
  s.account.category !== 'contractor' && s.account.roles.some((r) => keepers.has(r.role));
export const importsRegisters = (s: SessionView): boolean =>
  s.account.category !== 'contractor' && s.account.roles.some((r) => importers.has(r.role));
