import { z } from 'zod';
import {
  actorRef,
  AppError,
  defineUseCase,
  newId,
  text,
  validationError,
  type ComplianceExclusionTable,
} from '../../kernel/index.js';
import { isEvaluable, type ComplianceSetup } from './compliance-setup.js';
import { findUnitIdByCode, insertExclusion, listOpenExclusions } from './compliance.repository.js';
import { allow } from './policy-access.js';

export const recordClauseExclusionInput = z
  .object({
    clauseId: text(40),
    /** The unit for which the clause does not apply; absent or null: the whole hospital. */
    unitCode: z.string().trim().max(40).nullish(),
    /** Why: an auditor reads it beside the clause. */
    reason: z.string().trim().min(10).max(1000),
  })
  .strict();

/**
 * Records that a clause (or a clause for one unit) does not apply, with the reason: e.g. 第7 1(10)イ where the
 * hospital has no wireless LAN. The status becomes "not applicable" until the record is ended.
 */
export const recordClauseExclusion = (setup: ComplianceSetup) =>
  defineUseCase({
    name: 'policy.recordClauseExclusion',
    input: recordClauseExclusionInput,
    authorize: allow('compliance.manage'),
    execute: async (ctx, input, tx) => {
      const pack = setup.pack.manifest.name;
      const clause = setup.pack.byId.get(input.clauseId);
      if (clause === undefined || !isEvaluable(clause.kind))
        throw validationError([
          {
            field: 'clauseId',
            message:
              clause === undefined
                ? { ja: `条項 ${input.clauseId} はありません。`, en: `There is no clause ${input.clauseId}.` }
                : {
                    ja: `${clause.displayId} は見出し・定義等のため、適用除外にできません。`,
                    en: `${clause.displayId} is a heading or definition: it cannot be excluded.`,
                  },
          },
        ]);
      const unitCode = input.unitCode ?? null;
      const unitId = unitCode === null || unitCode === '' ? null : await findUnitIdByCode(tx, unitCode);
      if (unitId === undefined)
        throw validationError([
          {
            field: 'unitCode',
            message: { ja: `部署 ${String(unitCode)} が見つかりません。`, en: `Unit ${String(unitCode)} does not exist.` },
          },
        ]);
      const open = (await listOpenExclusions(tx, pack)).filter(
        (e) => e.clause_id === input.clauseId && e.unit_id === unitId,
      );
      if (open.length > 0)
        throw new AppError('conflict', {
          ja: `${clause.displayId} は既に適用除外として記録されています。`,
          en: `${clause.displayId} is already recorded as not applicable.`,
        });
      const row: ComplianceExclusionTable = {
        id: newId(),
        pack,
        clause_id: input.clauseId,
        unit_id: unitId,
        reason: input.reason,
        recorded_by: actorRef(ctx.actor),
        recorded_at: ctx.clock.now().toISOString(),
        ended_at: null,
        ended_by: null,
        end_reason: null,
      };
      await insertExclusion(tx, row);
      return {
        result: { id: row.id },
        ledger: [
          {
            kind: 'policy.clause.notApplicable',
            subject: `complianceExclusion:${row.id}`,
            payload: { pack, clauseId: input.clauseId, unitId, reason: input.reason },
          },
        ],
      };
    },
  });
