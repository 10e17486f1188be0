import { AppError, defineUseCase } from '../../kernel/index.js';
import { findCompartmentOrThrow, requireCompartmentManager } from './compartment-access.js';
import { renameCompartmentInput } from './compartment.schema.js';
import { findOpenCompartmentNamed, updateCompartmentRow } from './compartments.repository.js';
import { duplicateName } from './create-compartment.js';

/** Renames a compartment (第7 1(1)イ); its members and information stay as they are. */
export const renameCompartment = defineUseCase({
  name: 'org.renameCompartment',
  input: renameCompartmentInput,
  authorize: async (ctx, input, tx) => {
    const compartment = await findCompartmentOrThrow(tx, input.compartmentId);
    await requireCompartmentManager(ctx.actor, tx, compartment.unit_id, compartment.id);
  },
  execute: async (ctx, input, tx) => {
    const compartment = await findCompartmentOrThrow(tx, input.compartmentId);
    if (compartment.name_ja === input.nameJa && compartment.name_en === input.nameEn) {
      throw new AppError('conflict', { ja: '変更点がありません。', en: 'Nothing would change.' });
    }
    const names = { ja: input.nameJa, en: input.nameEn };
    const from = compartment.valid_from;
    if (await findOpenCompartmentNamed(tx, compartment.unit_id, names, from, compartment.id))
      throw duplicateName();
    await updateCompartmentRow(tx, compartment.id, {
      name_ja: input.nameJa,
      name_en: input.nameEn,
      updated_at: ctx.clock.now().toISOString(),
    });
    return {
      result: { id: compartment.id },
      ledger: [
        {
          kind: 'org.compartment.renamed',
          subject: `compartment:${compartment.id}`,
          payload: {
            nameJa: input.nameJa,
            nameEn: input.nameEn,
            previousNameJa: compartment.name_ja,
            previousNameEn: compartment.name_en,
          },
        },
      ],
    };
  },
});
