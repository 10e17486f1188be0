import { z } from 'zod';

export const signInInput = z
  .object({
    loginId: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
    ip: z.string().max(64).nullable().default(null),
    userAgent: z.string().max(512).nullable().default(null),
  })
  .strict();

/** Length and content are the profile's rules (password-rules.ts); here only that something was sent. */
export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(1024),
    newPassword: z.string().min(1).max(1024),
  })
  .strict();

export const loginIdSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .refine((v) => /^[a-z0-9][a-z0-9._-]*$/.test(v), {
    params: {
      ja: 'ログインIDは英小文字・数字と . _ - で入力してください。',
      en: 'Login IDs use lower-case letters, digits and . _ - only.',
    },
  });

export const createAccountInput = z
  .object({
    loginId: loginIdSchema,
    employeeNumber: z.string().trim().min(1).max(20),
  })
  .strict();
