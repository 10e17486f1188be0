import { z } from 'zod';
import type { Tx } from '../db/index.js';
import { parseOrThrow } from '../errors/index.js';
import {
  defineUseCase,
  recordingDenials,
  type LedgerEntries,
  type UseCaseContext,
} from '../usecase/index.js';
import { insertRequest, stepsOf } from './approvals.repository.js';
import { requestResource } from './decision-resource.js';
import {
  badInput,
  envOf,
  loadRequest,
  onlyParties,
  requireOnRequest,
  requireStatus,
  requireStaff,
} from './helpers.js';
import { buildRequestRow, requestDraftInput } from './new-request.js';
import { queueContext } from './advance.js';
import { queueNotifications } from './notify.js';
import { requestTypes } from './registry.js';
import { routeRequest } from './submission.js';

/** Submit a saved draft (`requestId`), or fill in and submit in one step (`draft`). */
export const submitRequestInput = z.union([
  z.strictObject({ requestId: z.string().min(1).max(64) }),
  z.strictObject({ draft: requestDraftInput }),
]);
type SubmitRequestInput = z.output<typeof submitRequestInput>;

export interface Submitted {
  readonly id: string;
  readonly refNo: string;
  readonly status: string;
  readonly notified: number;
}

/** The submission inside a transaction the caller holds: the use case below, or a module filing a request. */
const submitWithin = async (
  ctx: UseCaseContext,
  tx: Tx,
  input: SubmitRequestInput,
): Promise<{ result: Submitted; ledger: LedgerEntries }> => {
  const env = envOf(ctx, tx);
  requireStaff(ctx.actor);
  let request;
  if ('draft' in input) {
    const def = requestTypes.require(input.draft.typeId);
    if (def.mode === 'postFacto') {
      throw badInput('draft.typeId', {
        ja: 'この申請は事後報告です。緊急時の例外措置として記録してください。',
        en: 'This is reported afterwards: record it as an emergency exception.',
      });
    }
    request = await buildRequestRow(env, ctx.actor, def, input.draft, { complete: true, status: 'draft' });
    await insertRequest(tx, request);
  } else {
    request = await loadRequest(ctx, tx, input.requestId);
    requireOnRequest(
      ctx.actor,
      'request.submit',
      await requestResource(env.directory, tx, env.asOf, request, await stepsOf(tx, request.id)),
      onlyParties,
    );
    requireStatus(request, ['draft']);
  }
  const def = requestTypes.require(request.type_id);
  const routed = await routeRequest(env, ctx.timeZone, request, def, 'approvals.request.submitted');
  const notified = await queueNotifications(queueContext(env), routed.notifications);
  const [first, ...rest] = routed.ledger;
  if (first === undefined) throw new Error('routeRequest returned no ledger entry');
  return {
    result: { id: request.id, refNo: request.ref_no, status: routed.status, notified },
    ledger: [first, ...rest],
  };
};

/**
 * draft → submitted: the whole form is checked, the route fixed and the first approver notified (in the
 * application and by e-mail). Only the applicant or whoever prepared the draft submits it.
 */
export const submitRequest = recordingDenials(
  defineUseCase({
    name: 'approvals.submitRequest',
    input: submitRequestInput,
    authorize: (ctx) => {
      requireStaff(ctx.actor);
    },
    execute: (ctx, input, tx) => submitWithin(ctx, tx, input),
  }),
);

/**
 * A module files a request as part of its own use case (e.g. an asset received with an unclear classification
 * goes to the Security Manager, 4-2(3)ウ): the same checks, route and notifications, in the caller's transaction;
 * the caller returns the entries with its own.
 */
export const fileRequest = (
  ctx: UseCaseContext,
  tx: Tx,
  draft: z.input<typeof requestDraftInput>,
): Promise<{ result: Submitted; ledger: LedgerEntries }> =>
  submitWithin(ctx, tx, { draft: parseOrThrow(requestDraftInput, draft) });
