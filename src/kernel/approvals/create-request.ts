import { defineUseCase } from '../usecase/index.js';
import { subjectOf } from './advance.js';
import { insertRequest } from './approvals.repository.js';
import { badInput, envOf, requireStaff } from './helpers.js';
import { buildRequestRow, requestDraftInput } from './new-request.js';
import { requestTypes } from './registry.js';

/** Saves a request as a draft: the form may be incomplete; nothing is routed or notified yet. */
export const createRequest = defineUseCase({
  name: 'approvals.createRequest',
  input: requestDraftInput,
  authorize: (ctx) => {
    requireStaff(ctx.actor);
  },
  execute: async (ctx, input, tx) => {
    const def = requestTypes.require(input.typeId);
    if (def.mode === 'postFacto') {
      throw badInput('typeId', {
        ja: 'この申請は事後報告です。緊急時の例外措置として記録してください。',
        en: 'This is reported afterwards: record it as an emergency exception.',
      });
    }
    const row = await buildRequestRow(envOf(ctx, tx), ctx.actor, def, input, {
      complete: false,
      status: 'draft',
    });
    await insertRequest(tx, row);
    return {
      result: { id: row.id, refNo: row.ref_no, status: 'draft' as const },
      ledger: [
        {
          kind: 'approvals.request.drafted',
          subject: subjectOf(row.id),
          payload: {
            refNo: row.ref_no,
            typeId: def.id,
            applicant: row.applicant_staff_id,
            preparer: row.preparer_staff_id,
            form: JSON.parse(row.form_json) as Record<string, string | number | boolean | null>,
          },
        },
      ],
    };
  },
});
