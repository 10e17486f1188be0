import { z } from 'zod';
import { defineQuery, type Role, type UnitTable } from '../../kernel/index.js';
import type { ContactChart, ContactHolder, ContactNode } from './contact-chart.model.js';
import {
  holdersOf,
  loadOrgSnapshot,
  managerUnitKinds,
  officerUnitKinds,
  type Holding,
  type OrgSnapshot,
} from './holders.js';
import { allow, today } from './org-access.js';
import { findStaffById, type StaffWithPosition } from './staff.repository.js';

/**
 * The contact chart of 3-2(6), drawn from today's assignments: CISO, Security Director (and the delegate of
 * 3-2(7)), the Security Officer of each bureau/division/clinic, and the Managers of the units under each.
 */
export const buildContactChart = defineQuery({
  name: 'org.buildContactChart',
  input: z.object({}).strict(),
  authorize: allow('org.read'),
  execute: async (ctx): Promise<ContactChart> => {
    const db = ctx.database.db;
    const asOf = today(ctx);
    const snapshot = await loadOrgSnapshot(db, asOf);
    const staffCache = new Map<string, StaffWithPosition | undefined>();
    const person = async (id: string): Promise<StaffWithPosition | undefined> => {
      if (!staffCache.has(id)) staffCache.set(id, await findStaffById(db, id));
      return staffCache.get(id);
    };
    const holders = async (list: Holding[]): Promise<ContactHolder[]> => {
      const out: ContactHolder[] = [];
      for (const h of list) {
        const s = await person(h.staffId);
        if (!s) continue;
        out.push({
          staffId: s.id,
          nameKanji: s.name_kanji,
          nameKana: s.name_kana,
          positionJa: s.position_name_ja,
          positionEn: s.position_name_en,
          phone: s.phone,
          email: s.email,
          via: h.via,
        });
      }
      return out;
    };
    const vacancies: ContactChart['vacancies'][number][] = [];
    const node = async (
      role: Role,
      unit: UnitTable | null,
      children: ContactNode[],
    ): Promise<ContactNode> => {
      const list = await holders(holdersOf(snapshot, role, unit?.id ?? null));
      if (list.length === 0)
        vacancies.push({ role, unitNameJa: unit?.name_ja ?? null, unitNameEn: unit?.name_en ?? null });
      return {
        role,
        unit: unit ? { id: unit.id, code: unit.code, nameJa: unit.name_ja, nameEn: unit.name_en } : null,
        holders: list,
        children,
      };
    };
    const officers: ContactNode[] = [];
    for (const unit of snapshot.units.filter((u) => officerUnitKinds.includes(u.kind))) {
      const managers: ContactNode[] = [];
      for (const sub of subtree(snapshot, unit.id)) {
        const required = managerUnitKinds.includes(sub.kind);
        if (required || holdersOf(snapshot, 'securityManager', sub.id).length > 0)
          managers.push(await node('securityManager', sub, []));
      }
      officers.push(await node('securityOfficer', unit, managers));
    }
    const director = await node('securityDirector', null, officers);
    const ciso = await node('ciso', null, [director]);
    return { asOf, hospitalName: ctx.hospitalName, roots: [ciso], vacancies };
  },
});

/** The units below a unit (and the unit itself when it has a manager), depth first in display order. */
const subtree = (snapshot: OrgSnapshot, rootId: string): UnitTable[] => {
  const out: UnitTable[] = [];
  const root = snapshot.units.find((u) => u.id === rootId);
  if (root && holdersOf(snapshot, 'securityManager', root.id).length > 0) out.push(root);
  const walk = (parentId: string): void => {
    for (const u of snapshot.units.filter((x) => x.parent_id === parentId)) {
      if (officerUnitKinds.includes(u.kind)) continue; // a nested officer unit has its own branch
      out.push(u);
      walk(u.id);
    }
  };
  walk(rootId);
  return out;
};
