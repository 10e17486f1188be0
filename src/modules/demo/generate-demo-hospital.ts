import type {
  AssignmentRow,
  DelegationRow,
  Employment,
  OrgData,
  PositionRow,
  StaffRow,
  UnitRow,
} from '../org/index.js';
import { demoFemaleGivenNames, demoMaleGivenNames, demoNameBlocklist, demoSurnames } from './demo-names.js';
import type { DemoName } from './demo-names.js';
import { makePersonas } from './demo-personas.js';
import type { Persona } from './demo-personas.js';
import {
  addDays,
  addYears,
  createRandom,
  fiscalYearStart,
  isCalendarDate,
  randomDate,
} from './demo-random.js';
import {
  auditSectionCode,
  demoPositions,
  demoUnits,
  facilitiesSectionCode,
  medicalInformationSectionCode,
  nursingDivisionCode,
  personnelSectionCode,
  profilePositions,
  specialBureauHeadUnit,
} from './demo-units.js';

/**
 * A synthetic hospital for demonstrations and tests, shaped like 第3 of the standard. Every person is made up
 * (random combinations of common names); e-mail addresses use the never-routable `.invalid` top-level domain.
 */

export { demoLoginIds, demoPersonaKeys } from './demo-personas.js';
export type { DemoPersonaKey, Persona } from './demo-personas.js';

export interface DemoHospital {
  data: OrgData;
  hospitalName: { ja: string; en: string };
  personas: Persona[];
}

export interface DemoHospitalOptions {
  seed?: number;
  staffCount?: number;
  /** The date the demo is "today", YYYY-MM-DD; all dates are computed relative to it. */
  asOf?: string;
}

export const demoHospitalName = { ja: 'デモ市医療センター', en: 'Demo City Medical Centre' } as const;
export const demoEmailDomain = 'demo-hospital.invalid';
export const demoDefaults = { seed: 1, staffCount: 1500, asOf: '2026-04-01' } as const;

type Role = AssignmentRow['role'];
type Sex = 'f' | 'm';

const nursingPositions = new Set(['NURSE', 'NURSE-AIDE', 'NURSE-MGR', 'DEP-NURS-DIR']);
const employmentMix: readonly (readonly [Employment, number])[] = [
  ['regular', 75],
  ['partTime', 20],
  ['temporary', 5],
];
const vendor = 'デモ医療システム株式会社';
const subcontractor = 'デモ情報サービス株式会社';
/** The ward whose Nurse Manager is away in the `acting` example, and the ward of the manager/staff personas. */
const actingWard = 'KANGO-5E';
const personaWard = 'KANGO-4E';

