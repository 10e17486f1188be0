import { z } from 'zod';
import { defineUseCase } from '../usecase/index.js';
import { subjectOf } from './advance.js';
import { insertRequest } from './approvals.repository.js';
import { badInput, envOf, requireStaff } from './helpers.js';
import { buildRequestRow, requestDraftInput } from './new-request.js';
import { requestTypes } from './registry.js';

export const recordEmergencyInput = requestDraftInput.extend({
  /** When the exception was carried out (ISO 8601); not in the future. */
  carriedOutAt: z.iso.datetime({ offset: true }),
});

/**
 * 第8 5(2): in an emergency the exception is carried out first. This records that it happened (the form may still
 * be incomplete) and starts the clock for the report to the CISO that must follow "事後速やかに".
 */
export const recordEmergency = defineUseCase({
  name: 'approvals.recordEmergency',
  input: recordEmergencyInput,
  authorize: (ctx) => {
    requireStaff(ctx.actor);
  },
  execute: async (ctx, input, tx) => {
    const env = envOf(ctx, tx);
    const def = requestTypes.require(input.typeId);
    if (def.mode !== 'postFacto') {
      throw badInput('typeId', {
        ja: 'この申請は事前に許可を得るものです。事後報告にはできません。',
        en: 'This request needs permission beforehand; it cannot be reported afterwards.',
      });
    }
    const carriedOut = new Date(input.carriedOutAt);
    if (carriedOut.getTime() > ctx.clock.now().getTime()) {
      throw badInput('carriedOutAt', {
        ja: '実施日時は現在より前にしてください（実施した後に記録します）。',
        en: 'The time it was carried out must be in the past.',
      });
    }
    const row = await buildRequestRow(env, ctx.actor, def, input, { complete: false, status: 'carriedOut' });
    const due = new Date(carriedOut.getTime() + (def.reportWithinHours ?? 24) * 3_600_000).toISOString();
    const recorded = { ...row, carried_out_at: carriedOut.toISOString(), report_due_at: due };
    await insertRequest(tx, recorded);
    return {
      result: { id: row.id, refNo: row.ref_no, status: 'carriedOut' as const, reportDueAt: due },
      ledger: [
        {
          kind: 'approvals.emergency.carriedOut',
          subject: subjectOf(row.id),
          payload: {
            refNo: row.ref_no,
            typeId: def.id,
            applicant: row.applicant_staff_id,
            carriedOutAt: recorded.carried_out_at,
            reportDueAt: due,
            form: JSON.parse(row.form_json) as Record<string, string | number | boolean | null>,
          },
        },
      ],
    };
  },
});
