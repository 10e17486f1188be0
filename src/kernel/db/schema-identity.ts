// Table types of identity: accounts, sessions, sign-in, MFA, lifecycle, directory and single sign-on (see schema.ts for the conventions).
export interface AccountTable {
  id: string;
  login_id: string;
  staff_id: string | null;
  system_role: string | null;
  password_hash: string;
  must_change_password: number;
  password_changed_at: string;
  disabled_at: string | null;
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
  // 003-identity
  kind: string;
  privileged: number;
  source: string;
  external_id: string | null;
  display_name: string | null;
  end_date: string | null;
  purpose: string | null;
  owner_staff_id: string | null;
  sign_ins_since_change: number;
  failed_attempts: number;
  password_reason: string | null;
  disabled_reason: string | null;
  scoped_unit_id: string | null;
  // 008-identity-lifecycle
  system_name: string | null;
  privileged_granted_by: string | null;
  privileged_granted_at: string | null;
  // 011-parameters-procedures
  privileged_until: string | null;
  privileged_request_id: string | null;
}

export interface SessionTable {
  id: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  idle_expires_at: string;
  absolute_expires_at: string;
  revoked_at: string | null;
  ip: string | null;
  user_agent: string | null;
  // 003-identity
  stage: string;
  idle_minutes: number | null;
  elevated_until: string | null;
  methods: string | null;
  challenge: string | null;
  attempt_id: string | null;
  end_reason: string | null;
}

export interface PasswordHistoryTable {
  id: string;
  account_id: string;
  password_hash: string;
  created_at: string;
}

export interface SignInAttemptTable {
  id: string;
  at: string;
  login_id: string;
  account_id: string | null;
  ip: string | null;
  user_agent: string | null;
  outcome: string;
  method: string;
}

export interface LockoutTable {
  id: string;
  scope: string;
  subject: string;
  started_at: string;
  until: string | null;
  failures: number;
  released_at: string | null;
  released_by: string | null;
  release_reason: string | null;
}

export interface MfaFactorTable {
  id: string;
  account_id: string;
  kind: string;
  label: string;
  secret: string | null;
  credential_id: string | null;
  public_key: string | null;
  counter: number;
  transports: string | null;
  last_step: number | null;
  created_at: string;
  confirmed_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface RecoveryCodeTable {
  id: string;
  account_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

export interface IdentitySettingTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface SignInReportTable {
  id: string;
  account_id: string;
  attempt_id: string | null;
  attempt_at: string | null;
  ip: string | null;
  user_agent: string | null;
  note: string | null;
  status: string;
  created_at: string;
}

export interface SharedAccountUserTable {
  id: string;
  account_id: string;
  staff_id: string;
  added_at: string;
  removed_at: string | null;
}

export interface IdSweepItemTable {
  id: string;
  sweep_id: string;
  account_id: string;
  unit_id: string | null;
  reason: string;
  last_sign_in_at: string | null;
  found_at: string;
  decision: string | null;
  decided_at: string | null;
  decided_by: string | null;
  note: string | null;
}

export interface PersonnelEventTable {
  id: string;
  kind: string;
  employee_number: string;
  staff_id: string | null;
  effective_date: string;
  unit_id: string | null;
  position_id: string | null;
  note: string | null;
  source: string;
  batch_id: string | null;
  row: number | null;
  status: string;
  recorded_at: string;
  recorded_by: string;
  applied_at: string | null;
  outcome: string | null;
}

export interface ScimTokenTable {
  id: string;
  name: string;
  token_hash: string;
  created_at: string;
  created_by: string;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface IdSweepTable {
  id: string;
  started_at: string;
  started_by: string;
  trigger: string;
  unused_days: number;
  cutoff: string;
  as_of: string;
  candidates: number;
}

export interface DirectoryGroupTable {
  id: string;
  source: string;
  external_id: string;
  name: string;
  members: string;
  synced_at: string;
  removed_at: string | null;
}

export interface OidcLoginTable {
  id: string;
  code_verifier: string;
  nonce: string;
  created_at: string;
  used_at: string | null;
  // 009-directory
  return_to: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface DirectorySyncRunTable {
  id: string;
  source: string;
  trigger: string;
  actor: string;
  started_at: string;
  finished_at: string;
  outcome: string;
  error: string | null;
  summary: string;
  changes: string;
  truncated: number;
}
