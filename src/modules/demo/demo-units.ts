import type { UnitKind } from '../org/index.js';

/**
 * The demo hospital's organisation, shaped like 第3 3(1) and 4(1) of the standard: 事務局・診療局・特殊診療局
 * (bureaus), 薬剤部・看護部 (divisions), centres under 特殊診療局, clinics, and their 課・科・室 (sections).
 */

/** What kind of people work in a unit: decides the positions of its rank-and-file members. */
export type DemoStaffProfile =
  | 'none'
  | 'admin'
  | 'clinical'
  | 'technical'
  | 'nutrition'
  | 'centre'
  | 'pharmacy'
  | 'ward'
  | 'clinic'
  | 'audit';

export interface DemoUnitSpec {
  readonly code: string;
  readonly nameJa: string;
  readonly nameEn: string;
  readonly kind: UnitKind;
  readonly parentCode: string | null;
  /** The position of the unit's head; null when the head is someone else's (特殊診療局: a centre head, 3(1)). */
  readonly headPosition: string | null;
  readonly profile: DemoStaffProfile;
  /** Relative share of the rank-and-file staff. */
  readonly weight: number;
}

/** The unit whose head the CISO designates as head of 特殊診療局 (第3 3(1): 最高情報統括責任者が指定するセンター長). */
export const specialBureauHeadUnit = 'TOKUSHIN-QQ';
export const medicalInformationSectionCode = 'JIMU-IRYOJOHO';
export const personnelSectionCode = 'JIMU-JINJI';
export const facilitiesSectionCode = 'JIMU-SHISETSU';
/** 監査室: a section under 事務局 that holds the Audit Lead and the auditors; it audits every other unit. */
export const auditSectionCode = 'JIMU-KANSA';
export const nursingDivisionCode = 'KANGO';

type Row = readonly [code: string, nameJa: string, nameEn: string, profile: DemoStaffProfile, weight: number];

const sections = (parentCode: string, headPosition: string, rows: readonly Row[]): DemoUnitSpec[] =>
  rows.map(([code, nameJa, nameEn, profile, weight]) => ({
    code,
    nameJa,
    nameEn,
    kind: 'section',
    parentCode,
    headPosition,
    profile,
    weight,
  }));

const top = (
  code: string,
  nameJa: string,
  nameEn: string,
  kind: UnitKind,
  headPosition: string | null,
  profile: DemoStaffProfile = 'none',
  weight = 0,
): DemoUnitSpec => ({ code, nameJa, nameEn, kind, parentCode: null, headPosition, profile, weight });

const wardNames: readonly (readonly [string, string, string])[] = [
  ['3E', '3階東病棟', 'Ward 3 East'],
  ['3W', '3階西病棟', 'Ward 3 West'],
  ['4E', '4階東病棟', 'Ward 4 East'],
  ['4W', '4階西病棟', 'Ward 4 West'],
  ['5E', '5階東病棟', 'Ward 5 East'],
  ['5W', '5階西病棟', 'Ward 5 West'],
  ['6E', '6階東病棟', 'Ward 6 East'],
  ['6W', '6階西病棟', 'Ward 6 West'],
  ['7E', '7階東病棟', 'Ward 7 East'],
  ['7W', '7階西病棟', 'Ward 7 West'],
  ['8E', '8階東病棟', 'Ward 8 East'],
  ['8W', '8階西病棟', 'Ward 8 West'],
  ['9E', '9階東病棟', 'Ward 9 East'],
  ['ICU', '集中治療室', 'Intensive Care Unit'],
  ['HCU', '高度治療室', 'High Care Unit'],
];

