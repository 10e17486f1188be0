import { defineUseCase, newId } from '../../kernel/index.js';
import { allow, requireManageUnit, unitPathOf } from './asset-access.js';
import { mediumSubject } from './asset-effects.js';
import { mediumInput } from './assets.schema.js';
import { mediumColumns, mediumPayload, requireFreeCode } from './medium-rules.js';
import { insertMedium, type MediumRow } from './storage.repository.js';

/**
 * Registers a medium (USB memory, disk, tape, paper file…) with where it is kept, whether it is removable, what
 * it is for, since when it is stored, and its write protection (4-2(5)イ). Its classification is not typed: it is
 * the most sensitive class of what it holds, kept by the register (4-2(4)ウ).
 */
export const registerMedium = defineUseCase({
  name: 'assets.registerMedium',
  input: mediumInput,
  authorize: allow('assets.manage'),
  execute: async (ctx, input, tx) => {
    requireManageUnit(ctx.actor, await unitPathOf(ctx, tx, input.owningUnitId), 'owningUnitId');
    await requireFreeCode(tx, input.code, null);
    const now = ctx.clock.now().toISOString();
    const row: MediumRow = {
      id: newId(),
      ...(await mediumColumns(tx, input)),
      classification: null,
      created_by_staff_id: ctx.actor.staffId,
      created_at: now,
      updated_at: now,
      disposed_at: null,
    };
    await insertMedium(tx, row);
    return {
      result: { id: row.id, code: row.code },
      ledger: [
        { kind: 'assets.medium.registered', subject: mediumSubject(row.id), payload: mediumPayload(row) },
      ],
    };
  },
});
