import type { Bilingual, Db, Dialect, ModuleName, PolicyPack } from '../../kernel/index.js';

/**
 * Compliance evaluation: for each provision of the standard a status, the reason in words and the evidence behind
 * it, per unit where the clause is per unit. Evaluators are data objects contributed by modules (each exports
 * `evaluators` from its index, or the policy module carries them in `evaluators/`); the composition root hands
 * them to `createComplianceSetup`, so the policy module imports no other module and there are no cycles.
 */

/** What a clause's evidence shows. `notApplicable` is recorded by a person with a reason, never computed. */
export const complianceStatuses = ['met', 'partlyMet', 'notMet', 'notYetEvaluable', 'notApplicable'] as const;
export type ComplianceStatus = (typeof complianceStatuses)[number];
/** What an evaluator may conclude. */
export type EvaluatedStatus = Exclude<ComplianceStatus, 'notApplicable'>;

export const statusNames: Readonly<Record<ComplianceStatus, Bilingual>> = {
  met: { ja: '適合', en: 'Met' },
  partlyMet: { ja: '一部適合', en: 'Partly met' },
  notMet: { ja: '不適合', en: 'Not met' },
  notYetEvaluable: { ja: '評価不能', en: 'Not yet evaluable' },
  notApplicable: { ja: '適用除外', en: 'Not applicable' },
};

/** One piece of evidence: a record, an approval, a ledger entry or a check Mamori ran. */
export interface EvidenceItem {
  readonly kind: 'record' | 'approval' | 'ledgerEntry' | 'check';
  /** The record type (glossary names): RoleAssignment, Delegation, Account, ApprovalRequest, Checkpoint… */
  readonly type: string;
  /** The ledger subject of the record (`roleAssignment:<id>`): its history is the record's ledger entries. */
  readonly ref: string;
  readonly label: Bilingual;
  readonly unitId?: string | null;
  /** A calendar date or an instant the item is about (term start, decision, verification). */
  readonly at?: string | null;
  /** false when the item counts against the clause (a vacancy, an account left active, a self-approval). */
  readonly ok: boolean;
}

export interface UnitFinding {
  readonly unitId: string;
  readonly status: EvaluatedStatus;
  readonly reason: Bilingual;
  readonly evidence: readonly EvidenceItem[];
}

/** What an evaluator concludes about one clause. */
export interface ClauseFinding {
  readonly clauseId: string;
  readonly status: EvaluatedStatus;
  readonly reason: Bilingual;
  readonly evidence: readonly EvidenceItem[];
  /** The full number of items when `evidence` was shortened by the evaluator. */
  readonly evidenceCount?: number;
  /** Present when the clause is judged unit by unit. */
  readonly units?: readonly UnitFinding[];
}

/** A unit in force on the evaluation date. */
export interface UnitRef {
  readonly id: string;
  readonly code: string;
  readonly nameJa: string;
  readonly nameEn: string;
  readonly kind: string;
  readonly parentId: string | null;
}

/** What an evaluator reads with: one read transaction, the date judged on, the pack and its parameters. */
export interface EvaluationContext {
  readonly db: Db;
  readonly dialect: Dialect;
  /** The hospital's calendar date (YYYY-MM-DD) terms are judged on. */
  readonly asOf: string;
  readonly now: Date;
  readonly pack: PolicyPack;
  /** Active units, in display order. */
  readonly units: readonly UnitRef[];
  readonly unitById: ReadonlyMap<string, UnitRef>;
  /** The value of a pack parameter (number, boolean, string or list), or undefined. */
  parameter(key: string): unknown;
}

/**
 * A contributed evaluator. It names the clauses it judges and returns one finding for each, in one pass over the
 * data (set-based SQL, never a query per clause or per unit: the whole hospital is judged in well under a second).
 */
export interface ClauseEvaluator {
  readonly id: string;
  readonly module: ModuleName;
  readonly clauseIds: readonly string[];
  evaluate(ctx: EvaluationContext): Promise<readonly ClauseFinding[]>;
}
