import { z } from 'zod';
import { calendarDateSchema, kanaSchema, optionalDate, optionalText, text } from '../../../kernel/index.js';
import { employments, staffCategories, staffRowSchema } from '../../org/index.js';
import { loginIdSchema } from '../identity.schema.js';

/**
 * Personnel events (第7 2(1)イ(ア)): what the personnel office reports, each with the first day it applies.
 * A retirement's effective date is the day after the last working day; a leave's, the first day away.
 */
export const personnelEventKinds = ['hire', 'transfer', 'leave', 'return', 'retirement'] as const;
export type PersonnelEventKind = (typeof personnelEventKinds)[number];

/** Words personnel offices write for each kind (a file may use them instead of the codes). */
const kindWords: Readonly<Record<PersonnelEventKind, readonly string[]>> = {
  hire: ['採用', '新規採用', '入職', '着任'],
  transfer: ['異動', '転任', '配置換', '配置換え', '所属変更'],
  leave: ['休職', '休業', '育児休業', '介護休業', '出向'],
  return: ['復職', '復帰', '職務復帰'],
  retirement: ['退職', '離職', '任期満了', '定年退職'],
};

/** The kind a cell means: the code (any case) or one of the Japanese words. */
export const personnelKindOf = (value: string): PersonnelEventKind | undefined => {
  const v = value.normalize('NFKC').trim();
  return personnelEventKinds.find((k) => k.toLowerCase() === v.toLowerCase() || kindWords[k].includes(v));
};

const kindSchema = z.preprocess(
  (v) => (typeof v === 'string' ? (personnelKindOf(v) ?? v) : v),
  z.enum(personnelEventKinds),
);

const required = { ja: '必須項目です。', en: 'This field is required.' };

/** One row of the personnel file (or of an API body): the fields a kind needs are checked per kind. */
export const personnelRowSchema = z
  .object({
    kind: kindSchema,
    employeeNumber: staffRowSchema.shape.employeeNumber,
    effectiveDate: calendarDateSchema,
    nameKanji: optionalText(100),
    nameKana: kanaSchema.nullish().transform((v) => v ?? null),
    employment: z
      .enum(employments)
      .nullish()
      .transform((v) => v ?? null),
    category: z
      .enum(staffCategories)
      .nullish()
      .transform((v) => v ?? 'employee'),
    organization: optionalText(200),
    unitCode: optionalText(40),
    positionCode: optionalText(40),
    email: staffRowSchema.shape.email,
    phone: optionalText(40),
    /** For a hire: the login ID (the employee number in lower case when left blank). */
    loginId: loginIdSchema.nullish().transform((v) => v ?? null),
    /** For a leave: the expected first day back, which schedules the return. */
    returnDate: optionalDate,
    note: optionalText(500),
  })
  .strict()
  .superRefine((r, ctx) => {
    const need = (field: keyof typeof r) => {
      if (r[field] === null) ctx.addIssue({ code: 'custom', path: [field], params: required });
    };
    if (r.kind === 'hire') {
      need('nameKanji');
      need('nameKana');
      need('employment');
      need('unitCode');
      if (r.category === 'contractor' && r.organization === null)
        ctx.addIssue({
          code: 'custom',
          path: ['organization'],
          params: {
            ja: '委託事業者の所属会社を入力してください。',
            en: "A contractor's company is required.",
          },
        });
    }
    if (r.kind === 'transfer') need('unitCode');
    if (r.kind === 'leave' && r.returnDate !== null && r.returnDate <= r.effectiveDate)
      ctx.addIssue({
        code: 'custom',
        path: ['returnDate'],
        params: {
          ja: '復職予定日は休職の発効日より後にしてください。',
          en: 'The return date must be after the first day of leave.',
        },
      });
  });
export type PersonnelRow = z.output<typeof personnelRowSchema>;

export const importPersonnelInput = z
  .object({
    rows: z.array(personnelRowSchema).min(1).max(10_000),
    /** The file row of each entry of `rows` (issues name it); rows count from 2 when absent. */
    rowNumbers: z.array(z.number().int().min(1)).optional(),
    dryRun: z.boolean().default(false),
    source: z.string().max(200).default('api'),
  })
  .strict();

/** Why an account is disabled; `notStarted` accounts are pending until their holder's first day. */
export const disabledReasons = [
  'notStarted',
  'leave',
  'retired',
  'developmentEnded',
  'sweep',
  'manual',
  'hrSystem',
  'hrDeleted',
  /** 7-2(1)イ(イ): reported no longer needed, the Security Manager approved. */
  'deregistered',
] as const;
export type DisabledReason = (typeof disabledReasons)[number];

/** Account kinds (6-4(1), 7-3(2)イ): personal IDs, shared IDs with named users, development IDs with an end. */
export const accountKinds = ['personal', 'shared', 'development'] as const;
export type AccountKind = (typeof accountKinds)[number];

export const reasonText = text(500);
