import { bi, type Bilingual } from '../../kernel/index.js';
import type {
  ClauseFinding,
  ComplianceStatus,
  EvaluatedStatus,
  EvidenceItem,
  UnitFinding,
} from './compliance.model.js';

/** Helpers evaluators share: a clause's status from its units' statuses, and reasons that count them. */

/**
 * The status of a clause judged unit by unit: met when every unit is met, not met when every unit is not met,
 * not yet evaluable when none could be judged, otherwise partly met (or not met when nothing is met at all).
 * Units recorded as not applicable do not count; when every unit is, so is the clause.
 */
export const aggregateStatus = (statuses: readonly ComplianceStatus[]): ComplianceStatus => {
  const counted = statuses.filter((s) => s !== 'notApplicable');
  if (counted.length === 0) return statuses.length === 0 ? 'notYetEvaluable' : 'notApplicable';
  const every = (s: ComplianceStatus): boolean => counted.every((c) => c === s);
  if (every('met')) return 'met';
  if (every('notMet')) return 'notMet';
  if (every('notYetEvaluable')) return 'notYetEvaluable';
  return counted.some((c) => c === 'met' || c === 'partlyMet') ? 'partlyMet' : 'notMet';
};

export const countOf = (statuses: readonly ComplianceStatus[], status: ComplianceStatus): number =>
  statuses.filter((s) => s === status).length;

/** 「対象 12 部署のうち 10 部署で適合、2 部署で不適合」 */
export const unitsReason = (statuses: readonly ComplianceStatus[], what: Bilingual): Bilingual => {
  const n = (s: ComplianceStatus): number => countOf(statuses, s);
  const counted = statuses.length - n('notApplicable');
  const parts: Bilingual[] = [];
  if (n('met') > 0) parts.push(bi(`${String(n('met'))}部署で適合`, `met in ${String(n('met'))}`));
  if (n('partlyMet') > 0)
    parts.push(bi(`${String(n('partlyMet'))}部署で一部適合`, `partly met in ${String(n('partlyMet'))}`));
  if (n('notMet') > 0) parts.push(bi(`${String(n('notMet'))}部署で不適合`, `not met in ${String(n('notMet'))}`));
  if (n('notYetEvaluable') > 0)
    parts.push(
      bi(`${String(n('notYetEvaluable'))}部署で評価不能`, `not yet evaluable in ${String(n('notYetEvaluable'))}`),
    );
  if (n('notApplicable') > 0)
    parts.push(bi(`${String(n('notApplicable'))}部署は適用除外`, `not applicable in ${String(n('notApplicable'))}`));
  return bi(
    `${what.ja}: 対象${String(counted)}部署のうち${parts.map((p) => p.ja).join('、')}。`,
    `${what.en}: of ${String(counted)} units, ${parts.map((p) => p.en).join(', ')}.`,
  );
};

/** A clause finding built from unit findings, with the reason counting them. */
export const unitsFinding = (clauseId: string, what: Bilingual, units: readonly UnitFinding[]): ClauseFinding => {
  const statuses = units.map((u) => u.status);
  const status = aggregateStatus(statuses);
  return {
    clauseId,
    status: status === 'notApplicable' ? 'notYetEvaluable' : status,
    reason: units.length === 0 ? bi(`${what.ja}: 対象の部署がありません。`, `${what.en}: no units to judge.`) : unitsReason(statuses, what),
    evidence: units.flatMap((u) => u.evidence),
    units,
  };
};

/** The same finding for several clauses that rest on the same evidence. */
export const sameFinding = (clauseIds: readonly string[], finding: Omit<ClauseFinding, 'clauseId'>): ClauseFinding[] =>
  clauseIds.map((clauseId) => ({ ...finding, clauseId }));

export const evidence = (
  item: Omit<EvidenceItem, 'ok'> & { readonly ok?: boolean },
): EvidenceItem => ({ ok: true, ...item });

export const isEvaluatedStatus = (s: ComplianceStatus): s is EvaluatedStatus => s !== 'notApplicable';
