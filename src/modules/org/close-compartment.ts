import { AppError, defineUseCase, validationError } from '../../kernel/index.js';
import { findCompartmentOrThrow, requireCompartmentManager } from './compartment-access.js';
import { closeCompartmentInput } from './compartment.schema.js';
import { listMembershipsOpenOn, setMemberEndDate, updateCompartmentRow } from './compartments.repository.js';

/**
 * Closes a compartment at the end of `validTo` (nothing is deleted): memberships still open then end that day.
 * Information that still names the compartment stays closed to everyone but its owner, so move it first.
 */
export const closeCompartment = defineUseCase({
  name: 'org.closeCompartment',
  input: closeCompartmentInput,
  authorize: async (ctx, input, tx) => {
    const compartment = await findCompartmentOrThrow(tx, input.compartmentId);
    await requireCompartmentManager(ctx.actor, tx, compartment.unit_id, compartment.id);
  },
  execute: async (ctx, input, tx) => {
    const compartment = await findCompartmentOrThrow(tx, input.compartmentId);
    if (compartment.valid_to !== null) {
      throw new AppError('conflict', {
        ja: `この別領域は ${compartment.valid_to} に廃止済みです。`,
        en: `This compartment closed on ${compartment.valid_to}.`,
      });
    }
    if (input.validTo < compartment.valid_from) {
      throw validationError([
        {
          field: 'validTo',
          message: {
            ja: `廃止日は設置日（${compartment.valid_from}）以降にしてください。`,
            en: `The closing date must not be before the compartment began (${compartment.valid_from}).`,
          },
        },
      ]);
    }
    // Memberships that would begin later never take effect: the compartment is closed by then.
    const open = (await listMembershipsOpenOn(tx, compartment.id, input.validTo)).filter(
      (m) => m.start_date <= input.validTo,
    );
    for (const m of open) await setMemberEndDate(tx, m.id, input.validTo);
    await updateCompartmentRow(tx, compartment.id, {
      valid_to: input.validTo,
      close_reason: input.reason,
      updated_at: ctx.clock.now().toISOString(),
    });
    return {
      result: { id: compartment.id },
      ledger: [
        {
          kind: 'org.compartment.closed',
          subject: `compartment:${compartment.id}`,
          payload: {
            validTo: input.validTo,
            reason: input.reason,
            endedMemberships: open.map((m) => m.id),
          },
        },
      ],
    };
  },
});
