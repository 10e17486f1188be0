import { AppError, bi, type Bilingual, type ModuleName, type PolicyPack } from '../../kernel/index.js';
import type { ChecklistPack } from './checklist/checklist.model.js';
import type { ClauseEvaluator } from './compliance.model.js';

/** The modules of the brief by name in both languages, for reasons such as "the assets module does not exist yet". */
export const moduleNames: Readonly<Record<ModuleName, Bilingual>> = {
  org: bi('組織', 'organisation'),
  identity: bi('ID・認証', 'identity'),
  access: bi('アクセス制御', 'access control'),
  ledger: bi('監査ログ（台帳）', 'ledger'),
  approvals: bi('申請・承認', 'approvals'),
  policy: bi('ポリシー', 'policy'),
  assets: bi('情報資産', 'assets'),
  facilities: bi('施設・機器', 'facilities'),
  people: bi('人的対策', 'people'),
  incidents: bi('事故・障害', 'incidents'),
  changes: bi('変更管理', 'changes'),
  threats: bi('脅威対策', 'threats'),
  monitoring: bi('監視', 'monitoring'),
  vendors: bi('委託', 'vendors'),
  exceptions: bi('例外措置・違反', 'exceptions'),
  evaluation: bi('監査・自己点検', 'evaluation'),
  reports: bi('帳票', 'reports'),
};

/** What compliance evaluation runs with: the standard, the evaluators, the modules that exist, the MHLW checklist. */
export interface ComplianceSetup {
  readonly pack: PolicyPack;
  readonly evaluators: readonly ClauseEvaluator[];
  /** The evaluator judging each clause. */
  readonly evaluatorOf: ReadonlyMap<string, ClauseEvaluator>;
  /** Modules present in this build (kernel parts included); a clause of any other is "not yet evaluable". */
  readonly modules: ReadonlySet<ModuleName>;
  readonly checklist: ChecklistPack | null;
}

/** Clauses that carry an obligation and so a status: provisions. Headings, definitions and lead-ins do not. */
export const isEvaluable = (kind: string): boolean => kind === 'provision';

/**
 * Checks and indexes what the composition root collected: every evaluator names provisions of the pack, and no
 * clause is judged by two evaluators. A mistake stops start-up, like a broken pack.
 */
export const createComplianceSetup = (options: {
  pack: PolicyPack;
  evaluators: readonly ClauseEvaluator[];
  modules: readonly ModuleName[];
  checklist?: ChecklistPack | null;
}): ComplianceSetup => {
  const evaluatorOf = new Map<string, ClauseEvaluator>();
  const problems: string[] = [];
  for (const evaluator of options.evaluators) {
    for (const clauseId of evaluator.clauseIds) {
      const clause = options.pack.byId.get(clauseId);
      if (clause === undefined) problems.push(`${evaluator.id}: no clause ${clauseId} in the pack`);
      else if (!isEvaluable(clause.kind)) problems.push(`${evaluator.id}: ${clauseId} is a ${clause.kind}`);
      const other = evaluatorOf.get(clauseId);
      if (other !== undefined) problems.push(`${clauseId}: judged by both ${other.id} and ${evaluator.id}`);
      evaluatorOf.set(clauseId, evaluator);
    }
  }
  if (problems.length > 0)
    throw new AppError(
      'configuration',
      bi(
        `遵守状況の評価の設定に誤りがあります: ${problems.join('; ')}`,
        `The compliance evaluators do not fit the policy pack: ${problems.join('; ')}`,
      ),
    );
  return {
    pack: options.pack,
    evaluators: options.evaluators,
    evaluatorOf,
    modules: new Set([...options.modules, ...options.evaluators.map((e) => e.module)]),
    checklist: options.checklist ?? null,
  };
};
