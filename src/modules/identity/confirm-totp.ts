import { z } from 'zod';
import { defineUseCase } from '../../kernel/index.js';
import { afterConfirm, loadEnrolling, problem, signedIn } from './mfa-confirmation.js';
import { totpStep } from './mfa-secrets.js';
import { findFactor, updateFactor } from './mfa.repository.js';

/** Confirms an authenticator app with a code from it (the factor counts from now on). */
export const confirmTotp = defineUseCase({
  name: 'identity.confirmTotp',
  input: z
    .object({
      sessionId: z.string().length(64),
      factorId: z.string().min(1).max(64),
      code: z.string().max(16),
      ip: z.string().max(64).nullable(),
    })
    .strict(),
  authorize: signedIn,
  execute: async (ctx, input, tx) => {
    const { account, session } = await loadEnrolling(tx, ctx.actor.accountId, input.sessionId);
    const factor = await findFactor(tx, input.factorId);
    if (!factor || factor.account_id !== account.id || factor.kind !== 'totp' || factor.confirmed_at !== null)
      throw problem(
        'factorId',
        '登録中の認証アプリが見つかりません。',
        'No authenticator app is being enrolled.',
      );
    const now = ctx.clock.now();
    const step = totpStep(factor.secret ?? '', input.code, now);
    if (step === null)
      throw problem(
        'code',
        '確認コードが正しくありません。アプリに表示されている6桁を入力してください。',
        'The code is not right. Enter the 6 digits the app shows now.',
      );
    await updateFactor(tx, factor.id, {
      confirmed_at: now.toISOString(),
      last_step: step,
      last_used_at: now.toISOString(),
    });
    return afterConfirm(tx, now.toISOString(), account, session, factor, input.ip);
  },
});
