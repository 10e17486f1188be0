/**
 * What the identity administration screens receive (accounts, the personnel import, the unused-ID sweep, the
 * privileged and shared ID reports, SCIM tokens). Shared by the server and the web app; imports nothing.
 */

export type AccountKindCode = 'personal' | 'shared' | 'development';
export type AccountStatusCode = 'active' | 'pending' | 'locked' | 'disabled' | 'expired';
export type PersonnelKindCode = 'hire' | 'transfer' | 'leave' | 'return' | 'retirement';

export interface UnitRef {
  id: string;
  code: string;
  nameJa: string;
  nameEn: string;
}

export interface AccountListItem {
  id: string;
  loginId: string;
  /** The holder's name (or a shared ID's display name). */
  name: string | null;
  employeeNumber: string | null;
  unit: UnitRef | null;
  kind: AccountKindCode;
  privileged: boolean;
  systemRole: string | null;
  /** The password profile class that applies: privileged IDs are held to more (7-2(1)ウ(エ)). */
  profileClass: 'standard' | 'privileged';
  status: AccountStatusCode;
  disabledReason: string | null;
  lastSignInAt: string | null;
  endDate: string | null;
  systemName: string | null;
  source: string;
  category: 'employee' | 'contractor' | null;
}

export interface AccountPage {
  items: AccountListItem[];
  total: number;
}

export interface AccountDetail extends AccountListItem {
  createdAt: string;
  displayName: string | null;
  purpose: string | null;
  owner: { employeeNumber: string; name: string } | null;
  mustChangePassword: boolean;
  passwordReason: string | null;
  passwordChangedAt: string;
  profilePreset: string;
  lockoutThreshold: number;
  mfaRequired: boolean;
  failedAttempts: number;
  lockout: { startedAt: string; until: string | null; failures: number } | null;
  mfaFactors: number;
  openSessions: number;
  privilegedGrantedBy: string | null;
  privilegedGrantedAt: string | null;
  sharedUsers: {
    employeeNumber: string;
    name: string;
    unitNameJa: string;
    unitNameEn: string;
    addedAt: string;
  }[];
  personnelEvents: {
    id: string;
    kind: PersonnelKindCode;
    effectiveDate: string;
    status: string;
    source: string;
    recordedAt: string;
  }[];
}

export interface PrivilegedHolderView {
  accountId: string;
  loginId: string;
  name: string | null;
  unit: UnitRef | null;
  kind: AccountKindCode;
  systemRole: string | null;
  grantedBy: string | null;
  grantedAt: string | null;
  lastSignInAt: string | null;
  endDate: string | null;
  category: 'employee' | 'contractor' | null;
}

/** 7-2(1)ウ(ア): privileged ID holders per system against the hospital's limit. */
export interface PrivilegedSystemView {
  /** null: Mamori itself. */
  systemName: string | null;
  limit: number;
  over: boolean;
  holders: PrivilegedHolderView[];
}

export interface SharedAccountView {
  id: string;
  loginId: string;
  displayName: string | null;
  purpose: string | null;
  unit: UnitRef | null;
  status: AccountStatusCode;
  privileged: boolean;
  lastSignInAt: string | null;
  users: { employeeNumber: string; name: string; onRoster: boolean; addedAt: string }[];
  /** What a reviewer should look at: nobody named, or someone named who has left. */
  problems: ('noUsers' | 'userLeft')[];
}

export interface SweepItemView {
  id: string;
  sweepId: string;
  accountId: string;
  loginId: string;
  name: string | null;
  kind: AccountKindCode;
  privileged: boolean;
  unit: UnitRef | null;
  reason: 'unused' | 'notOnRoster' | 'ended';
  lastSignInAt: string | null;
  foundAt: string;
  decision: 'disable' | 'keep' | null;
  decidedAt: string | null;
  decidedBy: string | null;
  note: string | null;
}

export interface SweepView {
  lastSweep: { id: string; startedAt: string; unusedDays: number; cutoff: string; candidates: number } | null;
  unusedDays: number;
  items: SweepItemView[];
}

export interface PersonnelImportView {
  dryRun: boolean;
  counts: Record<PersonnelKindCode, { applied: number; scheduled: number; unchanged: number }>;
  events: {
    id: string | null;
    row: number;
    kind: PersonnelKindCode;
    employeeNumber: string;
    effectiveDate: string;
    status: 'applied' | 'scheduled' | 'unchanged';
  }[];
  accounts: {
    accountId: string;
    loginId: string;
    employeeNumber: string;
    name: string;
    temporaryPassword: string | null;
    usableFrom: string;
  }[];
}

export interface PersonnelEventView {
  id: string;
  kind: PersonnelKindCode;
  employeeNumber: string;
  name: string | null;
  effectiveDate: string;
  status: string;
  source: string;
  recordedAt: string;
  appliedAt: string | null;
}

export interface ScimTokenView {
  id: string;
  name: string;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
