// Shapes of the JSON the API sends about compliance and the MHLW checklist (re-exported by api-types.ts).
import type { Bilingual } from './api-types-base.js';

// ── Compliance (policy module): the standard with a status beside each clause ──

export type ComplianceStatusCode = 'met' | 'partlyMet' | 'notMet' | 'notYetEvaluable' | 'notApplicable';

export interface ComplianceEvidenceView {
  kind: 'record' | 'approval' | 'ledgerEntry' | 'check';
  type: string;
  /** The record's ledger subject: GET /api/records/{ref}/history shows its entries. */
  ref: string;
  label: Bilingual;
  unitId: string | null;
  at: string | null;
  ok: boolean;
}

export interface ComplianceExclusionView {
  id: string;
  unitId: string | null;
  reason: string;
  recordedBy: string;
  recordedAt: string;
}

export interface ComplianceUnitView {
  unitId: string;
  status: ComplianceStatusCode;
  reason: Bilingual;
  evidenceCount: number;
}

export interface ComplianceClauseView {
  id: string;
  status: ComplianceStatusCode;
  reason: Bilingual;
  evidenceCount: number;
  module: string | null;
  evaluator: string | null;
  exclusion: ComplianceExclusionView | null;
  units: ComplianceUnitView[];
}

export interface ComplianceUnitRef {
  id: string;
  code: string;
  nameJa: string;
  nameEn: string;
  kind: string;
  parentId: string | null;
}

export interface ComplianceOverview {
  pack: { name: string; version: string; title: string };
  asOf: string;
  evaluatedAt: string;
  ledgerSize: number;
  elapsedMs: number;
  counts: Record<ComplianceStatusCode, number>;
  units: ComplianceUnitRef[];
  clauses: ComplianceClauseView[];
}

export interface ComplianceClauseDetail extends ComplianceClauseView {
  asOf: string;
  evidence: ComplianceEvidenceView[];
  unitDetails: (ComplianceUnitView & {
    evidence: ComplianceEvidenceView[];
    exclusion: ComplianceExclusionView | null;
  })[];
}

/** A clause of the standard as printed, for the document view. */
export interface PolicyClauseView {
  id: string;
  displayId: string;
  label: string;
  kind: string;
  depth: number;
  title: string | null;
  titleEn: string | null;
  text: string | null;
  summaryEn: string | null;
  table: { columns: string[]; rows: string[][] } | null;
  obligation: string;
  module: string | null;
  actors: string[];
  notes: { topic: string; ja: string; en: string }[];
}

export interface PolicyDocumentView {
  name: string;
  version: string;
  title: string;
  titleEn: string;
  clauses: PolicyClauseView[];
}

export interface ComplianceSnapshotView {
  id: string;
  takenOn: string;
  takenAt: string;
  ledgerSize: number;
  counts: Record<ComplianceStatusCode, number>;
  digest: string;
}

export interface ComplianceChangeView {
  clauseId: string;
  from: ComplianceStatusCode | null;
  to: ComplianceStatusCode;
  direction: 'improved' | 'worsened' | 'changed';
}

export interface ComplianceTrendView {
  snapshots: ComplianceSnapshotView[];
  /** The latest snapshot compared with the last one on or before `since`. */
  comparison: {
    from: ComplianceSnapshotView;
    to: ComplianceSnapshotView;
    changes: ComplianceChangeView[];
  } | null;
}

export type ChecklistAnswerCode = 'yes' | 'no' | 'unknown';

export interface ChecklistItemView {
  id: string;
  section: string;
  number: string;
  text: Bilingual;
  scope: string[];
  wording: 'confirmed' | 'reconstructed';
  note: Bilingual;
  clauses: { id: string; displayId: string; status: ComplianceStatusCode }[];
  mappingSource: 'pack' | 'corrected';
  answer: ChecklistAnswerCode;
  answerSource: 'computed' | 'recorded' | 'none';
  /** 確認日: the evaluation date for a computed answer, the recorded date otherwise. */
  confirmedOn: string | null;
  targetDate: string | null;
  reason: Bilingual;
  recordedNote: string | null;
}

export interface ChecklistView {
  name: string;
  title: string;
  titleEn: string;
  form: string;
  edition: {
    fiscalYear: number;
    eraJa: string;
    published: string;
    publisher: string;
    established: Bilingual;
  };
  asOf: string;
  sections: { id: string; title: Bilingual }[];
  items: ChecklistItemView[];
  counts: Record<ChecklistAnswerCode, number>;
}
