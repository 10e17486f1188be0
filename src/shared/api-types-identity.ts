// Shapes of the JSON the API sends about identity: the session, sign-in, MFA, password profiles and lockouts (re-exported by api-types.ts).
import type { Bilingual } from './api-types-base.js';

export interface SessionView {
  account: {
    id: string;
    loginId: string;
    displayName: string;
    mustChangePassword: boolean;
    systemRole: 'administrator' | null;
    category: 'employee' | 'contractor' | null;
    unit: { id: string; nameJa: string; nameEn: string } | null;
    roles: {
      role: string;
      unitId: string | null;
      unitNameJa: string | null;
      unitNameEn: string | null;
      via: string;
    }[];
  };
  csrfToken: string;
  previousSignIn: { at: string; ip: string | null; userAgent: string | null; attemptId?: string } | null;
  expiresAt: string;
  /** Why the password must be changed now (null when it need not be). */
  passwordReason: PasswordReason | null;
  accountClass: 'standard' | 'privileged';
  /** The rules a new password must meet (the profile of the account's class). */
  passwordRules: PasswordRulesView;
  /** When the password falls due by age; null when it never does. */
  passwordDueAt: string | null;
  /** The failed attempts on this ID since the previous successful sign-in (第7 2(2)). */
  failedSincePrevious: SignInEventView[];
  /** full, or a second factor still to give (mfa) or to enrol (enrol). */
  stage: 'full' | 'mfa' | 'enrol';
  /** A privileged ID: its privileges apply only while elevated (第7 2(4)). */
  privileged: boolean;
  elevatedUntil: string | null;
  /** How long an elevation lasts for this account's profile. */
  elevationMinutes: number;
}

export interface MfaFactorView {
  id: string;
  kind: 'totp' | 'webauthn';
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface SignInEventView {
  /** The attempt, for "this was not me". */
  attemptId: string;
  at: string;
  ip: string | null;
  userAgent: string | null;
  outcome: string;
}

export interface MySessionView {
  ref: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  stage: 'full' | 'mfa' | 'enrol';
  elevatedUntil: string | null;
  expiresAt: string;
  absoluteExpiresAt: string;
}

export interface SignInReportView {
  id: string;
  loginId: string;
  name: string | null;
  attemptAt: string | null;
  ip: string | null;
  userAgent: string | null;
  note: string | null;
  status: string;
  createdAt: string;
}

export type PasswordReason = 'temporary' | 'expired' | 'signInCount' | 'reset' | 'compromised';

export interface PasswordRulesView {
  preset: string;
  minLength: number;
  maxLength: number;
  requireMixed: boolean;
  blocklist: boolean;
  rejectPersonalInfo: boolean;
  historyCount: number;
  maxAgeDays: number | null;
  maxSignIns: number | null;
  mfaRequired: boolean;
}

/** A password policy profile (identity settings). */
export interface PasswordProfileView {
  preset: string;
  minLength: number;
  requireMixed: boolean;
  blocklist: boolean;
  rejectPersonalInfo: boolean;
  historyCount: number;
  maxAgeDays: number | null;
  maxSignIns: number | null;
  mfaRequired: boolean;
  lockoutThreshold: number;
  lockoutMinutes: number | null;
  idleMinutes: number;
  absoluteMinutes: number;
  elevationMinutes: number;
}

export interface IdentitySettingsBody {
  profiles: { standard: PasswordProfileView; privileged: PasswordProfileView };
  address: { threshold: number; windowMinutes: number; lockMinutes: number };
  unusedDays: number;
}

export interface DepartureView {
  guide: 'nist' | 'mhlw' | 'standard';
  field: string;
  what: Bilingual;
  why: Bilingual;
}

export interface LockoutView {
  id: string;
  scope: 'account' | 'address';
  /** Account id or IP address. */
  subject: string;
  loginId: string | null;
  name: string | null;
  privileged: boolean;
  startedAt: string;
  until: string | null;
  failures: number;
  active: boolean;
  releasedAt: string | null;
  releaseReason: string | null;
}

/** A field of a Kawaguchi profile set by a parameter of the policy pack in force (changed by a request, 第9 3). */
export interface PackSetFieldView {
  field: Exclude<keyof PasswordProfileView, 'preset'>;
  parameterKey: string;
  /** The clause the parameter belongs to, as printed (e.g. 第6 4(2)(ウ)). */
  clause: string;
  labelJa: string;
  labelEn: string;
}

export interface IdentitySettingsView {
  settings: IdentitySettingsBody;
  presets: Record<string, PasswordProfileView>;
  departures: { standard: DepartureView[]; privileged: DepartureView[] };
  blocklistSize: number;
  /** Per class: while its profile is this preset, these fields are the pack's (read-only on the screen). */
  packSet: Record<'standard' | 'privileged', { preset: string; fields: PackSetFieldView[] }>;
}
