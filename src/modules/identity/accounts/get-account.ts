import { z } from 'zod';
import { AppError, defineQuery, requirePermission } from '../../../kernel/index.js';
import type { AccountDetail, PersonnelKindCode } from '../../../shared/identity-admin-types.js';
import { activeLockout } from '../attempts.repository.js';
import { classOf } from '../password-profiles.js';
import { loadIdentitySettings } from '../settings.repository.js';
import { todayOf } from './account-inputs.js';
import { accountListItem } from './account-views.js';
import {
  countFactors,
  countOpenSessions,
  findAccountWithPerson,
  sharedUsersOf,
} from './accounts-admin.repository.js';

/** One account in full: kind, profile, status, lockout, the people behind it, and its personnel events. */
export const getAccount = defineQuery({
  name: 'identity.getAccount',
  input: z.object({ accountId: z.string().min(1).max(64) }).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.manageAccounts'),
  execute: async (ctx, input): Promise<AccountDetail> => {
    const db = ctx.database.db;
    const now = ctx.clock.now().toISOString();
    const a = await findAccountWithPerson(db, input.accountId);
    if (a === undefined)
      throw new AppError('notFound', { ja: 'アカウントが見つかりません。', en: 'No such account.' });
    const lock = await activeLockout(db, 'account', a.id, now);
    const profile = (await loadIdentitySettings(db)).profiles[classOf(a)];
    const users = a.kind === 'shared' ? await sharedUsersOf(db, [a.id]) : [];
    const events =
      a.staff_id === null
        ? []
        : await db
            .selectFrom('personnel_events')
            .selectAll()
            .where('staff_id', '=', a.staff_id)
            .orderBy('effective_date', 'desc')
            .execute();
    return {
      ...accountListItem(a, todayOf(ctx), lock !== undefined),
      createdAt: a.created_at,
      displayName: a.display_name,
      purpose: a.purpose,
      owner:
        a.kind === 'development' && a.employee_number !== null
          ? { employeeNumber: a.employee_number, name: a.name_kanji ?? '' }
          : null,
      mustChangePassword: a.must_change_password === 1,
      passwordReason: a.password_reason,
      passwordChangedAt: a.password_changed_at,
      profilePreset: profile.preset,
      lockoutThreshold: profile.lockoutThreshold,
      mfaRequired: profile.mfaRequired,
      failedAttempts: a.failed_attempts,
      lockout:
        lock === undefined
          ? null
          : { startedAt: lock.started_at, until: lock.until, failures: lock.failures },
      mfaFactors: await countFactors(db, a.id),
      openSessions: await countOpenSessions(db, a.id, now),
      privilegedGrantedBy: a.privileged_granted_by,
      privilegedGrantedAt: a.privileged_granted_at,
      sharedUsers: users.map((u) => ({
        employeeNumber: u.employee_number,
        name: u.name_kanji,
        unitNameJa: u.unit_name_ja,
        unitNameEn: u.unit_name_en,
        addedAt: u.added_at,
      })),
      personnelEvents: events.map((e) => ({
        id: e.id,
        kind: e.kind as PersonnelKindCode,
        effectiveDate: e.effective_date,
        status: e.status,
        source: e.source,
        recordedAt: e.recorded_at,
      })),
    };
  },
});
