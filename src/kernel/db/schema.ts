/**
 * Table types for Kysely. Portable across SQLite and PostgreSQL: instants are ISO-8601 UTC text, calendar dates
 * are YYYY-MM-DD text, booleans are 0/1 integers, JSON is text. Nothing is deleted: records carry end dates.
 */
export interface UnitTable {
  id: string;
  code: string;
  name_ja: string;
  name_en: string;
  kind: string;
  parent_id: string | null;
  sort_order: number;
  phone: string | null;
  valid_from: string;
  valid_to: string | null;
  created_at: string;
  updated_at: string;
}

export interface PositionTable {
  id: string;
  code: string;
  name_ja: string;
  name_en: string;
  rank: number;
  created_at: string;
}

export interface StaffTable {
  id: string;
  employee_number: string;
  name_kanji: string;
  name_kana: string;
  employment: string;
  category: string;
  organization: string | null;
  unit_id: string;
  position_id: string | null;
  email: string | null;
  phone: string | null;
  start_date: string;
  end_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface RoleAssignmentTable {
  id: string;
  role: string;
  staff_id: string;
  unit_id: string | null;
  start_date: string;
  end_date: string | null;
  note: string | null;
  created_at: string;
}

export interface DelegationTable {
  id: string;
  kind: string;
  role: string;
  unit_id: string | null;
  from_staff_id: string;
  to_staff_id: string;
  start_date: string;
  end_date: string;
  reason: string;
  created_at: string;
}

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

// 008-identity-lifecycle
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

// 009-directory
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

export interface LedgerHeadTable {
  log: string;
  size: number;
}

export interface LedgerEntryTable {
  log: string;
  idx: number;
  entry: Uint8Array;
  leaf_hash: Uint8Array;
  kind: string;
  actor: string;
  subject: string;
  created_at: string;
}

/** An interior hash: level L ≥ 1, index i covers leaves [i·2^L, (i+1)·2^L). */
export interface LedgerNodeTable {
  log: string;
  level: number;
  idx: number;
  hash: Uint8Array;
}

/** The public half of the deployment signing key, registered at first start. */
export interface LedgerKeyTable {
  purpose: string;
  name: string;
  public_key: string;
  created_at: string;
}

export interface LedgerCheckpointTable {
  log: string;
  size: number;
  root: Uint8Array;
  note: string;
  issued_at: string;
}

export interface LedgerCosignatureTable {
  log: string;
  size: number;
  cosigner: string;
  key_id: string;
  verifier_key: string;
  signature: string;
  signed_at: string;
  created_at: string;
}

export interface LedgerVerificationTable {
  id: string;
  log: string;
  actor: string;
  started_at: string;
  finished_at: string;
  size: number;
  checkpoints: number;
  ok: number;
  first_bad_index: number | null;
  reason: string | null;
  result: string;
}

// 004-approvals
export interface ApprovalRequestTable {
  id: string;
  ref_no: string;
  type_id: string;
  mode: string;
  status: string;
  title: string;
  applicant_staff_id: string;
  applicant_name: string;
  applicant_unit_id: string;
  applicant_unit_name_ja: string;
  applicant_unit_name_en: string;
  preparer_staff_id: string | null;
  preparer_name: string | null;
  resource_unit_id: string | null;
  resource_ref: string | null;
  classification: number | null;
  form_json: string;
  current_step: number | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  decided_at: string | null;
  expires_at: string | null;
  carried_out_at: string | null;
  report_due_at: string | null;
  reported_at: string | null;
  closed_reason: string | null;
}

export interface ApprovalStepTable {
  id: string;
  request_id: string;
  idx: number;
  role: string;
  unit_id: string | null;
  unit_name_ja: string | null;
  unit_name_en: string | null;
  status: string;
  skip_reason: string | null;
  activated_at: string | null;
  reminded_at: string | null;
  reminder_count: number;
  escalated_role: string | null;
  escalated_unit_id: string | null;
  escalated_unit_name_ja: string | null;
  escalated_unit_name_en: string | null;
  escalated_at: string | null;
  escalation_reason: string | null;
  decided_at: string | null;
  decision: string | null;
  decided_by_staff_id: string | null;
  decided_by_name: string | null;
  decided_by_position: string | null;
  decided_as_role: string | null;
  decided_via: string | null;
  on_behalf_of_staff_id: string | null;
  on_behalf_of_name: string | null;
  comment: string | null;
  override_reason: string | null;
}

export interface ApprovalCounterTable {
  name: string;
  value: number;
}

export interface NotificationTable {
  id: string;
  recipient_staff_id: string;
  kind: string;
  subject: string;
  title_ja: string;
  title_en: string;
  body_ja: string;
  body_en: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
  email_to: string | null;
  email_status: string;
  email_attempts: number;
  email_sent_at: string | null;
  email_error: string | null;
}

export interface JobLeaseTable {
  name: string;
  holder: string;
  lease_until: string;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_outcome: string | null;
  runs: number;
}

// 005-compliance
export interface ComplianceExclusionTable {
  id: string;
  pack: string;
  clause_id: string;
  unit_id: string | null;
  reason: string;
  recorded_by: string;
  recorded_at: string;
  ended_at: string | null;
  ended_by: string | null;
  end_reason: string | null;
}

export interface ComplianceSnapshotTable {
  id: string;
  pack: string;
  pack_version: string;
  taken_on: string;
  taken_at: string;
  taken_by: string;
  ledger_size: number;
  met: number;
  partly_met: number;
  not_met: number;
  not_yet_evaluable: number;
  not_applicable: number;
  digest: string;
  results: string;
}

export interface ChecklistAnswerTable {
  id: string;
  checklist: string;
  item_id: string;
  answer: string;
  confirmed_on: string;
  target_date: string | null;
  note: string;
  recorded_by: string;
  recorded_at: string;
  superseded_at: string | null;
}

export interface ChecklistMappingTable {
  id: string;
  checklist: string;
  item_id: string;
  clause_ids: string;
  note: string;
  recorded_by: string;
  recorded_at: string;
  superseded_at: string | null;
}

/** A compartment (別領域) inside a section, 第7 1(1)イ. */
export interface CompartmentTable {
  id: string;
  unit_id: string;
  name_ja: string;
  name_en: string;
  purpose: string | null;
  valid_from: string;
  valid_to: string | null;
  close_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface CompartmentMemberTable {
  id: string;
  compartment_id: string;
  staff_id: string;
  start_date: string;
  end_date: string | null;
  note: string | null;
  created_at: string;
}

// 006-assets (第4)
export interface StoragePlaceTable {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  kind: string;
  owning_unit_id: string | null;
  location: string | null;
  fireproof: number;
  heatproof: number;
  waterproof: number;
  humidityproof: number;
  low_disaster_risk: number;
  disaster_risk_basis: string | null;
  assessed_on: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  retired_on: string | null;
}

export interface MediumTable {
  id: string;
  code: string;
  label: string;
  kind: string;
  removable: number;
  owning_unit_id: string;
  storage_place_id: string | null;
  purpose: string;
  usage: string;
  stored_since: string | null;
  write_protected: number;
  write_protected_on: string | null;
  write_protection_method: string | null;
  encrypted: number;
  classification: number | null;
  status: string;
  created_by_staff_id: string | null;
  created_at: string;
  updated_at: string;
  disposed_at: string | null;
}

export interface InformationAssetTable {
  id: string;
  code: string;
  name: string;
  description: string | null;
  form: string;
  owning_unit_id: string;
  compartment_id: string | null;
  classification: number;
  classification_basis: string;
  classified_by_staff_id: string | null;
  classified_at: string;
  origin: string;
  source_asset_id: string | null;
  source_party: string | null;
  received_on: string | null;
  system_name: string | null;
  storage_place_id: string | null;
  medium_id: string | null;
  retain_until: string | null;
  retention_note: string | null;
  status: string;
  ruling_request_id: string | null;
  created_by_staff_id: string | null;
  created_by_name: string | null;
  created_at: string;
  updated_at: string;
  erased_at: string | null;
  erased_by_staff_id: string | null;
  erase_reason: string | null;
  disposed_at: string | null;
}

export interface AssetHandlingTable {
  id: string;
  kind: string;
  status: string;
  asset_id: string | null;
  medium_id: string | null;
  subject_name: string;
  unit_id: string;
  classification: number | null;
  request_id: string | null;
  request_ref_no: string | null;
  applicant_staff_id: string | null;
  performed_by_staff_id: string | null;
  performed_by_name: string | null;
  origin: string | null;
  destination: string | null;
  counterparty: string | null;
  protection: string | null;
  planned_on: string | null;
  performed_at: string | null;
  detail: string | null;
  created_at: string;
  updated_at: string;
}

export interface AssetDisposalTable {
  id: string;
  record_no: string;
  handling_id: string;
  request_id: string;
  asset_id: string | null;
  medium_id: string | null;
  subject_name: string;
  unit_id: string;
  classification: number;
  method: string;
  unrecoverable: number;
  sanitization: string | null;
  performed_at: string;
  performed_by_staff_id: string;
  performed_by_name: string;
  witness_name: string | null;
  contractor: string | null;
  contractor_certificate: string | null;
  note: string | null;
  recorded_by_staff_id: string;
  recorded_at: string;
}

export interface AssetPublicationTable {
  id: string;
  asset_id: string;
  unit_id: string;
  channel: string;
  file_name: string | null;
  byte_size: number;
  sha256: string;
  published_at: string;
  published_by_staff_id: string;
  published_by_name: string;
  status: string;
  last_checked_at: string | null;
  last_check_ok: number | null;
  updated_at: string;
}

export interface AssetCounterTable {
  name: string;
  value: number;
}

/** A version of a policy pack parameter the committee approved (第3 6(2), 第9 3). */
export interface PolicyParameterVersionTable {
  id: string;
  pack_name: string;
  parameter_key: string;
  version: number;
  value_json: string;
  previous_json: string;
  reason: string;
  request_id: string;
  request_ref_no: string;
  requested_by_staff_id: string;
  requested_by_name: string;
  approved_by_staff_id: string | null;
  approved_by_name: string | null;
  applied_at: string;
}

/** A bureau's or division's implementing procedure, recorded with the Security Director's opinion (第3 3(2)). */
export interface UnitProcedureTable {
  id: string;
  unit_id: string;
  title: string;
  version_label: string;
  summary: string;
  effective_on: string;
  request_id: string;
  request_ref_no: string;
  filed_by_staff_id: string;
  filed_by_name: string;
  opinion_by_staff_id: string | null;
  opinion_by_name: string | null;
  opinion: string | null;
  recorded_at: string;
}

export interface Database {
  units: UnitTable;
  positions: PositionTable;
  staff: StaffTable;
  role_assignments: RoleAssignmentTable;
  delegations: DelegationTable;
  accounts: AccountTable;
  sessions: SessionTable;
  ledger_heads: LedgerHeadTable;
  ledger_entries: LedgerEntryTable;
  ledger_nodes: LedgerNodeTable;
  ledger_keys: LedgerKeyTable;
  ledger_checkpoints: LedgerCheckpointTable;
  ledger_cosignatures: LedgerCosignatureTable;
  ledger_verifications: LedgerVerificationTable;
  password_history: PasswordHistoryTable;
  sign_in_attempts: SignInAttemptTable;
  lockouts: LockoutTable;
  mfa_factors: MfaFactorTable;
  recovery_codes: RecoveryCodeTable;
  identity_settings: IdentitySettingTable;
  sign_in_reports: SignInReportTable;
  shared_account_users: SharedAccountUserTable;
  id_sweep_items: IdSweepItemTable;
  directory_groups: DirectoryGroupTable;
  oidc_logins: OidcLoginTable;
  directory_sync_runs: DirectorySyncRunTable;
  personnel_events: PersonnelEventTable;
  scim_tokens: ScimTokenTable;
  id_sweeps: IdSweepTable;
  approval_requests: ApprovalRequestTable;
  approval_steps: ApprovalStepTable;
  approval_counters: ApprovalCounterTable;
  notifications: NotificationTable;
  job_leases: JobLeaseTable;
  compliance_exclusions: ComplianceExclusionTable;
  compliance_snapshots: ComplianceSnapshotTable;
  checklist_answers: ChecklistAnswerTable;
  checklist_mappings: ChecklistMappingTable;
  storage_places: StoragePlaceTable;
  media: MediumTable;
  information_assets: InformationAssetTable;
  asset_handlings: AssetHandlingTable;
  asset_disposals: AssetDisposalTable;
  asset_publications: AssetPublicationTable;
  asset_counters: AssetCounterTable;
  compartments: CompartmentTable;
  compartment_members: CompartmentMemberTable;
  policy_parameter_versions: PolicyParameterVersionTable;
  unit_procedures: UnitProcedureTable;
}
