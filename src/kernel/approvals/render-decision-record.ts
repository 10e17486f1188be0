import { z } from 'zod';
import { defineQuery } from '../usecase/index.js';
import { renderDecisionRecordPdf } from './decision-record-pdf.js';
import { getRequest } from './get-request.js';
import { requireStaff } from './helpers.js';

/** The decision record of a request as a PDF, for whoever may read the request (see `getRequest`). */
export const renderDecisionRecord = defineQuery({
  name: 'approvals.renderDecisionRecord',
  input: z.strictObject({ id: z.string().min(1).max(64) }),
  authorize: (ctx) => {
    requireStaff(ctx.actor);
  },
  execute: async (ctx, input): Promise<{ refNo: string; pdf: Buffer }> => {
    const view = await getRequest(ctx, input);
    const pdf = await renderDecisionRecordPdf(view, {
      hospitalName: ctx.hospitalName,
      printedAt: ctx.clock.now(),
      timeZone: ctx.timeZone,
    });
    return { refNo: view.refNo, pdf };
  },
});
