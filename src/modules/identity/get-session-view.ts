import { AppError, type Actor, type AppContext } from '../../kernel/index.js';
import type { SessionView } from '../../shared/api-types.js';
import { findStaffById, findUnitById } from '../org/index.js';
import { findAccountById, findSession, previousSession } from './accounts.repository.js';
import { failuresBetween, findAttempt, lastSuccessBefore } from './attempts.repository.js';
import { passwordDueAt, type PasswordReason } from './password-expiry.js';
import { classOf, MAX_PASSWORD_LENGTH } from './password-profiles.js';
import { loadIdentitySettings } from './settings.repository.js';

/**
 * What the signed-in person sees about themselves: name, unit, roles, the previous sign-in (7-2(2)), and the
 * password rules of their account class with the reason a change is due (6-4(2)(オ)(キ)).
 */
export const getSessionView = async (
  app: AppContext,
  current: { readonly sessionId: string; readonly actor: Actor; readonly expiresAt: string },
): Promise<SessionView> => {
  const db = app.database.db;
  const { actor } = current;
  const session = await findSession(db, current.sessionId);
  const account = await findAccountById(db, actor.accountId ?? '');
  if (!session || !account)
    throw new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });
  const staff = actor.staffId === null ? undefined : await findStaffById(db, actor.staffId);
  const unit = staff ? await findUnitById(db, staff.unit_id) : undefined;
  const unitNames = new Map<string, { ja: string; en: string }>();
  for (const grant of actor.grants) {
    if (grant.unitId !== null && !unitNames.has(grant.unitId)) {
      const u = await findUnitById(db, grant.unitId);
      if (u) unitNames.set(grant.unitId, { ja: u.name_ja, en: u.name_en });
    }
  }
  // 第7 2(2): the previous successful sign-in before this session's, and the failures since it.
  const currentAttempt = session.attempt_id === null ? undefined : await findAttempt(db, session.attempt_id);
  const before = currentAttempt?.at ?? session.created_at;
  const previous = await lastSuccessBefore(db, account.id, before, session.attempt_id);
  const failures = await failuresBetween(db, account.id, previous?.at ?? null, before);
  const legacy = previous ? undefined : await previousSession(db, account.id, session.id);
  const accountClass = classOf(account);
  const profile = (await loadIdentitySettings(db)).profiles[accountClass];
  const mustChangePassword = account.must_change_password === 1;
  return {
    account: {
      id: account.id,
      loginId: actor.loginId,
      displayName: staff?.name_kanji ?? account.display_name ?? actor.loginId,
      mustChangePassword,
      systemRole: account.system_role === 'administrator' ? 'administrator' : null,
      category: actor.category,
      unit: unit ? { id: unit.id, nameJa: unit.name_ja, nameEn: unit.name_en } : null,
      roles: actor.grants.map((g) => ({
        role: g.role,
        unitId: g.unitId,
        unitNameJa: g.unitId === null ? null : (unitNames.get(g.unitId)?.ja ?? null),
        unitNameEn: g.unitId === null ? null : (unitNames.get(g.unitId)?.en ?? null),
        via: g.via,
      })),
    },
    csrfToken: session.csrf_token,
    previousSignIn: previous
      ? { at: previous.at, ip: previous.ip, userAgent: previous.user_agent, attemptId: previous.id }
      : legacy
        ? { at: legacy.created_at, ip: legacy.ip, userAgent: legacy.user_agent }
        : null,
    expiresAt: current.expiresAt,
    passwordReason: mustChangePassword
      ? ((account.password_reason as PasswordReason | null) ?? 'temporary')
      : null,
    accountClass,
    passwordRules: {
      preset: profile.preset,
      minLength: profile.minLength,
      maxLength: MAX_PASSWORD_LENGTH,
      requireMixed: profile.requireMixed,
      blocklist: profile.blocklist,
      rejectPersonalInfo: profile.rejectPersonalInfo,
      historyCount: profile.historyCount,
      maxAgeDays: profile.maxAgeDays,
      maxSignIns: profile.maxSignIns,
      mfaRequired: profile.mfaRequired,
    },
    passwordDueAt: account.source === 'local' ? passwordDueAt(profile, account) : null,
    failedSincePrevious: failures
      .filter((f) => f.id !== session.attempt_id)
      .map((f) => ({ attemptId: f.id, at: f.at, ip: f.ip, userAgent: f.user_agent, outcome: f.outcome })),
    stage: session.stage as SessionView['stage'],
    privileged: accountClass === 'privileged',
    elevationMinutes: profile.elevationMinutes,
    elevatedUntil:
      session.elevated_until !== null && session.elevated_until > app.clock.now().toISOString()
        ? session.elevated_until
        : null,
  };
};
