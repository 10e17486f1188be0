import { calendarDate, type Actor, type AppContext, type SystemRole } from '../../kernel/index.js';
import { findStaffById, resolveCompartments, resolveGrants } from '../org/index.js';
import { findAccountById, findSession, touchSession } from './accounts.repository.js';
import type { SessionStage } from './open-session.js';
import { classOf } from './password-profiles.js';
import type { PasswordReason } from './password-expiry.js';
import { sessionIdOf } from './session-token.js';

export interface AuthenticatedSession {
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly mustChangePassword: boolean;
  readonly passwordReason: PasswordReason | null;
  /** `full` once every required factor is in; `mfa` and `enrol` allow only the second-factor routes. */
  readonly stage: SessionStage;
  /** Until when a privileged ID holds its privileges (7-2(4)); null when not elevated. */
  readonly elevatedUntil: string | null;
  /** The account is a privileged ID (its privileges apply only while elevated). */
  readonly privileged: boolean;
  readonly expiresAt: string;
  readonly actor: Actor;
}

const TOUCH_EVERY_MS = 60_000;

/**
 * The person behind a session cookie, or null when the session is unknown, revoked or expired, or the account is
 * disabled or past its end date. Sliding the idle expiry is bookkeeping of the session itself, not a change of
 * any record, so it writes no ledger entry.
 */
export const authenticateSession = async (
  app: AppContext,
  token: string,
  fallbackIdleMinutes: number,
): Promise<AuthenticatedSession | null> => {
  const db = app.database.db;
  const session = await findSession(db, sessionIdOf(token));
  const nowDate = app.clock.now();
  const now = nowDate.toISOString();
  if (
    !session ||
    session.revoked_at !== null ||
    session.idle_expires_at <= now ||
    session.absolute_expires_at <= now
  )
    return null;
  const account = await findAccountById(db, session.account_id);
  const today = calendarDate(nowDate, app.timeZone);
  if (!account || account.disabled_at !== null || (account.end_date !== null && account.end_date < today))
    return null;
  const idleMinutes = session.idle_minutes ?? fallbackIdleMinutes;
  const idle = new Date(nowDate.getTime() + idleMinutes * 60_000).toISOString();
  const slid = idle < session.absolute_expires_at ? idle : session.absolute_expires_at;
  // Sliding the idle expiry is a durable write (an fsync on SQLite): done at most once a minute per session, so a
  // page's requests only read. The expiry is then up to a minute early, never late.
  const touch = nowDate.getTime() - new Date(session.last_seen_at).getTime() >= TOUCH_EVERY_MS;
  if (touch) await touchSession(db, session.id, now, slid);
  const expiresAt = touch ? slid : session.idle_expires_at;
  const staff = account.staff_id === null ? undefined : await findStaffById(db, account.staff_id);
  // A privileged ID holds its system role only while elevated, for the profile's minutes (7-2(4)); its roles of
  // 第3 (if any) apply as for anyone. Until the second factor is in, nothing beyond the MFA routes answers anyway.
  const privileged = classOf(account) === 'privileged';
  const elevated =
    session.elevated_until !== null && session.elevated_until > now && session.stage === 'full';
  const systemRole = privileged && !elevated ? null : (account.system_role as SystemRole | null);
  const grants = staff ? await resolveGrants(db, staff.id, today) : [];
  // The compartments of the person's section they are a member of (7-1(1)イ).
  const compartments = staff ? await resolveCompartments(db, staff.id, today) : [];
  return {
    sessionId: session.id,
    csrfToken: session.csrf_token,
    mustChangePassword: account.must_change_password === 1,
    passwordReason:
      account.must_change_password === 1 ? (account.password_reason as PasswordReason | null) : null,
    stage: session.stage as SessionStage,
    elevatedUntil: elevated ? session.elevated_until : null,
    privileged,
    expiresAt,
    actor: {
      kind: 'account',
      accountId: account.id,
      staffId: staff?.id ?? null,
      unitId: staff?.unit_id ?? null,
      loginId: account.login_id,
      systemRole,
      category: (staff?.category as Actor['category'] | undefined) ?? null,
      grants,
      compartments,
    },
  };
};
