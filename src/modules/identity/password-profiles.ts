import { z } from 'zod';

/**
 * Password policy profiles as typed data (第6 4(2), 第7 2(1)ウ(エ), 第7 2(4)). A hospital picks one preset per
 * account class; the Kawaguchi presets are the defaults, and their numbers are the policy pack's parameters in force
 * (kawaguchi-profiles.ts: changed through the committee, 第9 3). The other presets' numbers may be adjusted.
 */
export const presetIds = [
  'kawaguchiStandard',
  'kawaguchiPrivileged',
  'mhlwLong',
  'mhlwPeriodic',
  'mhlwTwoFactor',
  'nist80063b4',
] as const;
export type PresetId = (typeof presetIds)[number];

/** Account classes a profile is chosen for: staff IDs, and privileged IDs (特権ID). */
export const accountClasses = ['standard', 'privileged'] as const;
export type AccountClass = (typeof accountClasses)[number];

/** The longest password accepted: NIST asks for at least 64. */
export const MAX_PASSWORD_LENGTH = 256;

const count = (min: number, max: number) => z.number().int().min(min).max(max);

export const passwordProfileSchema = z
  .object({
    preset: z.enum(presetIds),
    /** Characters (code points after NFKC), not bytes. */
    minLength: count(8, 64),
    /** Letters, digits and symbols mixed (the MHLW guideline's wording). */
    requireMixed: z.boolean(),
    /** Refuse common and breached passwords and Japanese patterns (6-4(2)(ウ)). */
    blocklist: z.boolean(),
    /** Refuse the login ID, the person's name or employee number inside the password (6-4(2)(ウ)). */
    rejectPersonalInfo: z.boolean(),
    /** How many earlier passwords may not be used again (6-4(2)(オ)); 0 for none. */
    historyCount: count(0, 24),
    /** Periodic change (6-4(2)(オ)); null for none. */
    maxAgeDays: count(1, 3650).nullable(),
    /** Change after this many sign-ins (6-4(2)(オ) アクセス回数); null for none. */
    maxSignIns: count(1, 100_000).nullable(),
    /** A second factor at every sign-in. */
    mfaRequired: z.boolean(),
    /** Failed attempts before the account locks (7-2(1)ウ(エ) 入力回数制限). */
    lockoutThreshold: count(1, 100),
    /** How long a lock lasts; null until an administrator unlocks. */
    lockoutMinutes: count(1, 10_080).nullable(),
    /** A session ends after this much inactivity. */
    idleMinutes: count(1, 1440),
    /** …and after this long in any case (7-2(4) for privileged IDs). */
    absoluteMinutes: count(5, 4320),
    /** How long a re-authentication for privileged actions lasts. */
    elevationMinutes: count(1, 120),
  })
  .strict();
export type PasswordProfile = z.output<typeof passwordProfileSchema>;

