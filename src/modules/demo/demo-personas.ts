import type { StaffRow, UnitRow } from '../org/index.js';

/** The demo's login accounts: one person per key, each holding the matching role. */
export const demoPersonaKeys = [
  'ciso',
  'securityDirector',
  'securityOfficer',
  'securityManager',
  'staff',
  'contractor',
  'auditor',
] as const;
export type DemoPersonaKey = (typeof demoPersonaKeys)[number];

/** A demo account: the demo seeds login accounts for these people only. */
export interface Persona {
  key: DemoPersonaKey;
  loginId: string;
  employeeNumber: string;
  descriptionJa: string;
  descriptionEn: string;
}

export const demoLoginIds: Readonly<Record<DemoPersonaKey, string>> = {
  ciso: 'demo-ciso',
  securityDirector: 'demo-director',
  securityOfficer: 'demo-officer',
  securityManager: 'demo-manager',
  staff: 'demo-staff',
  contractor: 'demo-contractor',
  auditor: 'demo-auditor',
};

type Describe = (who: StaffRow, unit: UnitRow | undefined) => readonly [ja: string, en: string];

const descriptions: Readonly<Record<DemoPersonaKey, Describe>> = {
  ciso: () => ['最高情報統括責任者（病院事業管理者）', 'CISO (the hospital administrator)'],
  securityDirector: () => [
    '統括情報セキュリティ責任者（事務局長）。事務局の情報セキュリティ責任者も兼ねる',
    'Security Director (Director of Administration); also Security Officer of the Administration Bureau',
  ],
  securityOfficer: (_, unit) => [
    `${unit?.nameJa ?? ''}の情報セキュリティ責任者（部局の長）`,
    `Security Officer of the ${unit?.nameEn ?? ''} (its head)`,
  ],
  securityManager: (_, unit) => [
    `${unit?.nameJa ?? ''}の情報セキュリティ管理者（所属長）`,
    `Security Manager of ${unit?.nameEn ?? ''} (its head)`,
  ],
  staff: (_, unit) => [
    `${unit?.nameJa ?? ''}の職員（役割なし）`,
    `A staff member of ${unit?.nameEn ?? ''} with no role`,
  ],
  contractor: (who, unit) => [
    `委託事業者（${who.organization ?? ''}）、${unit?.nameJa ?? ''}に常駐`,
    `Contractor (${who.organization ?? ''}) based in the ${unit?.nameEn ?? ''}`,
  ],
  auditor: (_, unit) => [`監査を行う者（${unit?.nameJa ?? ''}）`, `Auditor (${unit?.nameEn ?? ''})`],
};

/** One persona per key, in key order, described by their role and unit. */
export function makePersonas(
  people: Readonly<Record<DemoPersonaKey, StaffRow>>,
  unitByCode: ReadonlyMap<string, UnitRow>,
): Persona[] {
  return demoPersonaKeys.map((key) => {
    const who = people[key];
    const [descriptionJa, descriptionEn] = descriptions[key](who, unitByCode.get(who.unitCode));
    return {
      key,
      loginId: demoLoginIds[key],
      employeeNumber: who.employeeNumber,
      descriptionJa,
      descriptionEn,
    };
  });
}
