import { z } from 'zod';
import { actorRef, defineUseCase, newId, text, validationError } from '../../../kernel/index.js';
import type { ComplianceSetup } from '../compliance-setup.js';
import { insertMapping, listCurrentMappings, supersedeMappings } from '../compliance.repository.js';
import { allow } from '../policy-access.js';
import { requireChecklist, requireItem } from './checklist-access.js';
import { checkClauseIds } from './checklist.model.js';

export const correctChecklistMappingInput = z
  .object({
    itemId: text(20),
    /** The clauses of the standard whose evidence answers the item (empty: the hospital answers it). */
    clauseIds: z.array(text(40)).max(30),
    /** Why the mapping changes. */
    note: z.string().trim().min(5).max(1000),
  })
  .strict();

/**
 * The security office corrects which clauses answer a checklist item. The pack's mapping stays as shipped; the
 * correction is a record of its own (with who and why on the ledger) that takes its place until corrected again.
 */
export const correctChecklistMapping = (setup: ComplianceSetup) =>
  defineUseCase({
    name: 'policy.correctChecklistMapping',
    input: correctChecklistMappingInput,
    authorize: allow('compliance.manage'),
    execute: async (ctx, input, tx) => {
      const checklist = requireChecklist(setup);
      const item = requireItem(checklist, input.itemId);
      const clauseIds = [...new Set(input.clauseIds)];
      const problems = checkClauseIds(setup.pack, clauseIds);
      if (problems.length > 0)
        throw validationError(
          clauseIds.flatMap((id, i) => {
            const p = checkClauseIds(setup.pack, [id]);
            return p.length === 0
              ? []
              : [
                  {
                    field: `clauseIds.${String(i)}`,
                    message: {
                      ja: `条項 ${id} は対策基準の条文（見出し・定義以外）ではありません。`,
                      en: `${p.join('; ')}.`,
                    },
                  },
                ];
          }),
        );
      const previous = (await listCurrentMappings(tx, checklist.name)).find((m) => m.item_id === item.id);
      const before = previous === undefined ? item.clauses : (JSON.parse(previous.clause_ids) as string[]);
      const at = ctx.clock.now().toISOString();
      await supersedeMappings(tx, checklist.name, item.id, at);
      const id = newId();
      await insertMapping(tx, {
        id,
        checklist: checklist.name,
        item_id: item.id,
        clause_ids: JSON.stringify(clauseIds),
        note: input.note,
        recorded_by: actorRef(ctx.actor),
        recorded_at: at,
        superseded_at: null,
      });
      return {
        result: { id, itemId: item.id, clauseIds },
        ledger: [
          {
            kind: 'policy.checklist.remapped',
            subject: `checklistItem:${checklist.name}.${item.id}`,
            payload: { from: [...before], to: clauseIds, note: input.note },
          },
        ],
      };
    },
  });
