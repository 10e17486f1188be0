import { AppError, defineUseCase, newId, validationError } from '../../kernel/index.js';
import { findCompartmentOrThrow, requireCompartmentManager } from './compartment-access.js';
import { addCompartmentMemberInput } from './compartment.schema.js';
import { insertMember, listOpenMembershipsOf } from './compartments.repository.js';
import { findStaffByNumber } from './staff.repository.js';

/**
 * Names a member of a compartment (担当職員, 第7 1(1)イ) from a date, until a date or further notice. Members are
 * staff of the compartment's section; a later transfer out of the section ends what the membership gives.
 */
export const addCompartmentMember = defineUseCase({
  name: 'org.addCompartmentMember',
  input: addCompartmentMemberInput,
  authorize: async (ctx, input, tx) => {
    const compartment = await findCompartmentOrThrow(tx, input.compartmentId);
    await requireCompartmentManager(ctx.actor, tx, compartment.unit_id, compartment.id);
  },
  execute: async (ctx, input, tx) => {
    const compartment = await findCompartmentOrThrow(tx, input.compartmentId);
    if (compartment.valid_to !== null && compartment.valid_to < input.startDate) {
      throw validationError([
        {
          field: 'startDate',
          message: {
            ja: `別領域は ${compartment.valid_to} に廃止されています。`,
            en: `The compartment closed on ${compartment.valid_to}.`,
          },
        },
      ]);
    }
    const staff = await findStaffByNumber(tx, input.employeeNumber);
    if (staff === undefined) {
      throw validationError([
        {
          field: 'employeeNumber',
          message: {
            ja: `職員番号 ${input.employeeNumber} の職員はいません。`,
            en: `No staff member has the number ${input.employeeNumber}.`,
          },
        },
      ]);
    }
    if (staff.unit_id !== compartment.unit_id) {
      throw validationError([
        {
          field: 'employeeNumber',
          message: {
            ja: '別領域の担当職員は、その科課室等に所属する職員等に限られます（第7 1(1)イ）。',
            en: "A compartment's members are staff of its own section (第7 1(1)イ).",
          },
        },
      ]);
    }
    const open = await listOpenMembershipsOf(tx, compartment.id, staff.id, input.startDate);
    const overlapping = open.filter((m) => input.endDate === null || m.start_date <= input.endDate);
    if (overlapping.length > 0) {
      throw new AppError('conflict', {
        ja: `${staff.name_kanji} さんは既にこの別領域の担当職員です。`,
        en: `${staff.employee_number} is already a member of this compartment.`,
      });
    }
    const id = newId();
    await insertMember(tx, {
      id,
      compartment_id: compartment.id,
      staff_id: staff.id,
      start_date: input.startDate,
      end_date: input.endDate,
      note: input.note,
      created_at: ctx.clock.now().toISOString(),
    });
    return {
      result: { id },
      ledger: [
        {
          kind: 'org.compartment.memberAdded',
          subject: `compartment:${compartment.id}`,
          payload: {
            membershipId: id,
            staffId: staff.id,
            employeeNumber: staff.employee_number,
            startDate: input.startDate,
            endDate: input.endDate,
            note: input.note,
          },
        },
      ],
    };
  },
});
