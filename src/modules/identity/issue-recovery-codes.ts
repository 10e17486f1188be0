import { z } from 'zod';
import { AppError, defineUseCase, newId } from '../../kernel/index.js';
import { hashRecoveryCode, newRecoveryCodes } from './mfa-secrets.js';
import { confirmedFactors, replaceRecoveryCodes } from './mfa.repository.js';

/** New recovery codes, shown once; the old ones stop working. Needs a confirmed factor to recover. */
export const issueRecoveryCodes = defineUseCase({
  name: 'identity.issueRecoveryCodes',
  input: z.object({}).strict(),
  authorize: (ctx) => {
    if (ctx.actor.accountId === null)
      throw new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });
  },
  execute: async (ctx, _input, tx) => {
    const accountId = ctx.actor.accountId ?? '';
    if ((await confirmedFactors(tx, accountId)).length === 0)
      throw new AppError('conflict', {
        ja: '回復コードは多要素認証を登録してから発行できます。',
        en: 'Recovery codes come after a second factor is enrolled.',
      });
    const now = ctx.clock.now().toISOString();
    const codes = newRecoveryCodes();
    await replaceRecoveryCodes(
      tx,
      accountId,
      codes.map((c) => ({
        id: newId(),
        account_id: accountId,
        code_hash: hashRecoveryCode(c),
        created_at: now,
        used_at: null,
        revoked_at: null,
      })),
      now,
    );
    return {
      result: { recoveryCodes: codes },
      ledger: [
        {
          kind: 'identity.recoveryCodesIssued',
          subject: `account:${accountId}`,
          payload: { count: codes.length },
        },
      ],
    };
  },
});
