import { z } from 'zod';
import { defineUseCase, recordingDenials } from '../usecase/index.js';
import { queueContext } from './advance.js';
import { stepsOf, updateRequest } from './approvals.repository.js';
import { requestResource } from './decision-resource.js';
import { parseForm } from './form-schema.js';
import { envOf, loadRequest, onlyParties, requireOnRequest, requireStaff, requireStatus } from './helpers.js';
import { queueNotifications } from './notify.js';
import { requestTypes } from './registry.js';
import { routeRequest } from './submission.js';

export const reportEmergencyInput = z.strictObject({
  requestId: z.string().min(1).max(64),
  /** The report's final content; the recorded form when omitted. */
  form: z.record(z.string(), z.unknown()).optional(),
});

/**
 * 第8 5(2): the report afterwards. carriedOut → reported: the whole form is checked, the CISO is asked to
 * acknowledge it, and the ledger entry says whether it came later than the deadline.
 */
export const reportEmergency = recordingDenials(
  defineUseCase({
    name: 'approvals.reportEmergency',
    input: reportEmergencyInput,
    authorize: (ctx) => {
      requireStaff(ctx.actor);
    },
    execute: async (ctx, input, tx) => {
      const env = envOf(ctx, tx);
      const request = await loadRequest(ctx, tx, input.requestId);
      requireOnRequest(
        ctx.actor,
        'request.submit',
        await requestResource(env.directory, tx, env.asOf, request, await stepsOf(tx, request.id)),
        onlyParties,
      );
      requireStatus(request, ['carriedOut']);
      const def = requestTypes.require(request.type_id);
      let current = request;
      if (input.form !== undefined) {
        const form = parseForm(def, input.form, true);
        current = { ...request, form_json: JSON.stringify(form) };
        await updateRequest(tx, request.id, { form_json: current.form_json });
      }
      const routed = await routeRequest(env, ctx.timeZone, current, def, 'approvals.request.reported');
      const notified = await queueNotifications(queueContext(env), routed.notifications);
      const [first, ...rest] = routed.ledger;
      if (first === undefined) throw new Error('routeRequest returned no ledger entry');
      return {
        result: {
          id: request.id,
          status: routed.status,
          late: request.report_due_at !== null && env.now > request.report_due_at,
          notified,
        },
        ledger: [first, ...rest],
      };
    },
  }),
);
