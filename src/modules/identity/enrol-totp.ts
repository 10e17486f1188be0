import { renderSVG } from 'uqr';
import { z } from 'zod';
import { AppError, defineUseCase, newId, text } from '../../kernel/index.js';
import { findAccountById, findSession } from './accounts.repository.js';
import { newTotpSecret, totpUri } from './mfa-secrets.js';
import { insertFactor } from './mfa.repository.js';

/**
 * Starts enrolling an authenticator app: a new secret, shown once as a QR code and as text. The factor counts only
 * once a code from the app confirms it. The secret never goes into the ledger or the logs.
 */
export const enrolTotp = defineUseCase({
  name: 'identity.enrolTotp',
  input: z.object({ sessionId: z.string().length(64), label: text(60) }).strict(),
  authorize: (ctx) => {
    if (ctx.actor.accountId === null)
      throw new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });
  },
  execute: async (ctx, input, tx) => {
    const account = await findAccountById(tx, ctx.actor.accountId ?? '');
    const session = await findSession(tx, input.sessionId);
    if (!account || !session || session.account_id !== account.id || session.stage === 'mfa')
      throw new AppError('forbidden', {
        ja: '確認コードを入力してから登録してください。',
        en: 'Give your second factor before enrolling another.',
      });
    const id = newId();
    const secret = newTotpSecret();
    await insertFactor(tx, {
      id,
      account_id: account.id,
      kind: 'totp',
      label: input.label,
      secret,
      credential_id: null,
      public_key: null,
      counter: 0,
      transports: null,
      last_step: null,
      created_at: ctx.clock.now().toISOString(),
      confirmed_at: null,
      last_used_at: null,
      revoked_at: null,
    });
    const uri = totpUri(
      secret,
      account.login_id,
      ctx.hospitalName.en === '' ? 'Mamori' : `Mamori (${ctx.hospitalName.en})`,
    );
    return {
      result: { factorId: id, secret, uri, qrSvg: renderSVG(uri) },
      ledger: [
        {
          kind: 'identity.mfaEnrolmentStarted',
          subject: `account:${account.id}`,
          payload: { factor: id, kind: 'totp', label: input.label },
        },
      ],
    };
  },
});
