import type { AppContext } from '../../kernel/index.js';
import type { SessionView } from '../../shared/api-types.js';
import { findStaffById, findUnitById } from '../org/index.js';
import { previousSession } from './accounts.repository.js';
import type { AuthenticatedSession } from './authenticate-session.js';

/** What the signed-in person sees about themselves: name, unit, roles, and the previous sign-in (7-2(2)). */
export const getSessionView = async (
  app: AppContext,
  session: AuthenticatedSession,
): Promise<SessionView> => {
  const db = app.database.db;
  const { actor } = session;
  const staff = actor.staffId === null ? undefined : await findStaffById(db, actor.staffId);
  const unit = staff ? await findUnitById(db, staff.unit_id) : undefined;
  const unitNames = new Map<string, { ja: string; en: string }>();
  for (const grant of actor.grants) {
    if (grant.unitId !== null && !unitNames.has(grant.unitId)) {
      const u = await findUnitById(db, grant.unitId);
      if (u) unitNames.set(grant.unitId, { ja: u.name_ja, en: u.name_en });
    }
  }
  const previous = await previousSession(db, actor.accountId ?? '', session.sessionId);
  return {
    account: {
      id: actor.accountId ?? '',
      loginId: actor.loginId,
      displayName: staff?.name_kanji ?? actor.loginId,
      mustChangePassword: session.mustChangePassword,
      systemRole: actor.systemRole,
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
    csrfToken: session.csrfToken,
    previousSignIn: previous
      ? { at: previous.created_at, ip: previous.ip, userAgent: previous.user_agent }
      : null,
    expiresAt: session.expiresAt,
  };
};
