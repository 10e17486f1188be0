import { z } from 'zod';
import { defineQuery, type Role } from '../../kernel/index.js';
import type { GapReport } from '../../shared/api-types.js';
import { holdersOf, loadOrgSnapshot, managerUnitKinds, officerUnitKinds } from './holders.js';
import { allow, today } from './org-access.js';
import { presentUnit } from './org.presenters.js';
import { listAllStaff } from './staff.repository.js';

/** Pairs of roles that 第3 7 keeps apart, with the clause that says so. */
const conflictingRoles: readonly { a: readonly Role[]; b: readonly Role[]; ja: string; en: string }[] = [
  {
    a: ['auditLead', 'auditor'],
    b: ['ciso', 'securityDirector', 'securityOfficer', 'securityManager', 'securityStaff'],
    ja: '監査を実施する者が監査を受ける役割を兼ねています（第3 7(2)）。',
    en: 'An auditor also holds a role that is audited (3-7(2)).',
  },
  {
    a: ['ciso'],
    b: ['securityDirector'],
    ja: '許可者と申請者となる役割を同じ者が兼ねています（第3 7(1)）。',
    en: 'One person holds both the approving and the requesting role (3-7(1)).',
  },
];

export const buildGapReport = defineQuery({
  name: 'org.buildGapReport',
  input: z.object({}).strict(),
  authorize: allow('org.readReports'),
  execute: async (ctx): Promise<GapReport> => {
    const asOf = today(ctx);
    const snapshot = await loadOrgSnapshot(ctx.database.db, asOf);
    const missingOfficer = snapshot.units.filter(
      (u) => officerUnitKinds.includes(u.kind) && holdersOf(snapshot, 'securityOfficer', u.id).length === 0,
    );
    const missingManager = snapshot.units.filter(
      (u) => managerUnitKinds.includes(u.kind) && holdersOf(snapshot, 'securityManager', u.id).length === 0,
    );
    const rolesByStaff = new Map<string, Set<Role>>();
    for (const h of snapshot.holdings)
      rolesByStaff.set(h.staffId, (rolesByStaff.get(h.staffId) ?? new Set()).add(h.role));
    const names = new Map((await listAllStaff(ctx.database.db)).map((s) => [s.id, s.name_kanji]));
    const conflicts: GapReport['conflicts'] = [];
    for (const [staffId, roles] of rolesByStaff) {
      for (const rule of conflictingRoles) {
        const a = rule.a.filter((r) => roles.has(r));
        const b = rule.b.filter((r) => roles.has(r));
        if (a.length > 0 && b.length > 0) {
          conflicts.push({
            staffId,
            staffName: names.get(staffId) ?? '',
            roles: [...a, ...b],
            reason: { ja: rule.ja, en: rule.en },
          });
        }
      }
    }
    return {
      asOf,
      missingOfficer: missingOfficer.map((u) => presentUnit(u)),
      missingManager: missingManager.map((u) => presentUnit(u)),
      conflicts,
    };
  },
});
