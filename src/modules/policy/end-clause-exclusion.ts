import { z } from 'zod';
import { actorRef, AppError, defineUseCase, text } from '../../kernel/index.js';
import { endExclusion, findExclusion } from './compliance.repository.js';
import { allow } from './policy-access.js';

export const endClauseExclusionInput = z
  .object({ exclusionId: text(64), reason: z.string().trim().min(5).max(1000) })
  .strict();

/** Ends a "not applicable" record: the clause is evaluated again. The record itself stays, with its end. */
export const endClauseExclusion = defineUseCase({
  name: 'policy.endClauseExclusion',
  input: endClauseExclusionInput,
  authorize: allow('compliance.manage'),
  execute: async (ctx, input, tx) => {
    const row = await findExclusion(tx, input.exclusionId);
    if (row === undefined)
      throw new AppError('notFound', {
        ja: `適用除外の記録 ${input.exclusionId} はありません。`,
        en: `There is no exclusion ${input.exclusionId}.`,
      });
    if (row.ended_at !== null)
      throw new AppError('conflict', {
        ja: 'この適用除外は既に終了しています。',
        en: 'This exclusion has already ended.',
      });
    const at = ctx.clock.now().toISOString();
    await endExclusion(tx, row.id, { ended_at: at, ended_by: actorRef(ctx.actor), end_reason: input.reason });
    return {
      result: { id: row.id, endedAt: at },
      ledger: [
        {
          kind: 'policy.clause.applicableAgain',
          subject: `complianceExclusion:${row.id}`,
          payload: { clauseId: row.clause_id, unitId: row.unit_id, reason: input.reason },
        },
      ],
    };
  },
});
