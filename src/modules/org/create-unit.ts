import { defineUseCase } from '../../kernel/index.js';
import { applyOne } from './apply/apply-one.js';
import { allow } from './org-access.js';
import { unitRowSchema } from './org.schema.js';
import { findUnitByCode } from './units.repository.js';

export const createUnit = defineUseCase({
  name: 'org.createUnit',
  input: unitRowSchema,
  authorize: allow('org.manage'),
  execute: async (ctx, input, tx) => {
    const ledger = await applyOne(ctx, tx, { units: [input] }, 'create');
    const unit = await findUnitByCode(tx, input.code);
    return { result: { id: unit?.id ?? '' }, ledger };
  },
});
