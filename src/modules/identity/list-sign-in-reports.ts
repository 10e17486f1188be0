import { z } from 'zod';
import { defineQuery, requirePermission } from '../../kernel/index.js';
import type { SignInReportView } from '../../shared/api-types.js';

const hospitalWideRoles: ReadonlySet<string> = new Set([
  'ciso',
  'securityDirector',
  'committee',
  'auditLead',
  'auditor',
]);

/**
 * "This was not me" reports: the whole hospital for the security office and auditors, and for a Security Manager
 * the reports of their own unit's staff (第6 4(2)(エ) 情報セキュリティ管理者に速やかに報告).
 */
export const listSignInReports = defineQuery({
  name: 'identity.listSignInReports',
  input: z.object({}).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.readReports'),
  execute: async (ctx): Promise<SignInReportView[]> => {
    const rows = await ctx.database.db
      .selectFrom('sign_in_reports')
      .innerJoin('accounts', 'accounts.id', 'sign_in_reports.account_id')
      .leftJoin('staff', 'staff.id', 'accounts.staff_id')
      .select([
        'sign_in_reports.id',
        'accounts.login_id',
        'staff.name_kanji',
        'staff.unit_id',
        'sign_in_reports.attempt_at',
        'sign_in_reports.ip',
        'sign_in_reports.user_agent',
        'sign_in_reports.note',
        'sign_in_reports.status',
        'sign_in_reports.created_at',
      ])
      .orderBy('sign_in_reports.created_at', 'desc')
      .limit(500)
      .execute();
    const wholeHospital =
      ctx.actor.kind === 'system' ||
      ctx.actor.systemRole === 'administrator' ||
      ctx.actor.grants.some((g) => hospitalWideRoles.has(g.role));
    const units = new Set(ctx.actor.grants.filter((g) => g.role === 'securityManager').map((g) => g.unitId));
    return rows
      .filter((r) => wholeHospital || (r.unit_id !== null && units.has(r.unit_id)))
      .map((r) => ({
        id: r.id,
        loginId: r.login_id,
        name: r.name_kanji,
        attemptAt: r.attempt_at,
        ip: r.ip,
        userAgent: r.user_agent,
        note: r.note,
        status: r.status,
        createdAt: r.created_at,
      }));
  },
});
