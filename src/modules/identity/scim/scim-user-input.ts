import { z } from 'zod';
import {
  calendarDate,
  issuesFromZod,
  kanaSchema,
  validationError,
  type UseCaseContext,
} from '../../../kernel/index.js';
import { employments } from '../../org/index.js';
import { personnelRowSchema, type PersonnelRow } from '../lifecycle/lifecycle.schema.js';
import { asScimError, scimError } from './scim-errors.js';
import { SCIM_ENTERPRISE, SCIM_MAMORI, type ScimUserInput } from './scim.schema.js';

const primary = (values: ScimUserInput['emails']): string | null =>
  (values ?? []).find((v) => v.primary === true)?.value ?? values?.[0]?.value ?? null;

/** The person's name as SCIM carries it: formatted, else family and given names, else the display name. */
export const nameOf = (user: ScimUserInput): string | null =>
  user.name?.formatted ??
  ([user.name?.familyName, user.name?.givenName].filter((p) => p !== undefined && p !== '').join(' ') ||
    user.displayName ||
    null);

/** Passwords are never taken from an HR system: Mamori issues temporary ones (第7 2(3)イ). */
export const refusePassword = (user: ScimUserInput): void => {
  if (user.password !== undefined)
    throw scimError(
      'validation',
      {
        ja: 'パスワードは受け付けません。仮パスワードは情報セキュリティの担当者が発行します（第7 2(3)イ）。',
        en: 'Passwords are not accepted; the security office issues temporary passwords (第7 2(3)イ).',
      },
      'mutability',
      'password',
    );
};

export const employeeNumberOf = (user: ScimUserInput): string => {
  const n = user[SCIM_ENTERPRISE]?.employeeNumber;
  if (n === undefined || n === '')
    throw scimError(
      'validation',
      { ja: '職員番号（employeeNumber）が必要です。', en: 'employeeNumber is required.' },
      'invalidValue',
      `${SCIM_ENTERPRISE}:employeeNumber`,
    );
  return n;
};

/** A User to create as a hire of the personnel office, checked as any personnel row is. */
export const hireRowOf = (
  ctx: UseCaseContext,
  user: ScimUserInput,
  unitCode: string | null,
): PersonnelRow => {
  const ext = user[SCIM_MAMORI];
  const parsed = personnelRowSchema.safeParse({
    kind: 'hire',
    employeeNumber: employeeNumberOf(user),
    effectiveDate: ext?.startDate ?? calendarDate(ctx.clock.now(), ctx.timeZone),
    nameKanji: nameOf(user),
    nameKana: ext?.nameKana,
    employment: ext?.employment ?? 'regular',
    category: ext?.category ?? 'employee',
    organization: ext?.organization,
    unitCode,
    positionCode: ext?.positionCode,
    email: primary(user.emails),
    phone: primary(user.phoneNumbers),
    loginId: user.userName.toLowerCase(),
    note: 'SCIM',
  });
  if (!parsed.success)
    throw asScimError(validationError(issuesFromZod(parsed.error, { prefix: 'personnel' })));
  return parsed.data;
};

const detailsSchema = z.object({
  name_kanji: z.string().trim().min(1).max(100).optional(),
  name_kana: kanaSchema.optional(),
  email: z.email().max(200).nullable().optional(),
  phone: z.string().max(40).nullable().optional(),
  employment: z.enum(employments).optional(),
});

const detailField: Readonly<Record<string, string>> = {
  name_kanji: 'personnel.nameKanji',
  name_kana: 'personnel.nameKana',
  email: 'personnel.email',
  phone: 'personnel.phone',
  employment: 'personnel.employment',
};

/** The person's details an HR system may change (name, kana, contact, employment), checked. */
export const detailsOf = (user: ScimUserInput) => {
  const parsed = detailsSchema.safeParse({
    name_kanji: nameOf(user) ?? undefined,
    name_kana: user[SCIM_MAMORI]?.nameKana,
    email: user.emails === undefined ? undefined : primary(user.emails),
    phone: user.phoneNumbers === undefined ? undefined : primary(user.phoneNumbers),
    employment: user[SCIM_MAMORI]?.employment,
  });
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error).map((i) => ({ ...i, field: detailField[i.field] ?? i.field }));
    throw asScimError(validationError(issues));
  }
  return parsed.data;
};
