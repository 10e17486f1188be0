import { generateAuthenticationOptions, generateRegistrationOptions } from '@simplewebauthn/server';
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { AppError, type AppContext } from '../../kernel/index.js';
import { findAccountById, findSession } from './accounts.repository.js';
import { confirmedFactors } from './mfa.repository.js';
import type { RelyingParty } from './second-factor.js';
import { updateSessionRow } from './sessions.repository.js';

/*
 * WebAuthn challenges live on the server-side session row until the browser answers. Storing one is bookkeeping
 * of the session itself (like sliding its idle expiry), not a change of any record, so it writes no ledger entry;
 * the registration or sign-in that uses it does.
 */

const sessionOf = async (app: AppContext, sessionId: string, accountId: string) => {
  const session = await findSession(app.database.db, sessionId);
  const account = await findAccountById(app.database.db, accountId);
  if (!session || !account || session.account_id !== account.id)
    throw new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });
  return { session, account };
};

/** Options for registering a security key or passkey (no attestation asked: any authenticator is welcome). */
export const webauthnRegistrationOptions = async (
  app: AppContext,
  sessionId: string,
  accountId: string,
  rp: RelyingParty,
): Promise<PublicKeyCredentialCreationOptionsJSON> => {
  const { session, account } = await sessionOf(app, sessionId, accountId);
  if (session.stage === 'mfa')
    throw new AppError('forbidden', {
      ja: '確認コードを入力してから登録してください。',
      en: 'Give your second factor before enrolling another.',
    });
  const existing = (await confirmedFactors(app.database.db, account.id)).filter((f) => f.kind === 'webauthn');
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.rpId,
    userName: account.login_id,
    userID: new Uint8Array(Buffer.from(account.id, 'utf8')),
    attestationType: 'none',
    excludeCredentials: existing.map((f) => ({ id: f.credential_id ?? '' })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await updateSessionRow(app.database.db, session.id, { challenge: options.challenge });
  return options;
};

/** Options for proving a registered key (the second step of a sign-in, or an elevation). */
export const webauthnAuthenticationOptions = async (
  app: AppContext,
  sessionId: string,
  accountId: string,
  rp: RelyingParty,
): Promise<PublicKeyCredentialRequestOptionsJSON> => {
  const { session, account } = await sessionOf(app, sessionId, accountId);
  const keys = (await confirmedFactors(app.database.db, account.id)).filter((f) => f.kind === 'webauthn');
  if (keys.length === 0) {
    const message = { ja: 'セキュリティキーが登録されていません。', en: 'No security key is registered.' };
    throw new AppError('validation', message, { issues: [{ field: 'webauthn', message }] });
  }
  const options = await generateAuthenticationOptions({
    rpID: rp.rpId,
    allowCredentials: keys.map((f) => ({
      id: f.credential_id ?? '',
      ...(f.transports === null ? {} : { transports: f.transports.split(',') }),
    })),
    userVerification: 'preferred',
  });
  await updateSessionRow(app.database.db, session.id, { challenge: options.challenge });
  return options;
};
