import { defineUseCase } from '../../kernel/index.js';
import { applyOne } from './apply/apply-one.js';
import { allow } from './org-access.js';
import { delegationRowSchema } from './org.schema.js';

/** The Director's delegation to the head of 医療情報課 (3-2(7)), or an acting holder while someone is away. */
export const delegateRole = defineUseCase({
  name: 'org.delegateRole',
  input: delegationRowSchema,
  authorize: allow('org.manage'),
  execute: async (ctx, input, tx) => {
    const ledger = await applyOne(ctx, tx, { delegations: [input] }, 'create');
    const id = ledger[0].subject.replace(/^delegation:/, '');
    return { result: { id }, ledger };
  },
});
