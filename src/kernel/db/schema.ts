/**
 * Table types for Kysely. Portable across SQLite and PostgreSQL: instants are ISO-8601 UTC text, calendar dates
 * are YYYY-MM-DD text, booleans are 0/1 integers, JSON is text. Nothing is deleted: records carry end dates.
 */
import type {
  CompartmentMemberTable,
  CompartmentTable,
  DelegationTable,
  PositionTable,
  RoleAssignmentTable,
  StaffTable,
  UnitTable,
} from './schema-org.js';
import type {
  AccountTable,
  DirectoryGroupTable,
  DirectorySyncRunTable,
  IdSweepItemTable,
  IdSweepTable,
  IdentitySettingTable,
  LockoutTable,
  MfaFactorTable,
  OidcLoginTable,
  PasswordHistoryTable,
  PersonnelEventTable,
  RecoveryCodeTable,
  ScimTokenTable,
  SessionTable,
  SharedAccountUserTable,
  SignInAttemptTable,
  SignInReportTable,
} from './schema-identity.js';
import type {
  LedgerCheckpointTable,
  LedgerCosignatureTable,
  LedgerEntryTable,
  LedgerHeadTable,
  LedgerKeyTable,
  LedgerNodeTable,
  LedgerVerificationTable,
} from './schema-ledger.js';
import type {
  ApprovalCounterTable,
  ApprovalRequestTable,
  ApprovalStepTable,
  JobLeaseTable,
  NotificationTable,
} from './schema-approvals.js';
import type {
  ChecklistAnswerTable,
  ChecklistMappingTable,
  ComplianceExclusionTable,
  ComplianceSnapshotTable,
  PolicyParameterVersionTable,
  UnitProcedureTable,
} from './schema-policy.js';
import type {
  AssetCounterTable,
  AssetDisposalTable,
  AssetHandlingTable,
  AssetPublicationTable,
  InformationAssetTable,
  MediumTable,
  StoragePlaceTable,
} from './schema-assets.js';
import type { DeviceDisposalTable, DeviceServiceTable, DeviceTable } from './schema-facilities.js';

export type * from './schema-org.js';
export type * from './schema-identity.js';
export type * from './schema-ledger.js';
export type * from './schema-approvals.js';
export type * from './schema-policy.js';
export type * from './schema-assets.js';
export type * from './schema-facilities.js';

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
  devices: DeviceTable;
  device_services: DeviceServiceTable;
  device_disposals: DeviceDisposalTable;
}
