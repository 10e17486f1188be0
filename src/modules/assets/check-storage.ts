import { z } from 'zod';
import { defineQuery, optionalText } from '../../kernel/index.js';
import type { StorageCheckView } from '../../shared/api-types.js';
import { allow, today } from './asset-access.js';
import { assetParameters } from './asset-parameters.js';
import { mediaViews } from './media-view.js';
import { storageClauses } from './storage-rules.js';

/**
 * The storage checks of 4-2(5) over the media register, today: for each rule how many media it applies to and how
 * many fail it, and the media with their findings and the records that evidence them (place, protections,
 * write protection, the basis of the disaster-risk judgement).
 */
export const checkStorage = defineQuery({
  name: 'assets.checkStorage',
  input: z.strictObject({
    unitId: optionalText(64).optional(),
    /** Only media that fail a rule. */
    failing: z.enum(['true', 'false']).optional(),
  }),
  authorize: allow('assets.read'),
  execute: async (ctx, input): Promise<StorageCheckView> => {
    const { longTermMonths } = await assetParameters(ctx.database.db);
    const all = (await mediaViews(ctx, { unitId: input.unitId ?? null }, longTermMonths)).filter(
      (m) => m.findings.length > 0,
    );
    const rules = storageClauses.map((c) => {
      const judged = all.flatMap((m) => m.findings.filter((f) => f.clauseId === c.clauseId));
      return { ...c, checked: judged.length, failing: judged.filter((f) => !f.ok).length };
    });
    const media = input.failing === 'true' ? all.filter((m) => m.findings.some((f) => !f.ok)) : all;
    return { asOf: today(ctx), longTermMonths, rules, media };
  },
});
