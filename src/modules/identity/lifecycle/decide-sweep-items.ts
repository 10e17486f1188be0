import { z } from 'zod';
import {
  AppError,
  actorRef,
  defineUseCase,
  optionalText,
  requirePermission,
  validationError,
  type LedgerDraft,
} from '../../../kernel/index.js';
import { findAccountById } from '../accounts.repository.js';
import { classOf } from '../password-profiles.js';
import { refuseContractor } from '../privileged-guard.js';
import { disableAccount } from './account-changes.js';
import { inSweepScope, sweepUnitsOf } from './sweep-scope.js';
import { decideSweepItemRow, findSweepItems } from './sweep.repository.js';

export const decideSweepItemsInput = z
  .object({
    itemIds: z.array(z.string().min(1).max(64)).min(1).max(500),
    decision: z.enum(['disable', 'keep']),
    note: optionalText(500),
  })
  .strict()
  .refine((v) => v.decision === 'disable' || v.note !== null, {
    path: ['note'],
    params: {
      ja: '使い続ける理由を入力してください（長期の休暇など）。',
      en: 'Say why the ID stays (for example, long leave).',
    },
  });

/**
 * The Security Manager confirms sweep candidates of their section (the Director, any): disabled at once, or
 * kept with the reason; each decision is on the ledger. Nobody decides about their own ID (第3 7).
 */
export const decideSweepItems = defineUseCase({
  name: 'identity.decideSweepItems',
  input: decideSweepItemsInput,
  authorize: async (ctx, input, tx) => {
    requirePermission(ctx.actor, 'identity.sweep');
    const scope = sweepUnitsOf(ctx.actor);
    for (const item of await findSweepItems(tx, input.itemIds)) {
      if (!inSweepScope(scope, item.unit_id))
        throw new AppError('forbidden', {
          ja: '所管する科課室等のIDについてのみ判断できます。',
          en: 'You decide only about the IDs of the units you manage.',
        });
      if (item.account_id === ctx.actor.accountId)
        throw new AppError('forbidden', {
          ja: '自分のIDについては判断できません（第3 7）。',
          en: 'You cannot decide about your own ID (第3 7).',
        });
    }
  },
  execute: async (ctx, input, tx) => {
    const items = await findSweepItems(tx, input.itemIds);
    const missing = input.itemIds.filter((id) => !items.some((i) => i.id === id));
    const decided = items.filter((i) => i.decision !== null);
    if (missing.length > 0 || decided.length > 0)
      throw validationError([
        {
          field: 'itemIds',
          message:
            missing.length > 0
              ? { ja: '点検の対象が見つかりません。', en: 'No such sweep item.' }
              : { ja: '既に判断済みの対象が含まれています。', en: 'Some items are decided already.' },
        },
      ]);
    const now = ctx.clock.now().toISOString();
    const ledger: LedgerDraft[] = [];
    for (const item of items) {
      const account = await findAccountById(tx, item.account_id);
      if (account === undefined) continue;
      if (input.decision === 'disable') {
        if (classOf(account) === 'privileged') refuseContractor(ctx.actor);
        ledger.push(...(await disableAccount(tx, account, 'sweep', now, { sweepItem: item.id })));
      }
      await decideSweepItemRow(tx, item.id, {
        decision: input.decision,
        decided_at: now,
        decided_by: actorRef(ctx.actor),
        note: input.note,
      });
      ledger.push({
        kind: 'identity.sweepItemDecided',
        subject: `account:${item.account_id}`,
        payload: {
          sweep: `idSweep:${item.sweep_id}`,
          item: item.id,
          loginId: account.login_id,
          reason: item.reason,
          decision: input.decision,
          note: input.note,
        },
      });
    }
    const [first, ...rest] = ledger;
    if (first === undefined)
      throw validationError([
        { field: 'itemIds', message: { ja: '対象がありません。', en: 'Nothing to decide.' } },
      ]);
    return { result: { decided: items.length }, ledger: [first, ...rest] };
  },
});
