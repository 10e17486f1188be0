import { z } from 'zod';
import { defineQuery } from '../../kernel/index.js';
import { allow } from './org-access.js';
import type { OrgData } from './org.schema.js';
import { listAssignments, listDelegations } from './roles.repository.js';
import { listAllStaff } from './staff.repository.js';
import { listAllUnits, listPositions } from './units.repository.js';

/** The whole organisation as import rows, so an export re-imports unchanged. */
export const exportOrg = defineQuery({
  name: 'org.export',
  input: z.object({}).strict(),
  authorize: allow('org.readReports'),
  execute: async (ctx): Promise<OrgData> => {
    const db = ctx.database.db;
    const units = await listAllUnits(db);
    const positions = await listPositions(db);
    const staff = await listAllStaff(db);
    const unitCode = new Map(units.map((u) => [u.id, u.code]));
    const positionCode = new Map(positions.map((p) => [p.id, p.code]));
    const number = new Map(staff.map((s) => [s.id, s.employee_number]));
    const code = (id: string | null): string | null => (id === null ? null : (unitCode.get(id) ?? null));
    return {
      units: units.map((u) => ({
        code: u.code,
        nameJa: u.name_ja,
        nameEn: u.name_en,
        kind: u.kind as OrgData['units'][number]['kind'],
        parentCode: code(u.parent_id),
        sortOrder: u.sort_order,
        phone: u.phone,
        validFrom: u.valid_from,
        validTo: u.valid_to,
      })),
      positions: positions.map((p) => ({ code: p.code, nameJa: p.name_ja, nameEn: p.name_en, rank: p.rank })),
      staff: staff.map((s) => ({
        employeeNumber: s.employee_number,
        nameKanji: s.name_kanji,
        nameKana: s.name_kana,
        employment: s.employment as OrgData['staff'][number]['employment'],
        category: s.category as OrgData['staff'][number]['category'],
        organization: s.organization,
        unitCode: unitCode.get(s.unit_id) ?? '',
        positionCode: s.position_id === null ? null : (positionCode.get(s.position_id) ?? null),
        email: s.email,
        phone: s.phone,
        startDate: s.start_date,
        endDate: s.end_date,
      })),
      assignments: (await listAssignments(db)).map((a) => ({
        role: a.role as OrgData['assignments'][number]['role'],
        employeeNumber: number.get(a.staff_id) ?? '',
        unitCode: code(a.unit_id),
        startDate: a.start_date,
        endDate: a.end_date,
        note: a.note,
      })),
      delegations: (await listDelegations(db)).map((d) => ({
        kind: d.kind as OrgData['delegations'][number]['kind'],
        role: d.role as OrgData['delegations'][number]['role'],
        unitCode: code(d.unit_id),
        fromEmployeeNumber: number.get(d.from_staff_id) ?? '',
        toEmployeeNumber: number.get(d.to_staff_id) ?? '',
        startDate: d.start_date,
        endDate: d.end_date,
        reason: d.reason,
      })),
    };
  },
});
