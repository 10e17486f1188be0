import { defineUseCase } from '../../kernel/index.js';
import { applyOne } from './apply/apply-one.js';
import { allow } from './org-access.js';
import { staffRowSchema } from './org.schema.js';
import { findStaffByNumber } from './staff.repository.js';

/** A hire: a new staff record (or a contractor's record). */
export const registerStaff = defineUseCase({
  name: 'org.registerStaff',
  input: staffRowSchema,
  authorize: allow('org.manageStaff'),
  execute: async (ctx, input, tx) => {
    const ledger = await applyOne(ctx, tx, { staff: [input] }, 'create');
    const staff = await findStaffByNumber(tx, input.employeeNumber);
    return { result: { id: staff?.id ?? '' }, ledger };
  },
});