export const demoUnits: readonly DemoUnitSpec[] = [
  top('JIMU', '事務局', 'Administration Bureau', 'bureau', 'ADMIN-DIR'),
  ...sections('JIMU', 'SECTION-CHIEF', [
    ['JIMU-SOMU', '総務課', 'General Affairs Section', 'admin', 12],
    [personnelSectionCode, '人事課', 'Personnel Section', 'admin', 9],
    ['JIMU-KEIRI', '経理課', 'Accounting Section', 'admin', 10],
    ['JIMU-YODO', '用度課', 'Procurement Section', 'admin', 8],
    ['JIMU-KIKAKU', '経営企画課', 'Planning Section', 'admin', 6],
    ['JIMU-IJI', '医事課', 'Medical Affairs Section', 'admin', 30],
    [medicalInformationSectionCode, '医療情報課', 'Medical Information Section', 'admin', 10],
    [facilitiesSectionCode, '施設課', 'Facilities Section', 'admin', 9],
  ]),
  ...sections('JIMU', 'OFFICE-CHIEF', [[auditSectionCode, '監査室', 'Internal Audit Office', 'audit', 0]]),
  top('SHINRYO', '診療局', 'Medical Bureau', 'bureau', 'BUREAU-DIR'),
  ...sections('SHINRYO', 'DEPT-CHIEF', [
    ['SHIN-NAIKA', '内科', 'Internal Medicine', 'clinical', 22],
    ['SHIN-JUNKAN', '循環器内科', 'Cardiology', 'clinical', 14],
    ['SHIN-SHOKA', '消化器内科', 'Gastroenterology', 'clinical', 14],
    ['SHIN-KOKYU', '呼吸器内科', 'Respiratory Medicine', 'clinical', 10],
    ['SHIN-NOSHINKEINAI', '脳神経内科', 'Neurology', 'clinical', 8],
    ['SHIN-GEKA', '外科', 'Surgery', 'clinical', 18],
    ['SHIN-SHINZOGEKA', '心臓血管外科', 'Cardiovascular Surgery', 'clinical', 8],
    ['SHIN-NOGEKA', '脳神経外科', 'Neurosurgery', 'clinical', 9],
    ['SHIN-SHONI', '小児科', 'Paediatrics', 'clinical', 14],
    ['SHIN-SEIKEI', '整形外科', 'Orthopaedics', 'clinical', 13],
    ['SHIN-SANFUJIN', '産婦人科', 'Obstetrics and Gynaecology', 'clinical', 12],
    ['SHIN-GANKA', '眼科', 'Ophthalmology', 'clinical', 7],
    ['SHIN-HIFU', '皮膚科', 'Dermatology', 'clinical', 6],
    ['SHIN-HINYO', '泌尿器科', 'Urology', 'clinical', 7],
    ['SHIN-JIBI', '耳鼻咽喉科', 'Otorhinolaryngology', 'clinical', 6],
    ['SHIN-SEISHIN', '精神科', 'Psychiatry', 'clinical', 7],
    ['SHIN-KYUKYU', '救急科', 'Emergency Medicine', 'clinical', 10],
    ['SHIN-MASUI', '麻酔科', 'Anaesthesiology', 'clinical', 12],
    ['SHIN-HOSHASEN', '放射線科', 'Radiology', 'technical', 30],
    ['SHIN-RINSHOKENSA', '臨床検査科', 'Clinical Laboratory', 'technical', 38],
    ['SHIN-BYORI', '病理診断科', 'Diagnostic Pathology', 'technical', 10],
    ['SHIN-REHA', 'リハビリテーション科', 'Rehabilitation', 'technical', 26],
  ]),
  ...sections('SHINRYO', 'OFFICE-CHIEF', [
    ['SHIN-RINSHOKOGAKU', '臨床工学室', 'Clinical Engineering Office', 'technical', 12],
    ['SHIN-EIYO', '栄養管理室', 'Nutrition Office', 'nutrition', 14],
  ]),
  top('TOKUSHIN', '特殊診療局', 'Special Medical Services Bureau', 'bureau', null),
  ...sections('TOKUSHIN', 'CENTRE-DIR', [
    [specialBureauHeadUnit, '救命救急センター', 'Emergency and Critical Care Centre', 'centre', 70],
    [
      'TOKUSHIN-SHUSANKI',
      '周産期母子医療センター',
      'Perinatal Maternal and Child Medical Centre',
      'centre',
      55,
    ],
    ['TOKUSHIN-GAN', 'がん診療センター', 'Cancer Care Centre', 'centre', 28],
    ['TOKUSHIN-RENKEI', '地域医療連携センター', 'Regional Medical Liaison Centre', 'admin', 14],
    ['TOKUSHIN-KENKAN', '健康管理センター', 'Health Check-up Centre', 'centre', 16],
  ]).map((u) => ({ ...u, kind: 'centre' as const })),
  top('YAKUZAI', '薬剤部', 'Pharmacy Division', 'division', 'DIV-DIR'),
  ...sections('YAKUZAI', 'DEP-PHARM-DIR', [['YAKU-CHOZAI', '調剤室', 'Dispensing Room', 'pharmacy', 28]]),
  ...sections('YAKUZAI', 'PHARM-CHIEF', [
    ['YAKU-SEIZAI', '製剤室', 'Preparation Room', 'pharmacy', 8],
    ['YAKU-DI', '医薬品情報室', 'Drug Information Room', 'pharmacy', 6],
  ]),
  top(nursingDivisionCode, '看護部', 'Nursing Division', 'division', 'DIV-DIR'),
  ...sections(nursingDivisionCode, 'NURSE-MGR', [
    ...wardNames.map(([c, ja, en]): Row => [
      `KANGO-${c}`,
      ja,
      en,
      'ward',
      c === 'ICU' || c === 'HCU' ? 30 : 36,
    ]),
    ['KANGO-GAIRAI', '外来', 'Outpatient Department', 'ward', 60],
    ['KANGO-SHUJUTSU', '手術室', 'Operating Theatres', 'ward', 48],
  ]),
  top('CLINIC-TOBU', 'デモ市立東部診療所', 'Demo City East Clinic', 'clinic', 'CLINIC-DIR'),
  ...sections('CLINIC-TOBU', 'SENIOR', [
    ['CLINIC-TOBU-GAIRAI', '東部診療所外来', 'East Clinic Outpatients', 'clinic', 10],
  ]),
  top('CLINIC-SEIBU', 'デモ市立西部診療所', 'Demo City West Clinic', 'clinic', 'CLINIC-DIR'),
  ...sections('CLINIC-SEIBU', 'SENIOR', [
    ['CLINIC-SEIBU-GAIRAI', '西部診療所外来', 'West Clinic Outpatients', 'clinic', 8],
  ]),
];

