import type { AccountTable, SessionTable, Tx } from '../../kernel/index.js';
import { insertSession } from './accounts.repository.js';
import type { PasswordProfile } from './password-profiles.js';
import { newCsrfToken, newSessionToken } from './session-token.js';

export type SessionStage = 'full' | 'mfa' | 'enrol';

export const addMinutes = (iso: string, minutes: number): string =>
  new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();

export interface OpenedSession {
  readonly token: string;
  readonly sessionId: string;
}

/**
 * A new server-side session with a fresh random token (never one the browser brought: no session fixation), its
 * own CSRF token, and the idle and absolute limits of the account's profile (7-2(4) for privileged IDs).
 */
export const openSession = async (
  tx: Tx,
  account: Pick<AccountTable, 'id'>,
  profile: PasswordProfile,
  fields: {
    readonly now: string;
    readonly stage: SessionStage;
    readonly methods: string;
    readonly ip: string | null;
    readonly userAgent: string | null;
    readonly attemptId: string | null;
    /** A second step keeps the first step's absolute limit. */
    readonly absoluteExpiresAt?: string;
  },
): Promise<OpenedSession> => {
  const { token, id } = newSessionToken();
  const absolute = fields.absoluteExpiresAt ?? addMinutes(fields.now, profile.absoluteMinutes);
  const idle = addMinutes(fields.now, fields.stage === 'full' ? profile.idleMinutes : 10);
  await insertSession(tx, {
    id,
    account_id: account.id,
    csrf_token: newCsrfToken(),
    created_at: fields.now,
    last_seen_at: fields.now,
    idle_expires_at: idle < absolute ? idle : absolute,
    absolute_expires_at: absolute,
    revoked_at: null,
    ip: fields.ip,
    user_agent: fields.userAgent,
    stage: fields.stage,
    idle_minutes: fields.stage === 'full' ? profile.idleMinutes : 10,
    elevated_until: null,
    methods: fields.methods,
    challenge: null,
    attempt_id: fields.attemptId,
    end_reason: null,
  });
  return { token, sessionId: id };
};

/**
 * Replaces a session by a new one with a fresh token and CSRF token, keeping its limits and history, and ends the
 * old one: done at every change of privilege (second factor, elevation, password change) so that a token seen
 * before the change is worth nothing after it (session fixation).
 */
export const rotateSession = async (
  tx: Tx,
  old: SessionTable,
  now: string,
  changes: Partial<
    Pick<SessionTable, 'stage' | 'elevated_until' | 'methods' | 'idle_minutes' | 'idle_expires_at'>
  >,
): Promise<OpenedSession> => {
  const { token, id } = newSessionToken();
  await insertSession(tx, {
    ...old,
    ...changes,
    id,
    csrf_token: newCsrfToken(),
    last_seen_at: now,
    challenge: null,
    revoked_at: null,
    end_reason: null,
  });
  await tx
    .updateTable('sessions')
    .set({ revoked_at: now, end_reason: 'rotated' })
    .where('id', '=', old.id)
    .execute();
  return { token, sessionId: id };
};
