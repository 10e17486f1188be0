// What the access-matrix test's requests are made of (test/access-matrix.test.ts): who calls, what a case is, and
// the helpers that keep what one person made for the others to try.
import type { LightMyRequestResponse } from 'fastify';
import { demoPersonaKeys, type DemoPersonaKey } from '../src/modules/demo/index.js';

export type Column = 'anonymous' | DemoPersonaKey;
export const columns: readonly Column[] = ['anonymous', ...demoPersonaKeys];

export interface Who {
  readonly key: Column;
  readonly loginId: string;
  readonly address: string;
  password: string;
  cookie: string | null;
  csrf: string | null;
  accountId: string;
  /** Ids this person created, by route, for the routes that act on them next. */
  readonly created: Map<string, string>;
}

export interface World {
  readonly ownUnitId: string;
  readonly otherUnitId: string;
  readonly managerEmployeeNumber: string;
  readonly otherAccountId: string;
  readonly unitsCsv: string;
}

export interface Case {
  readonly name?: string;
  readonly url: (who: Who, world: World) => string;
  readonly body?: (who: Who, world: World) => unknown;
  /** Use a session of its own (signing out must not end the session the other calls use). */
  readonly fresh?: boolean;
  readonly then?: (who: Who, res: LightMyRequestResponse) => void;
}

export const code = (who: Who): string => `M-${who.key.toUpperCase()}`;
export const unitRow = (who: Who, nameEn: string) => ({
  code: code(who),
  nameJa: `試験科${who.key}`,
  nameEn,
  kind: 'section',
  parentCode: 'KANGO',
  validFrom: '2026-04-01',
});
export const staffRow = (who: Who, phone: string | null) => ({
  employeeNumber: code(who),
  nameKanji: '試験 太郎',
  nameKana: 'シケン タロウ',
  employment: 'regular',
  unitCode: 'KANGO-4E',
  phone,
  startDate: '2026-04-01',
});
export const keep = (route: string) => (who: Who, res: LightMyRequestResponse) => {
  if (res.statusCode === 201) who.created.set(route, res.json<{ id: string }>().id);
};
export const fixed = (url: string) => (): string => url;
/** The compartment the CISO made (first in each row, on each dialect): whoever made none tries theirs on it. */
export const made = { firstCompartment: 'none' };
/** What the nurse of the ward (the `staff` persona) made: the others try it (issue 5: another's request). */
export const nurses = new Map<string, string>();
export const nurse = (key: string): string => nurses.get(key) ?? 'none';
export const keepNurse = (key: string, route: string) => (who: Who, res: LightMyRequestResponse) => {
  keep(route)(who, res);
  if (res.statusCode === 201 && who.key === 'staff') nurses.set(key, res.json<{ id: string }>().id);
};
export const compartmentOf = (who: Who): string => who.created.get('compartment') ?? made.firstCompartment;
export const assetBody = { name: '行列試験の記録', form: 'electronic', origin: 'created', classification: 2 };
export const approvalCarryOut = {
  item: 'ノートPC',
  itemKind: 'pc',
  classification: 2,
  destination: '研修会場',
  startDate: '2026-04-10',
  returnDate: '2026-04-11',
  purpose: '行列試験',
};
