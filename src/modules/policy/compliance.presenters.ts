import type { PolicyPack } from '../../kernel/index.js';
import type {
  ComplianceClauseDetail,
  ComplianceClauseView,
  ComplianceEvidenceView,
  ComplianceOverview,
  PolicyDocumentView,
} from '../../shared/api-types.js';
import type { EvidenceItem } from './compliance.model.js';
import type { ClauseResult, Evaluation } from './evaluate-compliance.js';

/** From evaluation results to what the API sends (src/shared/api-types.ts). */

export const presentEvidence = (e: EvidenceItem): ComplianceEvidenceView => ({
  kind: e.kind,
  type: e.type,
  ref: e.ref,
  label: { ja: e.label.ja, en: e.label.en },
  unitId: e.unitId ?? null,
  at: e.at ?? null,
  ok: e.ok,
});

export const presentClause = (c: ClauseResult): ComplianceClauseView => ({
  id: c.clauseId,
  status: c.status,
  reason: { ...c.reason },
  evidenceCount: c.evidenceCount,
  module: c.module,
  evaluator: c.evaluator,
  exclusion: c.exclusion === null ? null : { ...c.exclusion },
  units: c.units.map((u) => ({
    unitId: u.unitId,
    status: u.status,
    reason: { ...u.reason },
    evidenceCount: u.evidenceCount,
  })),
});

export const presentOverview = (e: Evaluation): ComplianceOverview => ({
  pack: { ...e.pack },
  asOf: e.asOf,
  evaluatedAt: e.evaluatedAt,
  ledgerSize: e.ledgerSize,
  elapsedMs: e.elapsedMs,
  counts: { ...e.counts },
  units: e.units.map((u) => ({ ...u })),
  clauses: e.clauses.map(presentClause),
});

export const presentClauseDetail = (c: ClauseResult, asOf: string): ComplianceClauseDetail => ({
  ...presentClause(c),
  asOf,
  evidence: c.evidence.map(presentEvidence),
  unitDetails: c.units.map((u) => ({
    unitId: u.unitId,
    status: u.status,
    reason: { ...u.reason },
    evidenceCount: u.evidenceCount,
    evidence: u.evidence.map(presentEvidence),
    exclusion: u.exclusion === null ? null : { ...u.exclusion },
  })),
});

/** The depth of a clause in the document: 第4 is 0, 第4 2 is 1, 第4 2(6)ア is 3; the 附則 is 0. */
export const clauseDepth = (id: string): number => (id === 'suppl' ? 0 : id.split('.').length - 1);

export const presentDocument = (pack: PolicyPack): PolicyDocumentView => ({
  name: pack.manifest.name,
  version: pack.manifest.version,
  title: pack.manifest.title,
  titleEn: pack.manifest.titleEn,
  clauses: pack.clauses.map((c) => ({
    id: c.id,
    displayId: c.displayId,
    label: c.label,
    kind: c.kind,
    depth: clauseDepth(c.id),
    title: c.title ?? null,
    titleEn: c.titleEn ?? null,
    text: c.text ?? null,
    summaryEn: c.summaryEn ?? null,
    table: c.table ? { columns: [...c.table.columns], rows: c.table.rows.map((r) => [...r]) } : null,
    obligation: c.obligation,
    module: c.module ?? null,
    actors: [...c.actors],
    notes: c.notes.map((n) => ({ topic: n.topic, ja: n.ja, en: n.en })),
  })),
});
