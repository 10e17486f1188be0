import {
  newId,
  type AccountTable,
  type LedgerDraft,
  type SessionTable,
  type Tx,
} from '../../kernel/index.js';
import { updateAccountRow } from './accounts.repository.js';
import { insertAttempt } from './attempts.repository.js';
import { rotateSession, type OpenedSession } from './open-session.js';
import type { PasswordProfile } from './password-profiles.js';

/**
 * The second step is in (a factor checked, or one enrolled): the sign-in succeeds now. Records the successful
 * attempt (the one the next notice after sign-in will show, 7-2(2)), resets the failure count, and replaces the
 * session by a full one on a new token (no session fixation across the change of privilege).
 */
export const finishSignIn = async (
  tx: Tx,
  fields: {
    readonly account: AccountTable;
    readonly session: SessionTable;
    readonly profile: PasswordProfile;
    readonly method: string;
    readonly ip: string | null;
    readonly now: string;
  },
): Promise<{ opened: OpenedSession; ledger: LedgerDraft }> => {
  const { account, session, profile, now } = fields;
  const attemptId = newId();
  // The first step was a password or the hospital's single sign-on (oidc).
  const methods = `${session.methods ?? 'password'}+${fields.method}`;
  await insertAttempt(tx, {
    id: attemptId,
    at: now,
    login_id: account.login_id,
    account_id: account.id,
    ip: fields.ip ?? session.ip,
    user_agent: session.user_agent,
    outcome: 'success',
    method: methods,
  });
  await updateAccountRow(tx, account.id, { last_sign_in_at: now, failed_attempts: 0 });
  const idle = new Date(new Date(now).getTime() + profile.idleMinutes * 60_000).toISOString();
  const opened = await rotateSession(tx, { ...session, attempt_id: attemptId }, now, {
    stage: 'full',
    methods,
    idle_minutes: profile.idleMinutes,
    idle_expires_at: idle < session.absolute_expires_at ? idle : session.absolute_expires_at,
  });
  return {
    opened,
    ledger: {
      kind: 'identity.signedIn',
      subject: `account:${account.id}`,
      payload: {
        ip: fields.ip ?? session.ip,
        userAgent: session.user_agent,
        attempt: attemptId,
        stage: 'full',
        methods,
      },
    },
  };
};
