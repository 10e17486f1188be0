import { AppError, defineUseCase, newId, validationError } from '../../kernel/index.js';
import { compartmentUnitKinds, findUnitOrThrow, requireCompartmentManager } from './compartment-access.js';
import { createCompartmentInput } from './compartment.schema.js';
import { findOpenCompartmentNamed, insertCompartment } from './compartments.repository.js';
import type { UnitKind } from './org.schema.js';

export const duplicateName = (): AppError =>
  new AppError(
    'conflict',
    {
      ja: 'この部署には同じ名前の別領域があります。',
      en: 'This unit already has a compartment of that name.',
    },
    {
      issues: [
        {
          field: 'nameJa',
          message: { ja: '同じ名前の別領域があります。', en: 'A compartment of that name exists.' },
        },
      ],
    },
  );

/**
 * Makes a compartment (別領域) in a section, for information only some of its staff may handle (第7 1(1)イ).
 * The section's Security Manager or the security office; units that hold no Manager have no compartments.
 */
export const createCompartment = defineUseCase({
  name: 'org.createCompartment',
  input: createCompartmentInput,
  authorize: (ctx, input, tx) => requireCompartmentManager(ctx.actor, tx, input.unitId),
  execute: async (ctx, input, tx) => {
    const unit = await findUnitOrThrow(tx, input.unitId);
    if (!compartmentUnitKinds.includes(unit.kind as UnitKind)) {
      throw validationError([
        {
          field: 'unitId',
          message: {
            ja: '別領域は科課室等（課・科・室・センター等、情報セキュリティ管理者を置く部署）にのみ作れます。',
            en: 'Compartments belong to units with a Security Manager (sections, centres, divisions, clinics).',
          },
        },
      ]);
    }
    if (unit.valid_to !== null && unit.valid_to < input.validFrom) {
      throw validationError([
        {
          field: 'validFrom',
          message: {
            ja: `部署は ${unit.valid_to} に廃止されています。`,
            en: `The unit closed on ${unit.valid_to}.`,
          },
        },
      ]);
    }
    const names = { ja: input.nameJa, en: input.nameEn };
    if (await findOpenCompartmentNamed(tx, unit.id, names, input.validFrom, null)) throw duplicateName();
    const now = ctx.clock.now().toISOString();
    const id = newId();
    await insertCompartment(tx, {
      id,
      unit_id: unit.id,
      name_ja: input.nameJa,
      name_en: input.nameEn,
      purpose: input.purpose,
      valid_from: input.validFrom,
      valid_to: null,
      close_reason: null,
      created_at: now,
      updated_at: now,
    });
    return {
      result: { id },
      ledger: [
        {
          kind: 'org.compartment.created',
          subject: `compartment:${id}`,
          payload: {
            unitId: unit.id,
            unitCode: unit.code,
            nameJa: input.nameJa,
            nameEn: input.nameEn,
            purpose: input.purpose,
            validFrom: input.validFrom,
          },
        },
      ],
    };
  },
});
