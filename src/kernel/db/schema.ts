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
}
