import { z } from 'zod';
import { calendarDateSchema, optionalText, text } from '../../../kernel/index.js';
import { staffRowSchema } from '../../org/index.js';
import { loginIdSchema } from '../identity.schema.js';
import { accountKinds, disabledReasons } from '../lifecycle/lifecycle.schema.js';

const id = z.string().min(1).max(64);
const employeeNumber = staffRowSchema.shape.employeeNumber;

export const accountStatuses = ['active', 'pending', 'locked', 'disabled', 'expired'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

export const listAccountsInput = z
  .object({
    q: optionalText(100),
    kind: z.enum(accountKinds).optional(),
    status: z.enum(accountStatuses).optional(),
    unitId: id.optional(),
    privileged: z.boolean().optional(),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

/** 6-4(1): a shared ID exists only with a purpose, a unit and named permitted users. */
export const createSharedAccountInput = z
  .object({
    loginId: loginIdSchema,
    displayName: text(100),
    purpose: text(500),
    unitCode: text(40),
    users: z.array(employeeNumber).min(1).max(200),
    systemName: optionalText(100),
  })
  .strict();

export const changeSharedUsersInput = z
  .object({
    accountId: id,
    add: z.array(employeeNumber).max(200).default([]),
    remove: z.array(employeeNumber).max(200).default([]),
    reason: text(500),
  })
  .strict()
  .refine((v) => v.add.length + v.remove.length > 0, {
    path: ['add'],
    params: { ja: '追加または削除する利用者を指定してください。', en: 'Name users to add or remove.' },
  });

/** 7-3(2)イ(ア): a development ID names its holder, its system and purpose, and ends on a date. */
export const createDevelopmentAccountInput = z
  .object({
    loginId: loginIdSchema,
    ownerEmployeeNumber: employeeNumber,
    systemName: text(100),
    purpose: text(500),
    endDate: calendarDateSchema,
    privileged: z.boolean().default(false),
  })
  .strict();

export const setAccountPrivilegeInput = z
  .object({
    accountId: id,
    privileged: z.boolean(),
    systemName: optionalText(100),
    reason: text(500),
  })
  .strict();

export const accountReasonInput = z.object({ accountId: id, reason: text(500) }).strict();
export const accountIdInput = z.object({ accountId: id }).strict();

export { disabledReasons };
