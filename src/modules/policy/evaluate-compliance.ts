import {
  bi,
  calendarDate,
  effectiveParameters,
  ledgerSize,
  type AppContext,
  type Bilingual,
  type Clause,
  type ComplianceExclusionTable,
  type Db,
  type ModuleName,
} from '../../kernel/index.js';
import { isEvaluable, moduleNames, type ComplianceSetup } from './compliance-setup.js';
import type {
  ClauseFinding,
  ComplianceStatus,
  EvaluationContext,
  EvidenceItem,
  UnitRef,
} from './compliance.model.js';
import { listActiveUnitRefs, listOpenExclusions } from './compliance.repository.js';
import { aggregateStatus, unitsReason } from './findings.js';

/** At most this many evidence items are kept per clause and per unit; the count is always exact. */
export const MAX_EVIDENCE = 200;

export interface ExclusionView {
  readonly id: string;
  readonly unitId: string | null;
  readonly reason: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export interface UnitResult {
  readonly unitId: string;
  readonly status: ComplianceStatus;
  readonly reason: Bilingual;
  readonly evidenceCount: number;
  readonly evidence: readonly EvidenceItem[];
  readonly exclusion: ExclusionView | null;
}

export interface ClauseResult {
  readonly clauseId: string;
  readonly status: ComplianceStatus;
  readonly reason: Bilingual;
  readonly evidenceCount: number;
  readonly evidence: readonly EvidenceItem[];
  readonly units: readonly UnitResult[];
  readonly module: ModuleName | null;
  /** The evaluator that judged the clause, or null (not yet evaluable, or recorded as not applicable). */
  readonly evaluator: string | null;
  readonly exclusion: ExclusionView | null;
}

export interface Evaluation {
  readonly pack: { readonly name: string; readonly version: string; readonly title: string };
  readonly asOf: string;
  readonly evaluatedAt: string;
  /** The audit log's size inside the read transaction: the ledger state the evaluation saw. */
  readonly ledgerSize: number;
  readonly elapsedMs: number;
  readonly units: readonly UnitRef[];
  readonly clauses: readonly ClauseResult[];
  readonly counts: Readonly<Record<ComplianceStatus, number>>;
}

const exclusionView = (row: ComplianceExclusionTable): ExclusionView => ({
  id: row.id,
  unitId: row.unit_id,
  reason: row.reason,
  recordedBy: row.recorded_by,
  recordedAt: row.recorded_at,
});

/** Items that count against the clause first, then the rest, cut to MAX_EVIDENCE. */
const keep = (items: readonly EvidenceItem[]): EvidenceItem[] =>
  [...items.filter((e) => !e.ok), ...items.filter((e) => e.ok)].slice(0, MAX_EVIDENCE);

const notYetEvaluable = (clause: Clause, setup: ComplianceSetup): ClauseFinding => {
  const module = clause.module;
  if (module === undefined)
    return {
      clauseId: clause.id,
      status: 'notYetEvaluable',
      reason: bi('この条項を担うモジュールが定められていません。', 'No module is named for this clause.'),
      evidence: [],
    };
  const name = moduleNames[module];
  return {
    clauseId: clause.id,
    status: 'notYetEvaluable',
    reason: setup.modules.has(module)
      ? bi(
          `${name.ja}（${module}）モジュールはありますが、この条項の自動評価はまだ実装されていません。`,
          `The ${name.en} module (${module}) exists, but no check of this clause is implemented yet.`,
        )
      : bi(
          `この条項の根拠を記録する${name.ja}（${module}）モジュールがまだありません。`,
          `The ${name.en} module (${module}), which records this clause's evidence, does not exist yet.`,
        ),
    evidence: [],
  };
};

const excludedReason = (row: ExclusionView): Bilingual =>
  bi(`適用除外として記録（理由: ${row.reason}）`, `Recorded as not applicable (reason: ${row.reason})`);

/** Applies recorded exclusions to an evaluator's finding: the clause as a whole, or some of its units. */
const resolve = (
  clause: Clause,
  finding: ClauseFinding,
  evaluator: string | null,
  exclusions: readonly ComplianceExclusionTable[],
): ClauseResult => {
  const whole = exclusions.find((e) => e.unit_id === null);
  const byUnit = new Map(exclusions.filter((e) => e.unit_id !== null).map((e) => [e.unit_id ?? '', e]));
  const units: UnitResult[] = (finding.units ?? []).map((u) => {
    const ex = byUnit.get(u.unitId);
    return {
      unitId: u.unitId,
      status: ex ? 'notApplicable' : u.status,
      reason: ex ? excludedReason(exclusionView(ex)) : u.reason,
      evidenceCount: u.evidence.length,
      evidence: keep(u.evidence),
      exclusion: ex ? exclusionView(ex) : null,
    };
  });
  const evidenceCount = finding.evidenceCount ?? finding.evidence.length;
  const base = {
    clauseId: clause.id,
    evidenceCount,
    evidence: keep(finding.evidence),
    units,
    module: clause.module ?? null,
  };
  if (whole)
    return {
      ...base,
      status: 'notApplicable',
      reason: excludedReason(exclusionView(whole)),
      evaluator: null,
      exclusion: exclusionView(whole),
    };
  const unitExcluded = units.some((u) => u.exclusion !== null);
  if (!unitExcluded) return { ...base, status: finding.status, reason: finding.reason, evaluator, exclusion: null };
  const statuses = units.map((u) => u.status);
  return {
    ...base,
    status: aggregateStatus(statuses),
    reason: unitsReason(statuses, bi('部署ごとの評価', 'Judged unit by unit')),
    evaluator,
    exclusion: null,
  };
};

const emptyCounts = (): Record<ComplianceStatus, number> => ({
  met: 0,
  partlyMet: 0,
  notMet: 0,
  notYetEvaluable: 0,
  notApplicable: 0,
});

/** Runs every evaluator inside one read transaction and joins their findings with the recorded exclusions. */
const evaluateIn = async (
  db: Db,
  setup: ComplianceSetup,
  context: Pick<AppContext, 'database' | 'timeZone'>,
  now: Date,
  only: ReadonlySet<string> | null,
): Promise<Omit<Evaluation, 'elapsedMs'>> => {
  const { pack } = setup;
  const asOf = calendarDate(now, context.timeZone);
  const units = await listActiveUnitRefs(db, asOf);
  // The values in force: the pack's, overlaid by the changes the committee approved (第3 6(2)).
  const values = await effectiveParameters(db, pack);
  const ctx: EvaluationContext = {
    db,
    dialect: context.database.dialect,
    asOf,
    now,
    pack,
    units,
    unitById: new Map(units.map((u) => [u.id, u])),
    parameter: (key) => values.get(key)?.value,
  };
  const findings = new Map<string, { finding: ClauseFinding; evaluator: string }>();
  // One evaluator after another: a transaction is one connection, and each evaluator is a few set-based queries.
  for (const evaluator of setup.evaluators) {
    if (only !== null && !evaluator.clauseIds.some((id) => only.has(id))) continue;
    for (const finding of await evaluator.evaluate(ctx)) {
      if (evaluator.clauseIds.includes(finding.clauseId))
        findings.set(finding.clauseId, { finding, evaluator: evaluator.id });
    }
  }
  const exclusions = await listOpenExclusions(db, pack.manifest.name);
  const size = await ledgerSize(db);
  const clauses: ClauseResult[] = [];
  const counts = emptyCounts();
  for (const clause of pack.clauses) {
    if (!isEvaluable(clause.kind) || (only !== null && !only.has(clause.id))) continue;
    const found = findings.get(clause.id);
    const result = resolve(
      clause,
      found?.finding ?? notYetEvaluable(clause, setup),
      found?.evaluator ?? null,
      exclusions.filter((e) => e.clause_id === clause.id),
    );
    counts[result.status] += 1;
    clauses.push(result);
  }
  return {
    pack: { name: pack.manifest.name, version: pack.manifest.version, title: pack.manifest.title },
    asOf,
    evaluatedAt: now.toISOString(),
    ledgerSize: size,
    units,
    clauses,
    counts,
  };
};

/** Evaluates inside a transaction the caller holds (a use case that stores the result). */
export const evaluateComplianceIn = async (
  db: Db,
  setup: ComplianceSetup,
  context: Pick<AppContext, 'database' | 'timeZone' | 'clock'>,
  options: { only?: readonly string[] } = {},
): Promise<Evaluation> => {
  const started = performance.now();
  const only = options.only === undefined ? null : new Set(options.only);
  const result = await evaluateIn(db, setup, context, context.clock.now(), only);
  return { ...result, elapsedMs: Math.round((performance.now() - started) * 10) / 10 };
};

/**
 * Evaluates every provision of the standard now (or only some, running only the evaluators that judge them).
 * Reads in one transaction (repeatable read on PostgreSQL; SQLite's WAL gives the same snapshot), so the statuses
 * and the ledger size belong to one moment.
 */
export const evaluateCompliance = async (
  setup: ComplianceSetup,
  context: Pick<AppContext, 'database' | 'timeZone' | 'clock'>,
  options: { only?: readonly string[] } = {},
): Promise<Evaluation> => {
  const builder = context.database.db.transaction();
  const tx = context.database.dialect === 'postgres' ? builder.setIsolationLevel('repeatable read') : builder;
  return tx.execute((t) => evaluateComplianceIn(t, setup, context, options));
};