/** Positions (職名) with their rank (lower = more senior). */
export const demoPositions: readonly (readonly [
  code: string,
  nameJa: string,
  nameEn: string,
  rank: number,
])[] = [
  ['HOSP-ADMIN', '病院事業管理者', 'Hospital Administrator', 1],
  ['ADMIN-DIR', '事務局長', 'Director of Administration', 10],
  ['BUREAU-DIR', '局長', 'Bureau Director', 10],
  ['DIV-DIR', '部長', 'Division Director', 20],
  ['CENTRE-DIR', 'センター長', 'Centre Director', 20],
  ['CLINIC-DIR', '所長', 'Clinic Director', 20],
  ['DEP-NURS-DIR', '副看護部長', 'Deputy Director of Nursing', 30],
  ['DEP-PHARM-DIR', '副薬剤部長', 'Deputy Director of Pharmacy', 30],
  ['SECTION-CHIEF', '課長', 'Section Chief', 40],
  ['DEPT-CHIEF', '科長', 'Department Chief', 40],
  ['OFFICE-CHIEF', '室長', 'Office Chief', 40],
  ['NURSE-MGR', '看護師長', 'Nurse Manager', 45],
  ['PHARM-CHIEF', '薬剤長', 'Chief Pharmacist', 45],
  ['SENIOR', '主査', 'Senior Staff', 50],
  ['PHYSICIAN', '医師', 'Physician', 55],
  ['LEAD', '主任', 'Lead Staff', 60],
  ['PHARMACIST', '薬剤師', 'Pharmacist', 70],
  ['NURSE', '看護師', 'Nurse', 70],
  ['TECH', '技師', 'Technologist', 70],
  ['DIETITIAN', '管理栄養士', 'Dietitian', 70],
  ['CLERK', '係員', 'Clerk', 80],
  ['NURSE-AIDE', '看護助手', 'Nursing Assistant', 85],
  ['CONTRACT-WORKER', '委託作業員', 'Contract Worker', 90],
];

/** Rank-and-file positions by profile, with relative weights. */
export const profilePositions: Readonly<Record<DemoStaffProfile, readonly (readonly [string, number])[]>> = {
  none: [['CLERK', 1]],
  admin: [
    ['SENIOR', 15],
    ['LEAD', 20],
    ['CLERK', 65],
  ],
  clinical: [
    ['PHYSICIAN', 75],
    ['CLERK', 25],
  ],
  technical: [
    ['TECH', 85],
    ['LEAD', 15],
  ],
  nutrition: [
    ['DIETITIAN', 60],
    ['LEAD', 10],
    ['CLERK', 30],
  ],
  centre: [
    ['PHYSICIAN', 25],
    ['NURSE', 60],
    ['LEAD', 8],
    ['CLERK', 7],
  ],
  pharmacy: [
    ['PHARMACIST', 85],
    ['LEAD', 10],
    ['CLERK', 5],
  ],
  ward: [
    ['NURSE', 80],
    ['LEAD', 10],
    ['NURSE-AIDE', 10],
  ],
  clinic: [
    ['PHYSICIAN', 20],
    ['NURSE', 50],
    ['CLERK', 30],
  ],
  audit: [['SENIOR', 1]],
};
