/**
 * The ledger page's shapes (第7 1(4)イ, 1(6), 第9 1(6)): what the server sends and the web app reads.
 */
import type { Bilingual } from './api-types.js';

export type LedgerLogName = 'audit' | 'vault';

export interface LedgerSignatureView {
  /** The key name on the signature line, e.g. `mamori.host/audit`. */
  name: string;
  /** The key ID, 8 hex digits. */
  keyId: string;
  /** The verifier key (`name+keyid+base64`), when Mamori knows it. */
  verifierKey: string | null;
  /** The signature checks against that key over the checkpoint's text. */
  valid: boolean;
  /** A cosignature's own timestamp (c2sp.org/tlog-cosignature); null for the log's signature. */
  signedAt: string | null;
}

export interface LedgerCheckpointView {
  origin: string;
  size: number;
  /** base64 root hash. */
  rootHash: string;
  issuedAt: string;
  /** The C2SP signed note, cosignatures included, verbatim. */
  note: string;
  signer: LedgerSignatureView | null;
  cosignatures: LedgerSignatureView[];
}

export interface LedgerVerificationView {
  id: string;
  actor: string;
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  size: number;
  verified: number;
  checkpoints: number;
  cosignatures: number;
  firstBadIndex: number | null;
  reason: string | null;
  checkpointSize: number | null;
  message: Bilingual | null;
  keySource: string;
}

export interface LedgerLogStatusView {
  log: LedgerLogName;
  size: number;
  /** The log's verifier key (`<name>/<log>+keyid+base64`), null before the key is made. */
  verifierKey: string | null;
  checkpoint: LedgerCheckpointView | null;
  lastVerification: LedgerVerificationView | null;
}

export interface LedgerStatusView {
  logs: LedgerLogStatusView[];
}

export interface LedgerEntryItem {
  index: number;
  time: string;
  kind: string;
  actor: string;
  /** The person behind an `account:` actor, when known. */
  actorName: string | null;
  subject: string;
  /** The exact bytes of the entry (RFC 8785 canonical JSON) as UTF-8 text. */
  canonical: string;
  /** base64 RFC 9162 leaf hash as stored. */
  leafHash: string;
  /** false when the index columns disagree with the entry's bytes (changed outside the ledger). */
  columnsMatch: boolean;
}

export interface LedgerSearchResult {
  log: LedgerLogName;
  entries: LedgerEntryItem[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: string | null;
  /** The actor the filter was resolved to (a login ID becomes `account:<id>`). */
  actor: string | null;
}

/**
 * An entry's inclusion proof with the signed checkpoint it proves against, as a file: the fields of RFC 9162
 * §4.12 InclusionProofDataV2 (tree_size, leaf_index, inclusion_path in §2.1.3.1 order), the leaf hash of
 * §2.1.1, the entry's exact bytes, and the C2SP checkpoint whose root the path reaches.
 */
export interface LedgerInclusionProofFile {
  format: 'mamori-inclusion-proof/1';
  log: LedgerLogName;
  origin: string;
  leaf_index: number;
  tree_size: number;
  /** base64 hashes, from the leaf's sibling up to the root's child. */
  inclusion_path: string[];
  /** base64 SHA-256(0x00 ‖ entry). */
  leaf_hash: string;
  /** base64 root hash of the tree of tree_size entries, as in the checkpoint. */
  root_hash: string;
  /** base64 of the entry's exact bytes. */
  entry: string;
  /** The C2SP tlog-checkpoint in signed-note form (cosignatures included). */
  checkpoint: string;
  /** The log's verifier key as Mamori knows it; an auditor checks with the key they hold. */
  verifier_key: string | null;
}
