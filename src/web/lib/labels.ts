/** Display names for the codes the server sends (roles, unit kinds, employment…), per the glossary. */
import type { TFunction } from 'i18next';
import type { StaffView, UnitSummary } from '../../shared/api-types.js';

type T = TFunction;

export const roleCodes = [
  'ciso',
  'securityDirector',
  'securityOfficer',
  'securityManager',
  'securityStaff',
  'committee',
  'auditLead',
  'auditor',
  'personnelOffice',
  'facilitiesOffice',
] as const;
export type RoleCode = (typeof roleCodes)[number];
export const isRoleCode = (v: string): v is RoleCode => (roleCodes as readonly string[]).includes(v);

const unitKinds = [
  'bureau',
  'division',
  'centre',
  'clinic',
  'section',
] as const satisfies readonly UnitSummary['kind'][];
const employments = [
  'regular',
  'partTime',
  'temporary',
] as const satisfies readonly StaffView['employment'][];
const vias = ['assignment', 'delegation', 'acting'] as const;
const categories = ['employee', 'contractor'] as const;
const delegationKinds = ['delegation', 'acting'] as const;

const has = <K extends string>(list: readonly K[], v: string): v is K =>
  (list as readonly string[]).includes(v);

/** Unknown codes (a newer server) are shown as sent rather than hidden. */
export const roleLabel = (t: T, role: string): string => (isRoleCode(role) ? t(`role.${role}`) : role);
export const unitKindLabel = (t: T, kind: string): string =>
  has(unitKinds, kind) ? t(`unitKind.${kind}`) : kind;
export const employmentLabel = (t: T, e: string): string => (has(employments, e) ? t(`employment.${e}`) : e);
export const viaLabel = (t: T, via: string): string => (has(vias, via) ? t(`via.${via}`) : via);
export const categoryLabel = (t: T, c: string): string => (has(categories, c) ? t(`category.${c}`) : c);
export const delegationKindLabel = (t: T, k: string): string =>
  has(delegationKinds, k) ? t(`delegationKind.${k}`) : k;

/** The unit's name in the reader's language (English falls back to Japanese when missing). */
export const unitName = (unit: { nameJa: string; nameEn: string }, lang: 'ja' | 'en'): string =>
  lang === 'en' && unit.nameEn.trim() !== '' ? unit.nameEn : unit.nameJa;
