import { verifyRegistrationResponse } from '@simplewebauthn/server';
import { z } from 'zod';
import { defineUseCase, newId, text } from '../../kernel/index.js';
import { afterConfirm, loadEnrolling, problem, signedIn } from './mfa-confirmation.js';
import { attestationSchema, rpSchema } from './mfa-inputs.js';
import { insertFactor } from './mfa.repository.js';
import { updateSessionRow } from './sessions.repository.js';

/** Registers a security key or passkey from the browser's answer to the stored challenge. */
export const registerWebauthn = defineUseCase({
  name: 'identity.registerWebauthn',
  input: z
    .object({
      sessionId: z.string().length(64),
      label: text(60),
      response: attestationSchema,
      rp: rpSchema,
      ip: z.string().max(64).nullable(),
    })
    .strict(),
  authorize: signedIn,
  execute: async (ctx, input, tx) => {
    const { account, session } = await loadEnrolling(tx, ctx.actor.accountId, input.sessionId);
    const challenge = session.challenge;
    await updateSessionRow(tx, session.id, { challenge: null });
    if (challenge === null)
      throw problem('response', '登録の手順をやり直してください。', 'Start the registration again.');
    let info;
    try {
      const verified = await verifyRegistrationResponse({
        response: input.response,
        expectedChallenge: challenge,
        expectedOrigin: input.rp.origin,
        expectedRPID: input.rp.rpId,
        requireUserVerification: false,
      });
      info = verified.verified ? verified.registrationInfo : undefined;
    } catch {
      info = undefined;
    }
    if (info === undefined)
      throw problem(
        'response',
        'セキュリティキーの応答を確認できませんでした。',
        'The security key’s answer could not be verified.',
      );
    const taken = await tx
      .selectFrom('mfa_factors')
      .select('id')
      .where('credential_id', '=', info.credential.id)
      .executeTakeFirst();
    if (taken)
      throw problem(
        'response',
        'このセキュリティキーは登録済みです。',
        'This security key is already registered.',
      );
    const now = ctx.clock.now().toISOString();
    const id = newId();
    await insertFactor(tx, {
      id,
      account_id: account.id,
      kind: 'webauthn',
      label: input.label,
      secret: null,
      credential_id: info.credential.id,
      public_key: Buffer.from(info.credential.publicKey).toString('base64url'),
      counter: info.credential.counter,
      transports: info.credential.transports?.join(',') ?? null,
      last_step: null,
      created_at: now,
      confirmed_at: now,
      last_used_at: null,
      revoked_at: null,
    });
    return afterConfirm(tx, now, account, session, { id, kind: 'webauthn', label: input.label }, input.ip);
  },
});
