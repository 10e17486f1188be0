import { z } from 'zod';
import { defineQuery, optionalText } from '../../kernel/index.js';
import type { MediumView } from '../../shared/api-types.js';
import { allow } from './asset-access.js';
import { assetParameters } from './asset-parameters.js';
import { mediumStatuses } from './assets.schema.js';
import { mediaViews } from './media-view.js';

export const mediaFilters = z.strictObject({
  unitId: optionalText(64).optional(),
  status: z.enum(mediumStatuses).optional(),
});

/** The media register, filtered by unit and status, with each medium's storage findings (4-2(5)). */
export const listMediaRegister = defineQuery({
  name: 'assets.listMedia',
  input: mediaFilters,
  authorize: allow('assets.read'),
  execute: async (ctx, input): Promise<MediumView[]> =>
    mediaViews(
      ctx,
      { unitId: input.unitId ?? null, status: input.status ?? null },
      (await assetParameters(ctx.database.db)).longTermMonths,
    ),
});
