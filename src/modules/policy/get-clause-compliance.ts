import { z } from 'zod';
import { AppError, defineQuery, type PolicyPack } from '../../kernel/index.js';
import type { ComplianceClauseDetail } from '../../shared/api-types.js';
import { isEvaluable, type ComplianceSetup } from './compliance-setup.js';
import { presentClauseDetail } from './compliance.presenters.js';
import { evaluateCompliance } from './evaluate-compliance.js';
import { allow } from './policy-access.js';

export const clauseIdInput = z.object({ clauseId: z.string().trim().min(1).max(40) }).strict();

/** The clause, or a not-found error naming it; a heading or definition has no status to drill into. */
export const requireEvaluableClause = (pack: PolicyPack, clauseId: string): void => {
  const clause = pack.byId.get(clauseId);
  if (clause === undefined || !isEvaluable(clause.kind))
    throw new AppError(
      'notFound',
      clause === undefined
        ? { ja: `条項 ${clauseId} はありません。`, en: `There is no clause ${clauseId}.` }
        : {
            ja: `${clause.displayId} は見出し・定義等のため評価の対象ではありません。`,
            en: `${clause.displayId} is a heading or definition: it has no status.`,
          },
    );
};

/** The drill-down of one clause: its status, the evidence behind it, and each unit's status and evidence. */
export const getClauseCompliance = (setup: ComplianceSetup) =>
  defineQuery({
    name: 'policy.getClauseCompliance',
    input: clauseIdInput,
    authorize: allow('compliance.read'),
    execute: async (ctx, input): Promise<ComplianceClauseDetail> => {
      requireEvaluableClause(setup.pack, input.clauseId);
      const evaluation = await evaluateCompliance(setup, ctx, { only: [input.clauseId] });
      const result = evaluation.clauses[0];
      if (result === undefined) throw new Error(`no result for ${input.clauseId}`);
      return presentClauseDetail(result, evaluation.asOf);
    },
  });
