import { z } from 'zod';
import { actorRef, calendarDateSchema, defineUseCase, newId, text } from '../../../kernel/index.js';
import type { ComplianceSetup } from '../compliance-setup.js';
import { insertAnswer, supersedeAnswers } from '../compliance.repository.js';
import { allow, today } from '../policy-access.js';
import { requireChecklist, requireItem } from './checklist-access.js';

const answerFields = {
  answer: z.enum(['yes', 'no']),
  /** 確認日; today when absent. */
  confirmedOn: calendarDateSchema.optional(),
  /** 目標日: when a "no" is to become a "yes". */
  targetDate: calendarDateSchema.nullish(),
  /** How it was confirmed (document, inspection, contractor's answer). */
  note: z.string().trim().min(5).max(1000),
};

const targetOnlyForNo = (v: { answer: 'yes' | 'no'; targetDate?: string | null | undefined }): boolean =>
  v.answer === 'no' || v.targetDate === undefined || v.targetDate === null;
const targetMessage = {
  path: ['targetDate'],
  params: { ja: '目標日は「いいえ」のときだけ記入します。', en: 'A target date goes with a "no" only.' },
};

/** The body of the HTTP request (the item is in the path). */
export const recordChecklistAnswerBody = z.object(answerFields).strict().refine(targetOnlyForNo, targetMessage);
export const recordChecklistAnswerInput = z
  .object({ itemId: text(20), ...answerFields })
  .strict()
  .refine(targetOnlyForNo, targetMessage);

/**
 * The security office's answer to a checklist item that no module evidences yet (or its 目標日 for a "no"). A
 * computed answer always wins over a recorded one; the recorded one is kept, superseded, never deleted.
 */
export const recordChecklistAnswer = (setup: ComplianceSetup) =>
  defineUseCase({
    name: 'policy.recordChecklistAnswer',
    input: recordChecklistAnswerInput,
    authorize: allow('compliance.manage'),
    execute: async (ctx, input, tx) => {
      const checklist = requireChecklist(setup);
      const item = requireItem(checklist, input.itemId);
      const at = ctx.clock.now().toISOString();
      const confirmedOn = input.confirmedOn ?? today(ctx);
      await supersedeAnswers(tx, checklist.name, item.id, at);
      const id = newId();
      await insertAnswer(tx, {
        id,
        checklist: checklist.name,
        item_id: item.id,
        answer: input.answer,
        confirmed_on: confirmedOn,
        target_date: input.targetDate ?? null,
        note: input.note,
        recorded_by: actorRef(ctx.actor),
        recorded_at: at,
        superseded_at: null,
      });
      return {
        result: { id, itemId: item.id, answer: input.answer, confirmedOn },
        ledger: [
          {
            kind: 'policy.checklist.answered',
            subject: `checklistItem:${checklist.name}.${item.id}`,
            payload: {
              answer: input.answer,
              confirmedOn,
              targetDate: input.targetDate ?? null,
              note: input.note,
            },
          },
        ],
      };
    },
  });
