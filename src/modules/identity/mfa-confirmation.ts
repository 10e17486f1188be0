import {
  AppError,
  newId,
  type AccountTable,
  type LedgerDraft,
  type SessionTable,
  type Tx,
} from '../../kernel/index.js';
import { findAccountById, findSession } from './accounts.repository.js';
import { finishSignIn } from './finish-sign-in.js';
import { hashRecoveryCode, newRecoveryCodes } from './mfa-secrets.js';
import { activeRecoveryCodes, replaceRecoveryCodes } from './mfa.repository.js';
import { classOf } from './password-profiles.js';
import { loadIdentitySettings } from './settings.repository.js';

export const problem = (field: string, ja: string, en: string): AppError => {
  const message = { ja, en };
  return new AppError('validation', message, { issues: [{ field, message }] });
};

export interface ConfirmedFactor {
  readonly factorId: string;
  /** Shown once when the account had none. */
  readonly recoveryCodes: string[] | null;
  /** A new session token when this enrolment completed a sign-in (stage enrol). */
  readonly token: string | null;
}

/** After a factor is confirmed: recovery codes if the account has none, and the end of an enrolment sign-in. */
export const afterConfirm = async (
  tx: Tx,
  now: string,
  account: AccountTable,
  session: SessionTable,
  factor: { id: string; kind: string; label: string },
  ip: string | null,
): Promise<{ result: ConfirmedFactor; ledger: [LedgerDraft, ...LedgerDraft[]] }> => {
  const ledger: [LedgerDraft, ...LedgerDraft[]] = [
    {
      kind: 'identity.mfaEnrolled',
      subject: `account:${account.id}`,
      payload: { factor: factor.id, kind: factor.kind, label: factor.label },
    },
  ];
  let recoveryCodes: string[] | null = null;
  if ((await activeRecoveryCodes(tx, account.id)).length === 0) {
    recoveryCodes = newRecoveryCodes();
    await replaceRecoveryCodes(
      tx,
      account.id,
      recoveryCodes.map((c) => ({
        id: newId(),
        account_id: account.id,
        code_hash: hashRecoveryCode(c),
        created_at: now,
        used_at: null,
        revoked_at: null,
      })),
      now,
    );
    ledger.push({
      kind: 'identity.recoveryCodesIssued',
      subject: `account:${account.id}`,
      payload: { count: 10 },
    });
  }
  let token: string | null = null;
  if (session.stage === 'enrol') {
    const profile = (await loadIdentitySettings(tx)).profiles[classOf(account)];
    const done = await finishSignIn(tx, { account, session, profile, method: factor.kind, ip, now });
    token = done.opened.token;
    ledger.push(done.ledger);
  }
  return { result: { factorId: factor.id, recoveryCodes, token }, ledger };
};

export const loadEnrolling = async (tx: Tx, accountId: string | null, sessionId: string) => {
  const account = await findAccountById(tx, accountId ?? '');
  const session = await findSession(tx, sessionId);
  if (!account || !session || session.account_id !== account.id || session.stage === 'mfa')
    throw new AppError('forbidden', {
      ja: '確認コードを入力してから登録してください。',
      en: 'Give your second factor before enrolling another.',
    });
  return { account, session };
};

export const signedIn = (ctx: { actor: { accountId: string | null } }): void => {
  if (ctx.actor.accountId === null)
    throw new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });
};