export function generateDemoHospital(options: DemoHospitalOptions = {}): DemoHospital {
  const seed = options.seed ?? demoDefaults.seed;
  const staffCount = options.staffCount ?? demoDefaults.staffCount;
  const asOf = options.asOf ?? demoDefaults.asOf;
  if (!isCalendarDate(asOf)) throw new RangeError(`asOf must be a YYYY-MM-DD date: ${asOf}`);
  if (!Number.isInteger(staffCount) || staffCount < 1)
    throw new RangeError('staffCount must be a positive integer.');

  const random = createRandom(seed);
  /** The last 1 April strictly before asOf: when the current role holders took office. */
  const roleStart = fiscalYearStart(addDays(asOf, -1));
  const year = Number(roleStart.slice(0, 4));
  const yesterday = addDays(asOf, -1);
  const april = (y: number): string => `${y}-04-01`;

  const units: UnitRow[] = demoUnits.map((u, i) => ({
    code: u.code,
    nameJa: u.nameJa,
    nameEn: u.nameEn,
    kind: u.kind,
    parentCode: u.parentCode,
    sortOrder: (i + 1) * 10,
    phone: `内線${2000 + i * 10}`,
    validFrom: april(year - 20),
    validTo: null,
  }));
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const positions: PositionRow[] = demoPositions.map(([code, nameJa, nameEn, rank]) => ({
    code,
    nameJa,
    nameEn,
    rank,
  }));

  // --- People -------------------------------------------------------------------------------------------------
  const usedNames = new Set<string>();
  const personName = (sex: Sex): { kanji: string; kana: string } => {
    const given: readonly DemoName[] = sex === 'f' ? demoFemaleGivenNames : demoMaleGivenNames;
    for (let attempt = 0; ; attempt++) {
      const s = random.pick(demoSurnames);
      const g = random.pick(given);
      const full = s.kanji + g.kanji;
      if (demoNameBlocklist.has(full) || (usedNames.has(full) && attempt < 100)) continue;
      usedNames.add(full);
      return { kanji: `${s.kanji}\u3000${g.kanji}`, kana: `${s.kana}\u3000${g.kana}` };
    }
  };

  const staff: StaffRow[] = [];
  let nextEmployee = 1;
  let nextContractor = 1;
  const add = (
    unitCode: string,
    positionCode: string,
    how: { startDate: string; employment?: Employment; contractorOf?: string; phone?: boolean },
  ): StaffRow => {
    const contractor = how.contractorOf !== undefined;
    const employeeNumber = contractor
      ? `C${String(nextContractor++).padStart(4, '0')}`
      : `E${String(nextEmployee++).padStart(6, '0')}`;
    const sex: Sex = random.chance(nursingPositions.has(positionCode) ? 0.9 : 0.5) ? 'f' : 'm';
    const name = personName(sex);
    const row: StaffRow = {
      employeeNumber,
      nameKanji: name.kanji,
      nameKana: name.kana,
      employment: how.employment ?? 'regular',
      category: contractor ? 'contractor' : 'employee',
      organization: how.contractorOf ?? null,
      unitCode,
      positionCode,
      email: `${employeeNumber.toLowerCase()}@${demoEmailDomain}`,
      phone: how.phone === true ? (unitByCode.get(unitCode)?.phone ?? null) : null,
      startDate: how.startDate,
      endDate: null,
    };
    staff.push(row);
    return row;
  };
  const senior = (): { startDate: string; phone: boolean } => ({
    startDate: april(year - random.int(12, 32)),
    phone: true,
  });
  const established = (): { startDate: string } => ({ startDate: april(year - random.int(3, 25)) });

  // Heads of units (the holders of 第3 3 and 4), then the few people with hospital-wide duties.
  const administrator = add('JIMU', 'HOSP-ADMIN', senior());
  const heads = new Map<string, StaffRow>();
  for (const u of demoUnits)
    if (u.headPosition !== null) heads.set(u.code, add(u.code, u.headPosition, senior()));
  const head = (code: string): StaffRow => {
    const h = heads.get(code === 'TOKUSHIN' ? specialBureauHeadUnit : code);
    if (h === undefined) throw new Error(`No head for unit ${code}`);
    return h;
  };
  const deputy = add(nursingDivisionCode, 'DEP-NURS-DIR', senior());
  add(nursingDivisionCode, 'DEP-NURS-DIR', senior());
  const personnel = add(personnelSectionCode, 'SENIOR', established());
  const facilities = add(facilitiesSectionCode, 'SENIOR', established());
  const auditors = [0, 1, 2].map(() => add(auditSectionCode, 'SENIOR', established()));
  const contractorCount = Math.max(3, Math.round(staffCount / 125));
  const contractors = Array.from({ length: contractorCount }, (_, i) =>
    add(medicalInformationSectionCode, 'CONTRACT-WORKER', {
      startDate: randomDate(random, april(year - 5), roleStart),
      contractorOf: i < Math.ceil((contractorCount * 2) / 3) ? vendor : subcontractor,
    }),
  );

  // Rank-and-file staff, spread over units by weight (largest remainder, so the total is exact).
  const fill = staffCount - staff.length;
  if (fill < 0) throw new RangeError(`staffCount must be at least ${staff.length} for this organisation.`);
  const staffed = demoUnits.filter((u) => u.weight > 0);
  const totalWeight = staffed.reduce((sum, u) => sum + u.weight, 0);
  const quotas = staffed.map((u) => (u.weight * fill) / totalWeight);
  const counts = quotas.map(Math.floor);
  const byRemainder = quotas
    .map((q, i) => [q - Math.floor(q), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let left = fill - counts.reduce((sum, c) => sum + c, 0);
  for (const [, i] of byRemainder) if (left-- > 0) counts[i] = (counts[i] ?? 0) + 1;

  const members: StaffRow[] = [];
  staffed.forEach((u, i) => {
    for (let k = 0; k < (counts[i] ?? 0); k++) {
      const startDate = random.chance(0.85)
        ? april(year - random.int(0, 30))
        : randomDate(random, april(year - 30), yesterday);
      const employment = random.weighted(employmentMix);
      members.push(add(u.code, random.weighted(profilePositions[u.profile]), { startDate, employment }));
    }
  });

  // A few dozen people who have left (retired or resigned): end dates in the past.
  for (const m of random.shuffle(members).slice(0, Math.round(members.length * 0.025))) {
    m.endDate = random.chance(0.7)
      ? `${year - random.int(0, 2)}-03-31`
      : randomDate(random, april(year - 3), yesterday);
    m.startDate = april(Number(m.endDate.slice(0, 4)) - random.int(3, 38));
  }

  // --- Roles (第3) --------------------------------------------------------------------------------------------
  const assignments: AssignmentRow[] = [];
  const holders = new Set<string>();
  const assign = (role: Role, who: StaffRow, unitCode: string | null, note: string | null = null): void => {
    assignments.push({
      role,
      employeeNumber: who.employeeNumber,
      unitCode,
      startDate: roleStart,
      endDate: null,
      note,
    });
    holders.add(who.employeeNumber);
  };
  const director = head('JIMU');
  assign('ciso', administrator, null, '病院事業管理者（第3 1）');
  assign('securityDirector', director, null, '事務局長（第3 2(1)）');

  const officers: StaffRow[] = [];
  for (const u of demoUnits) {
    if (u.kind === 'bureau' || u.kind === 'division' || u.kind === 'clinic') {
      const who = head(u.code);
      assign(
        'securityOfficer',
        who,
        u.code,
        u.code === 'TOKUSHIN' ? '最高情報統括責任者が指定するセンター長（第3 3(1)）' : null,
      );
      officers.push(who);
    } else {
      const parentKind = demoUnits.find((p) => p.code === u.parentCode)?.kind;
      const note =
        u.parentCode === 'YAKUZAI'
          ? '薬剤部長が指定（第3 4(1)）'
          : u.parentCode === nursingDivisionCode
            ? '看護部長が指定（第3 4(1)）'
            : parentKind === 'clinic'
              ? '診療所長が指定する職員（第3 4(1)）'
              : null;
      assign('securityManager', head(u.code), u.code, note);
    }
  }

  const isActiveRegular = (s: StaffRow): boolean =>
    s.endDate === null && s.category === 'employee' && s.employment === 'regular' && s.startDate <= roleStart;
  const staffSections = [
    medicalInformationSectionCode,
    ...random
      .shuffle(
        demoUnits.filter(
          (u) =>
            u.kind === 'section' && u.code !== auditSectionCode && u.code !== medicalInformationSectionCode,
        ),
      )
      .slice(0, 19)
      .map((u) => u.code),
  ];
  for (const code of staffSections) {
    const candidates = members.filter(
      (m) => m.unitCode === code && isActiveRegular(m) && !holders.has(m.employeeNumber),
    );
    for (const who of candidates.slice(0, code === medicalInformationSectionCode ? 2 : random.int(1, 2))) {
      assign('securityStaff', who, code, '情報セキュリティ管理者が指定（第3 5(2)）');
    }
  }

  const committee = new Map<string, StaffRow>();
  for (const who of [
    administrator,
    director,
    ...officers,
    head(medicalInformationSectionCode),
    head('JIMU-SOMU'),
    head('JIMU-IJI'),
  ]) {
    committee.set(who.employeeNumber, who);
  }
  for (const who of committee.values()) assign('committee', who, null, '情報化推進会議 委員（第3 6）');
  assign('auditLead', head(auditSectionCode), null, '情報化推進会議が指名（第9 1(1)）');
  for (const who of auditors)
    assign('auditor', who, null, '監査室所属：監査室以外の科課室等を監査（第9 1(2)）');
  assign('personnelOffice', personnel, null, '人事課：異動・退職の連絡元（第7 2(1)イ(ウ)）');
  assign('facilitiesOffice', facilities, null, '施設課：建物・電源・配線の管理');

  const delegations: DelegationRow[] = [
    {
      kind: 'delegation',
      role: 'securityDirector',
      unitCode: null,
      fromEmployeeNumber: director.employeeNumber,
      toEmployeeNumber: head(medicalInformationSectionCode).employeeNumber,
      startDate: roleStart,
      endDate: addDays(addYears(asOf, 1), -1),
      reason: '統括情報セキュリティ責任者の権限に属する事務を医療情報課長に処理させる（第3 2(7)）。',
    },
    {
      kind: 'acting',
      role: 'securityManager',
      unitCode: actingWard,
      fromEmployeeNumber: head(actingWard).employeeNumber,
      toEmployeeNumber: deputy.employeeNumber,
      startDate: addDays(asOf, -14),
      endDate: addDays(asOf, 45),
      reason: `${unitByCode.get(actingWard)?.nameJa ?? ''}の看護師長が療養休暇のため、副看護部長が情報セキュリティ管理者を代理する。`,
    },
  ];

  // --- Personas -----------------------------------------------------------------------------------------------
  const plainStaff =
    members.find(
      (m) =>
        m.unitCode === personaWard &&
        m.positionCode === 'NURSE' &&
        isActiveRegular(m) &&
        !holders.has(m.employeeNumber),
    ) ?? members.find((m) => isActiveRegular(m) && !holders.has(m.employeeNumber));
  const contractor = contractors[0];
  const auditor = auditors[0];
  if (plainStaff === undefined || contractor === undefined || auditor === undefined) {
    throw new RangeError('staffCount is too small to pick the demo personas.');
  }
  const personas = makePersonas(
    {
      ciso: administrator,
      securityDirector: director,
      securityOfficer: head(nursingDivisionCode),
      securityManager: head(personaWard),
      staff: plainStaff,
      contractor,
      auditor,
    },
    unitByCode,
  );

  return {
    data: { units, positions, staff, assignments, delegations },
    hospitalName: { ja: demoHospitalName.ja, en: demoHospitalName.en },
    personas,
  };
}
