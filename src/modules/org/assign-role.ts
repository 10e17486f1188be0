import { defineUseCase } from '../../kernel/index.js';
import { applyOne } from './apply/apply-one.js';
import { allow } from './org-access.js';
import { assignmentRowSchema } from './org.schema.js';

/** Appoints a person to a role of 第3 for a term. */
export const assignRole = defineUseCase({
  name: 'org.assignRole',
  input: assignmentRowSchema,
  authorize: allow('org.manage'),
  execute: async (ctx, input, tx) => {
    const ledger = await applyOne(ctx, tx, { assignments: [input] }, 'create');
    const id = ledger[0].subject.replace(/^roleAssignment:/, '');
    return { result: { id }, ledger };
  },
});
