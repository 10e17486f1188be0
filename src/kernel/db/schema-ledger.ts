// Table types of the tamper-evident ledger (see schema.ts for the conventions).
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
