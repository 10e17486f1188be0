import { AppError, defineUseCase } from '../../kernel/index.js';
import { applyOne } from './apply/apply-one.js';
import { allow } from './org-access.js';
import { staffRowSchema } from './org.schema.js';
import { findStaffByNumber } from './staff.repository.js';

/** A transfer, a change of position or employment, or leaving (an end date): found by employee number. */
export const updateStaff = defineUseCase({
  name: 'org.updateStaff',
  input: staffRowSchema,
  authorize: allow('org.manageStaff'),
  execute: async (ctx, input, tx) => {
    const existing = await findStaffByNumber(tx, input.employeeNumber);
    if (!existing) {
      throw new AppError('notFound', {
        ja: `職員番号 ${input.employeeNumber} の職員が見つかりません。`,
        en: `No staff member has employee number ${input.employeeNumber}.`,
      });
    }
    const ledger = await applyOne(ctx, tx, { staff: [input] }, 'upsert');
    return { result: { id: existing.id }, ledger };
  },
});
