import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Each setting: its environment variable, its key in the optional JSON config file, and what is allowed. */
export const configSchema = z
  .object({
    port: z.coerce.number().int().min(1).max(65535).default(8080),
    host: z.string().min(1).default('127.0.0.1'),
    dataDir: z.string().min(1).default('./data'),
    databaseUrl: z
      .string()
      .refine((v) => /^postgres(ql)?:\/\//.test(v), {
        params: { ja: 'postgres:// で始まるURLを指定してください。', en: 'Must be a postgres:// URL.' },
      })
      .optional(),
    logLevel: z.enum(logLevels).default('info'),
    secureCookies: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    timeZone: z
      .string()
      .default('Asia/Tokyo')
      .refine(
        (tz) => {
          try {
            new Intl.DateTimeFormat('en', { timeZone: tz });
            return true;
          } catch {
            return false;
          }
        },
        {
          params: {
            ja: 'IANAのタイムゾーン名を指定してください（例: Asia/Tokyo）。',
            en: 'Must be an IANA time zone such as Asia/Tokyo.',
          },
        },
      ),
    hospitalNameJa: z.string().min(1).max(100).default('（病院名未設定）'),
    hospitalNameEn: z.string().min(1).max(200).default('(hospital name not set)'),
    sessionIdleMinutes: z.coerce.number().int().min(1).max(1440).default(30),
    sessionAbsoluteHours: z.coerce.number().int().min(1).max(72).default(12),
    /** The ledger's Ed25519 signing key (mode 0600); default <dataDir>/ledger-ed25519.key, made at first start. */
    ledgerKeyFile: z.string().min(1).optional(),
    /** The AES-256 key that seals stored secrets (directory bind password, OIDC client secret); mode 0600, made at first use. */
    secretsKeyFile: z.string().min(1).optional(),
    // Approvals: e-mail over the hospital's SMTP relay (none: in-app notifications only), reminders, escalation.
    smtpHost: z.string().min(1).max(255).optional(),
    smtpPort: z.coerce.number().int().min(1).max(65535).default(25),
    smtpSecure: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    smtpUser: z.string().min(1).max(255).optional(),
    smtpPassword: z.string().min(1).max(255).optional(),
    mailFrom: z.email().default('mamori@localhost.localdomain'),
    /** The address staff open Mamori at, for links in e-mails (e.g. https://mamori.hospital.local). */
    publicUrl: z.url({ protocol: /^https?$/ }).optional(),
    approvalReminderHours: z.coerce.number().int().min(1).max(720).default(24),
    approvalEscalationHours: z.coerce.number().int().min(1).max(2160).default(72),
    approvalExpiryDays: z.coerce.number().int().min(1).max(365).default(30),
    /** How often the scheduler looks for work (reminders, expiry, e-mail); 0 turns it off. */
    schedulerIntervalSeconds: z.coerce.number().int().min(0).max(86_400).default(60),
  })
  .strict();

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

/** Environment variable for each setting, shown in error messages so the operator knows what to fix. */
export const envNames: Record<keyof Config, string> = {
  port: 'MAMORI_PORT',
  host: 'MAMORI_HOST',
  dataDir: 'MAMORI_DATA_DIR',
  databaseUrl: 'MAMORI_DATABASE_URL',
  logLevel: 'MAMORI_LOG_LEVEL',
  secureCookies: 'MAMORI_SECURE_COOKIES',
  timeZone: 'MAMORI_TIMEZONE',
  hospitalNameJa: 'MAMORI_HOSPITAL_NAME_JA',
  hospitalNameEn: 'MAMORI_HOSPITAL_NAME_EN',
  sessionIdleMinutes: 'MAMORI_SESSION_IDLE_MINUTES',
  sessionAbsoluteHours: 'MAMORI_SESSION_ABSOLUTE_HOURS',
  ledgerKeyFile: 'MAMORI_LEDGER_KEY_FILE',
  secretsKeyFile: 'MAMORI_SECRETS_KEY_FILE',
  smtpHost: 'MAMORI_SMTP_HOST',
  smtpPort: 'MAMORI_SMTP_PORT',
  smtpSecure: 'MAMORI_SMTP_SECURE',
  smtpUser: 'MAMORI_SMTP_USER',
  smtpPassword: 'MAMORI_SMTP_PASSWORD',
  mailFrom: 'MAMORI_MAIL_FROM',
  publicUrl: 'MAMORI_PUBLIC_URL',
  approvalReminderHours: 'MAMORI_APPROVAL_REMINDER_HOURS',
  approvalEscalationHours: 'MAMORI_APPROVAL_ESCALATION_HOURS',
  approvalExpiryDays: 'MAMORI_APPROVAL_EXPIRY_DAYS',
  schedulerIntervalSeconds: 'MAMORI_SCHEDULER_INTERVAL_SECONDS',
};
