import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson, defineUseCase, newId, validationError, type JsonValue } from '../../kernel/index.js';
import { allow } from './asset-access.js';
import { applyAssetFile, type AssetCounts } from './apply-asset-file.js';
import { assetRowSchema, assetSheets, mediumRowSchema, placeRowSchema } from './asset-file.js';

export const importAssetsInput = z.strictObject({
  data: z.strictObject({
    places: z.array(placeRowSchema).default([]),
    media: z.array(mediumRowSchema).default([]),
    assets: z.array(assetRowSchema).default([]),
  }),
  rowNumbers: z.partialRecord(z.enum(assetSheets), z.array(z.number().int().min(1))).optional(),
  dryRun: z.boolean().default(false),
  source: z.string().max(200).default('api'),
});

export interface ImportAssetsResult {
  readonly dryRun: boolean;
  readonly counts: AssetCounts;
}

/**
 * Imports an existing asset register (storage places, media, assets): creates what is new, updates what changed.
 * All or nothing: one wrong row rejects the whole file with every row's issues, and writes nothing. A dry run does
 * the same work and rolls it back.
 */
export const importAssets = defineUseCase({
  name: 'assets.import',
  input: importAssetsInput,
  authorize: allow('assets.import'),
  execute: async (ctx, input, tx) => {
    const { counts, ledger, issues } = await applyAssetFile(ctx, tx, input.data, input.rowNumbers ?? {});
    if (issues.length > 0)
      throw validationError(issues, `asset import rejected: ${String(issues.length)} issues`);
    const digest = createHash('sha256').update(canonicalJson(input.data)).digest('hex');
    return {
      result: { dryRun: input.dryRun, counts },
      ledger: [
        {
          kind: 'assets.import.applied',
          subject: `import:${newId()}`,
          payload: { source: input.source, sha256: digest, counts: counts as unknown as JsonValue },
        },
        ...ledger,
      ],
      commit: !input.dryRun,
    };
  },
});
