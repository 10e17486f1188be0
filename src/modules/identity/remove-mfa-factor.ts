import { z } from 'zod';
import { AppError, defineUseCase } from '../../kernel/index.js';
import { profileOf } from './account-row.js';
import { findAccountById } from './accounts.repository.js';
import { confirmedFactors, findFactor, updateFactor } from './mfa.repository.js';

/** Removes one of one's own factors; the last one stays while the profile requires MFA (privileged IDs). */
export const removeMfaFactor = defineUseCase({
  name: 'identity.removeMfaFactor',
  input: z.object({ factorId: z.string().min(1).max(64) }).strict(),
  authorize: (ctx) => {
    if (ctx.actor.accountId === null)
      throw new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });
  },
  execute: async (ctx, input, tx) => {
    const account = await findAccountById(tx, ctx.actor.accountId ?? '');
    const factor = await findFactor(tx, input.factorId);
    if (!account || !factor || factor.account_id !== account.id || factor.revoked_at !== null) {
      const message = { ja: 'その認証要素は見つかりません。', en: 'No such factor of yours.' };
      throw new AppError('validation', message, { issues: [{ field: 'factorId', message }] });
    }
    const others = (await confirmedFactors(tx, account.id)).filter((f) => f.id !== factor.id);
    if (factor.confirmed_at !== null && others.length === 0 && (await profileOf(tx, account)).mfaRequired) {
      const message = {
        ja: 'このIDには多要素認証が必要なため、最後の認証要素は削除できません。先に別の要素を登録してください。',
        en: 'This ID requires multi-factor authentication: register another factor before removing the last one.',
      };
      throw new AppError('validation', message, { issues: [{ field: 'factorId', message }] });
    }
    await updateFactor(tx, factor.id, { revoked_at: ctx.clock.now().toISOString() });
    return {
      result: undefined,
      ledger: [
        {
          kind: 'identity.mfaRemoved',
          subject: `account:${account.id}`,
          payload: { factor: factor.id, kind: factor.kind, label: factor.label },
        },
      ],
    };
  },
});
