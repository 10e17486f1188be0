import { verifyAuthenticationResponse } from '@simplewebauthn/server';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { AccountTable, SessionTable, Tx } from '../../kernel/index.js';
import { looksLikeRecoveryCode, matchRecoveryCode, totpStep } from './mfa-secrets.js';
import { activeRecoveryCodes, confirmedFactors, updateFactor, useRecoveryCode } from './mfa.repository.js';
import { updateSessionRow } from './sessions.repository.js';

/** Who the browser must be talking to for WebAuthn: the relying party's id (host name) and origin. */
export interface RelyingParty {
  readonly rpId: string;
  readonly origin: string;
  readonly name: string;
}

/** A second factor as given: a code typed in (TOTP or a recovery code), or a WebAuthn assertion. */
export type SecondFactorProof =
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'webauthn'; readonly response: AuthenticationResponseJSON };

export type SecondFactorCheck =
  | { readonly result: 'ok'; readonly method: 'totp' | 'recovery' | 'webauthn'; readonly factorId: string }
  | { readonly result: 'wrong' }
  | { readonly result: 'none' };

/**
 * Checks a second factor against the account's confirmed factors, and records its use: the TOTP step (a code is
 * good once), the recovery code (used up), the authenticator's signature counter. The WebAuthn challenge is the
 * one stored on the session, and is cleared whatever the outcome.
 */
export const checkSecondFactor = async (
  tx: Tx,
  account: AccountTable,
  session: SessionTable,
  proof: SecondFactorProof,
  rp: RelyingParty,
  now: Date,
): Promise<SecondFactorCheck> => {
  const factors = await confirmedFactors(tx, account.id);
  const at = now.toISOString();
  if (proof.kind === 'code') {
    for (const factor of factors.filter((f) => f.kind === 'totp' && f.secret !== null)) {
      const step = totpStep(factor.secret ?? '', proof.code, now);
      if (step !== null && (factor.last_step === null || step > factor.last_step)) {
        await updateFactor(tx, factor.id, { last_step: step, last_used_at: at });
        return { result: 'ok', method: 'totp', factorId: factor.id };
      }
    }
    if (looksLikeRecoveryCode(proof.code)) {
      const code = matchRecoveryCode(await activeRecoveryCodes(tx, account.id), proof.code);
      if (code) {
        await useRecoveryCode(tx, code.id, at);
        return { result: 'ok', method: 'recovery', factorId: code.id };
      }
    }
    return factors.length === 0 ? { result: 'none' } : { result: 'wrong' };
  }
  const challenge = session.challenge;
  await updateSessionRow(tx, session.id, { challenge: null });
  const factor = factors.find((f) => f.kind === 'webauthn' && f.credential_id === proof.response.id);
  if (!factor || challenge === null || factor.public_key === null) return { result: 'wrong' };
  try {
    const verified = await verifyAuthenticationResponse({
      response: proof.response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpId,
      credential: {
        id: factor.credential_id ?? '',
        publicKey: new Uint8Array(Buffer.from(factor.public_key, 'base64url')),
        counter: factor.counter,
        ...(factor.transports === null ? {} : { transports: factor.transports.split(',') }),
      },
      requireUserVerification: false,
    });
    if (!verified.verified) return { result: 'wrong' };
    await updateFactor(tx, factor.id, { counter: verified.authenticationInfo.newCounter, last_used_at: at });
    return { result: 'ok', method: 'webauthn', factorId: factor.id };
  } catch {
    return { result: 'wrong' };
  }
};
