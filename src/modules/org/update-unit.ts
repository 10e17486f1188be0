import { AppError, defineUseCase } from '../../kernel/index.js';
import { applyOne } from './apply/apply-one.js';
import { allow } from './org-access.js';
import { unitRowSchema } from './org.schema.js';
import { findUnitByCode } from './units.repository.js';

/** Renames, moves or closes (validTo) a unit, found by its code. */
export const updateUnit = defineUseCase({
  name: 'org.updateUnit',
  input: unitRowSchema,
  authorize: allow('org.manage'),
  execute: async (ctx, input, tx) => {
    const existing = await findUnitByCode(tx, input.code);
    if (!existing) {
      throw new AppError('notFound', {
        ja: `部署 ${input.code} が見つかりません。`,
        en: `Unit ${input.code} does not exist.`,
      });
    }
    const ledger = await applyOne(ctx, tx, { units: [input] }, 'upsert');
    return { result: { id: existing.id }, ledger };
  },
});
