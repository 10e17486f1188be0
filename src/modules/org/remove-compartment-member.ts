import { AppError, defineUseCase, validationError } from '../../kernel/index.js';
import { findCompartmentOrThrow, requireCompartmentManager } from './compartment-access.js';
import { removeCompartmentMemberInput } from './compartment.schema.js';
import { findMemberById, setMemberEndDate } from './compartments.repository.js';

/** Ends a membership on a date (the record stays; from the next day the person no longer sees the information). */
export const removeCompartmentMember = defineUseCase({
  name: 'org.removeCompartmentMember',
  input: removeCompartmentMemberInput,
  authorize: async (ctx, input, tx) => {
    const compartment = await findCompartmentOrThrow(tx, input.compartmentId);
    await requireCompartmentManager(ctx.actor, tx, compartment.unit_id, compartment.id);
  },
  execute: async (_ctx, input, tx) => {
    const member = await findMemberById(tx, input.membershipId);
    if (member?.compartment_id !== input.compartmentId) {
      throw new AppError('notFound', {
        ja: '別領域の担当職員の記録が見つかりません。',
        en: 'The membership does not exist.',
      });
    }
    if (input.endDate < member.start_date) {
      throw validationError([
        {
          field: 'endDate',
          message: {
            ja: `終了日は開始日（${member.start_date}）以降にしてください。`,
            en: `The end date must not be before the start date (${member.start_date}).`,
          },
        },
      ]);
    }
    if (member.end_date !== null && member.end_date <= input.endDate) {
      throw new AppError('conflict', {
        ja: `この担当は既に ${member.end_date} に終了しています。`,
        en: `This membership already ended on ${member.end_date}.`,
      });
    }
    await setMemberEndDate(tx, member.id, input.endDate);
    return {
      result: { id: member.id },
      ledger: [
        {
          kind: 'org.compartment.memberRemoved',
          subject: `compartment:${member.compartment_id}`,
          payload: {
            membershipId: member.id,
            staffId: member.staff_id,
            endDate: input.endDate,
            previousEndDate: member.end_date,
          },
        },
      ],
    };
  },
});
