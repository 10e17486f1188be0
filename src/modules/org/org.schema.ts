import { z } from 'zod';
import {
  calendarDateSchema,
  kanaSchema,
  optionalDate,
  optionalText,
  roleCodes,
  text,
} from '../../kernel/index.js';

export const unitKinds = ['bureau', 'division', 'centre', 'clinic', 'section'] as const;
export type UnitKind = (typeof unitKinds)[number];
export const employments = ['regular', 'partTime', 'temporary'] as const;
export type Employment = (typeof employments)[number];
export const staffCategories = ['employee', 'contractor'] as const;
export type StaffCategory = (typeof staffCategories)[number];
export const delegationKinds = ['delegation', 'acting'] as const;
export type DelegationKind = (typeof delegationKinds)[number];

const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((v) => /^[A-Za-z0-9_.-]+$/.test(v), {
    params: {
      ja: 'コードは英数字と - _ . のみ使えます。',
      en: 'Codes may use letters, digits, - _ and . only.',
    },
  });

const employeeNumber = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .refine((v) => /^[A-Za-z0-9-]+$/.test(v), {
    params: {
      ja: '職員番号は英数字とハイフンのみ使えます。',
      en: 'Employee numbers may use letters, digits and hyphens only.',
    },
  });

const email = z
  .string()
  .trim()
  .max(200)
  .nullish()
  .transform((v) => (v === undefined || v === null || v === '' ? null : v))
  .refine((v) => v === null || /^[^@\s]+@[^@\s]+$/.test(v), {
    params: { ja: 'メールアドレスの形式が正しくありません。', en: 'Not a valid e-mail address.' },
  });

/** Rows as they appear in an import file or an API body: records refer to each other by code and number. */
export const unitRowSchema = z
  .object({
    code,
    nameJa: text(100),
    nameEn: text(200),
    kind: z.enum(unitKinds),
    parentCode: optionalText(40),
    sortOrder: z.coerce.number().int().min(0).max(100000).default(0),
    phone: optionalText(40),
    validFrom: calendarDateSchema,
    validTo: optionalDate,
  })
  .strict();
export type UnitRow = z.output<typeof unitRowSchema>;

export const positionRowSchema = z
  .object({ code, nameJa: text(100), nameEn: text(200), rank: z.coerce.number().int().min(0).max(1000) })
  .strict();
export type PositionRow = z.output<typeof positionRowSchema>;

export const staffRowSchema = z
  .object({
    employeeNumber,
    nameKanji: text(100),
    nameKana: kanaSchema,
    employment: z.enum(employments),
    category: z.enum(staffCategories).default('employee'),
    organization: optionalText(200),
    unitCode: code,
    positionCode: optionalText(40),
    email,
    phone: optionalText(40),
    startDate: calendarDateSchema,
    endDate: optionalDate,
  })
  .strict()
  .refine((r) => r.endDate === null || r.endDate >= r.startDate, {
    path: ['endDate'],
    params: {
      ja: '終了日は開始日以降にしてください。',
      en: 'The end date must not be before the start date.',
    },
  })
  .refine((r) => r.category !== 'contractor' || r.organization !== null, {
    path: ['organization'],
    params: { ja: '委託事業者の所属会社を入力してください。', en: "A contractor's company is required." },
  });
export type StaffRow = z.output<typeof staffRowSchema>;

export const assignmentRowSchema = z
  .object({
    role: z.enum(roleCodes),
    employeeNumber,
    unitCode: optionalText(40),
    startDate: calendarDateSchema,
    endDate: optionalDate,
    note: optionalText(500),
  })
  .strict()
  .refine((r) => r.endDate === null || r.endDate >= r.startDate, {
    path: ['endDate'],
    params: {
      ja: '終了日は開始日以降にしてください。',
      en: 'The end date must not be before the start date.',
    },
  });
export type AssignmentRow = z.output<typeof assignmentRowSchema>;

export const delegationRowSchema = z
  .object({
    kind: z.enum(delegationKinds),
    role: z.enum(roleCodes),
    unitCode: optionalText(40),
    fromEmployeeNumber: employeeNumber,
    toEmployeeNumber: employeeNumber,
    startDate: calendarDateSchema,
    endDate: calendarDateSchema,
    reason: text(500),
  })
  .strict()
  .refine((r) => r.endDate >= r.startDate, {
    path: ['endDate'],
    params: {
      ja: '終了日は開始日以降にしてください。',
      en: 'The end date must not be before the start date.',
    },
  })
  .refine((r) => r.fromEmployeeNumber !== r.toEmployeeNumber, {
    path: ['toEmployeeNumber'],
    params: { ja: '本人に委任・代理させることはできません。', en: 'A person cannot delegate to themselves.' },
  });
export type DelegationRow = z.output<typeof delegationRowSchema>;

/** The whole organisation as a set of tables: the import and export format. */
export const orgSheets = ['units', 'positions', 'staff', 'assignments', 'delegations'] as const;
export type OrgSheet = (typeof orgSheets)[number];

export interface OrgData {
  units: UnitRow[];
  positions: PositionRow[];
  staff: StaffRow[];
  assignments: AssignmentRow[];
  delegations: DelegationRow[];
}

export const orgRowSchemas = {
  units: unitRowSchema,
  positions: positionRowSchema,
  staff: staffRowSchema,
  assignments: assignmentRowSchema,
  delegations: delegationRowSchema,
} as const;
