import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson, defineUseCase, newId, type JsonValue, type LedgerDraft } from '../../kernel/index.js';
import { applyOrgData, type OrgCounts } from './apply/apply-org-data.js';
import { allow } from './org-access.js';
import {
  assignmentRowSchema,
  delegationRowSchema,
  orgSheets,
  positionRowSchema,
  staffRowSchema,
  unitRowSchema,
} from './org.schema.js';

export const importOrgInput = z
  .object({
    data: z
      .object({
        units: z.array(unitRowSchema).default([]),
        positions: z.array(positionRowSchema).default([]),
        staff: z.array(staffRowSchema).default([]),
        assignments: z.array(assignmentRowSchema).default([]),
        delegations: z.array(delegationRowSchema).default([]),
      })
      .strict(),
    rowNumbers: z.partialRecord(z.enum(orgSheets), z.array(z.number().int().min(1))).optional(),
    dryRun: z.boolean().default(false),
    source: z.string().max(200).default('api'),
  })
  .strict();

export interface ImportOrgResult {
  readonly dryRun: boolean;
  readonly counts: OrgCounts;
}

/**
 * Imports units, positions, staff, role assignments and delegations: creates what is new, updates what changed,
 * and leaves the rest. All or nothing: one wrong row rejects the whole file with every row's issues. A dry run
 * does the same work and rolls it back.
 */
export const importOrg = defineUseCase({
  name: 'org.import',
  input: importOrgInput,
  authorize: allow('org.manage'),
  execute: async (ctx, input, tx) => {
    const now = ctx.clock.now().toISOString();
    const { counts, ledger } = await applyOrgData(tx, now, input.data, {
      mode: 'upsert',
      rowNumbers: input.rowNumbers,
      withRows: true,
    });
    const digest = createHash('sha256').update(canonicalJson(input.data)).digest('hex');
    const summary: LedgerDraft = {
      kind: 'org.import.applied',
      subject: `import:${newId()}`,
      payload: { source: input.source, sha256: digest, counts: counts as unknown as JsonValue },
    };
    return { result: { dryRun: input.dryRun, counts }, ledger: [summary, ...ledger], commit: !input.dryRun };
  },
});