export const presets: Readonly<Record<PresetId, PasswordProfile>> = {
  // 第6 4(2): long enough, hard to guess, changed periodically, no reuse. The numbers are the pack's parameters
  // (kawaguchi-profiles.ts reads the ones in force); these are its shipped values, for screens and tests.
  kawaguchiStandard: {
    preset: 'kawaguchiStandard',
    minLength: 13,
    requireMixed: true,
    blocklist: true,
    rejectPersonalInfo: true,
    historyCount: 10,
    maxAgeDays: 180,
    maxSignIns: null,
    mfaRequired: false,
    lockoutThreshold: 5,
    lockoutMinutes: 30,
    idleMinutes: 30,
    absoluteMinutes: 720,
    elevationMinutes: 15,
  },
  // 第7 2(1)ウ(エ): shorter change period, fewer attempts; 7-2(4): limited connection time; MFA required.
  kawaguchiPrivileged: {
    preset: 'kawaguchiPrivileged',
    minLength: 16,
    requireMixed: true,
    blocklist: true,
    rejectPersonalInfo: true,
    historyCount: 10,
    maxAgeDays: 90,
    maxSignIns: null,
    mfaRequired: true,
    lockoutThreshold: 3,
    lockoutMinutes: 60,
    idleMinutes: 15,
    absoluteMinutes: 60,
    elevationMinutes: 15,
  },
  // MHLW guideline option 1: 13+ characters, letters, digits and symbols mixed, no forced change.
  mhlwLong: {
    preset: 'mhlwLong',
    minLength: 13,
    requireMixed: true,
    blocklist: true,
    rejectPersonalInfo: true,
    historyCount: 5,
    maxAgeDays: null,
    maxSignIns: null,
    mfaRequired: false,
    lockoutThreshold: 5,
    lockoutMinutes: 15,
    idleMinutes: 30,
    absoluteMinutes: 720,
    elevationMinutes: 15,
  },
  // MHLW option 2: 8+ mixed, changed at least every two months.
  mhlwPeriodic: {
    preset: 'mhlwPeriodic',
    minLength: 8,
    requireMixed: true,
    blocklist: true,
    rejectPersonalInfo: true,
    historyCount: 5,
    maxAgeDays: 60,
    maxSignIns: null,
    mfaRequired: false,
    lockoutThreshold: 5,
    lockoutMinutes: 15,
    idleMinutes: 30,
    absoluteMinutes: 720,
    elevationMinutes: 15,
  },
  // MHLW option 3: two factors, with an 8+ mixed password.
  mhlwTwoFactor: {
    preset: 'mhlwTwoFactor',
    minLength: 8,
    requireMixed: true,
    blocklist: true,
    rejectPersonalInfo: true,
    historyCount: 5,
    maxAgeDays: null,
    maxSignIns: null,
    mfaRequired: true,
    lockoutThreshold: 5,
    lockoutMinutes: 15,
    idleMinutes: 30,
    absoluteMinutes: 720,
    elevationMinutes: 15,
  },
  // NIST SP 800-63B-4 §3.1.1.2: 15+ for single-factor passwords, no composition rules, no periodic change,
  // a blocklist, at most 100 consecutive failures; AAL2 reauthentication within 24 h, 1 h inactivity.
  nist80063b4: {
    preset: 'nist80063b4',
    minLength: 15,
    requireMixed: false,
    blocklist: true,
    rejectPersonalInfo: true,
    historyCount: 0,
    maxAgeDays: null,
    maxSignIns: null,
    mfaRequired: false,
    lockoutThreshold: 100,
    lockoutMinutes: 15,
    idleMinutes: 60,
    absoluteMinutes: 1440,
    elevationMinutes: 15,
  },
};

/** Per-address limits: failures from one address across all IDs (password spraying). */
export const addressLimitSchema = z
  .object({
    threshold: count(1, 10_000),
    windowMinutes: count(1, 1440),
    lockMinutes: count(1, 1440),
  })
  .strict();
export type AddressLimit = z.output<typeof addressLimitSchema>;

export const identitySettingsSchema = z
  .object({
    profiles: z.object({ standard: passwordProfileSchema, privileged: passwordProfileSchema }).strict(),
    address: addressLimitSchema,
    /** An ID with no sign-in for this many days is a sweep candidate (7-2(1)イ(ウ)). */
    unusedDays: count(7, 3650),
  })
  .strict();
export type IdentitySettings = z.output<typeof identitySettingsSchema>;

export const defaultIdentitySettings: IdentitySettings = {
  profiles: { standard: presets.kawaguchiStandard, privileged: presets.kawaguchiPrivileged },
  address: { threshold: 20, windowMinutes: 15, lockMinutes: 15 },
  unusedDays: 90,
};

/** The class of an account: privileged IDs (and the administrator) get the privileged profile. */
export const classOf = (account: { privileged: number; system_role: string | null }): AccountClass =>
  account.privileged === 1 || account.system_role === 'administrator' ? 'privileged' : 'standard';
