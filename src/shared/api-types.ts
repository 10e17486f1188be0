/**
 * Shapes the server sends and the web app reads. Both sides import this folder; web never imports server code.
 */
export interface Bilingual {
  ja: string;
  en: string;
}

export interface ApiErrorBody {
  error: {
    code: string;
    message: Bilingual;
    issues: { field: string; row?: number; message: Bilingual }[];
  };
  requestId: string;
}

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
  previousSignIn: { at: string; ip: string | null; userAgent: string | null } | null;
  expiresAt: string;
  /** Why the password must be changed now (null when it need not be). */
  passwordReason: PasswordReason | null;
  accountClass: 'standard' | 'privileged';
  /** The rules a new password must meet (the profile of the account's class). */
  passwordRules: PasswordRulesView;
  /** When the password falls due by age; null when it never does. */
  passwordDueAt: string | null;
}

export type PasswordReason = 'temporary' | 'expired' | 'signInCount' | 'reset';

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

export interface IdentitySettingsView {
  settings: IdentitySettingsBody;
  presets: Record<string, PasswordProfileView>;
  departures: { standard: DepartureView[]; privileged: DepartureView[] };
  blocklistSize: number;
}

export interface UnitSummary {
  id: string;
  code: string;
  nameJa: string;
  nameEn: string;
  kind: 'bureau' | 'division' | 'centre' | 'clinic' | 'section';
  parentId: string | null;
  sortOrder: number;
  phone: string | null;
  staffCount: number;
}

export interface StaffView {
  id: string;
  employeeNumber: string;
  nameKanji: string;
  nameKana: string;
  employment: 'regular' | 'partTime' | 'temporary';
  category: 'employee' | 'contractor';
  organization: string | null;
  unitId: string;
  positionId: string | null;
  positionJa: string | null;
  positionEn: string | null;
  email: string | null;
  phone: string | null;
  startDate: string;
  endDate: string | null;
}

export interface AssignmentView {
  id: string;
  role: string;
  staffId: string;
  staffName: string;
  unitId: string | null;
  unitNameJa: string | null;
  unitNameEn: string | null;
  startDate: string;
  endDate: string | null;
  note: string | null;
}

export interface DelegationView {
  id: string;
  kind: 'delegation' | 'acting';
  role: string;
  unitId: string | null;
  fromStaffId: string;
  fromName: string;
  toStaffId: string;
  toName: string;
  startDate: string;
  endDate: string;
  reason: string;
}

export interface UnitDetail {
  unit: UnitSummary;
  path: UnitSummary[];
  children: UnitSummary[];
  staff: StaffView[];
  assignments: AssignmentView[];
  delegations: DelegationView[];
}

export interface GapReport {
  asOf: string;
  missingOfficer: UnitSummary[];
  missingManager: UnitSummary[];
  conflicts: { staffId: string; staffName: string; roles: string[]; reason: Bilingual }[];
}

export interface HistoryEntry {
  index: number;
  time: string;
  kind: string;
  actor: string;
  actorName: string | null;
  payload: unknown;
}
