import type {
  AssignmentRow,
  DelegationRow,
  OrgData,
  PositionRow,
  StaffRow,
  UnitRow,
} from '../../src/modules/org/index.js';

let sequence = 0;
const next = (): number => ++sequence;

/** Row builders with valid defaults; a test overrides only what it is about. */
export const unitRow = (over: Partial<UnitRow> = {}): UnitRow => ({
  code: `U${String(next())}`,
  nameJa: 'テスト課',
  nameEn: 'Test Section',
  kind: 'section',
  parentCode: null,
  sortOrder: 0,
  phone: null,
  validFrom: '2020-04-01',
  validTo: null,
  ...over,
});

export const positionRow = (over: Partial<PositionRow> = {}): PositionRow => ({
  code: `P${String(next())}`,
  nameJa: '課長',
  nameEn: 'Section Head',
  rank: 10,
  ...over,
});

export const staffRow = (over: Partial<StaffRow> = {}): StaffRow => ({
  employeeNumber: `T${String(next()).padStart(5, '0')}`,
  nameKanji: '試験 太郎',
  nameKana: 'シケン タロウ',
  employment: 'regular',
  category: 'employee',
  organization: null,
  unitCode: 'JIMU',
  positionCode: null,
  email: null,
  phone: null,
  startDate: '2020-04-01',
  endDate: null,
  ...over,
});

export const assignmentRow = (
  over: Partial<AssignmentRow> & Pick<AssignmentRow, 'role' | 'employeeNumber'>,
): AssignmentRow => ({
  unitCode: null,
  startDate: '2025-04-01',
  endDate: null,
  note: null,
  ...over,
});

export const delegationRow = (
  over: Partial<DelegationRow> & Pick<DelegationRow, 'fromEmployeeNumber' | 'toEmployeeNumber'>,
): DelegationRow => ({
  kind: 'delegation',
  role: 'securityDirector',
  unitCode: null,
  startDate: '2025-04-01',
  endDate: '2027-03-31',
  reason: '第3 2(7)による委任',
  ...over,
});

/**
 * A small hospital: 事務局 with 医療情報課 and 総務課, 看護部 with one ward; a CISO, a Director, the head of
 * 医療情報課 (delegate), an Officer per bureau/division and a Manager per section.
 */
export const smallHospital = (): OrgData => {
  const units = [
    unitRow({ code: 'JIMU', nameJa: '事務局', nameEn: 'Administration Bureau', kind: 'bureau' }),
    unitRow({
      code: 'JIMU-IRYOJOHO',
      nameJa: '医療情報課',
      nameEn: 'Medical Informatics Section',
      parentCode: 'JIMU',
    }),
    unitRow({ code: 'JIMU-SOMU', nameJa: '総務課', nameEn: 'General Affairs Section', parentCode: 'JIMU' }),
    unitRow({ code: 'KANGO', nameJa: '看護部', nameEn: 'Nursing Division', kind: 'division' }),
    unitRow({ code: 'KANGO-3E', nameJa: '3階東病棟', nameEn: 'Ward 3 East', parentCode: 'KANGO' }),
  ];
  const positions = [positionRow({ code: 'KACHO', nameJa: '課長', nameEn: 'Section Head', rank: 10 })];
  const staff = [
    staffRow({
      employeeNumber: 'S001',
      nameKanji: '管理 一郎',
      nameKana: 'カンリ イチロウ',
      unitCode: 'JIMU',
    }),
    staffRow({ employeeNumber: 'S002', nameKanji: '事務 二郎', nameKana: 'ジム ジロウ', unitCode: 'JIMU' }),
    staffRow({
      employeeNumber: 'S003',
      nameKanji: '情報 三子',
      nameKana: 'ジョウホウ ミツコ',
      unitCode: 'JIMU-IRYOJOHO',
      positionCode: 'KACHO',
    }),
    staffRow({
      employeeNumber: 'S004',
      nameKanji: '総務 四郎',
      nameKana: 'ソウム シロウ',
      unitCode: 'JIMU-SOMU',
      positionCode: 'KACHO',
    }),
    staffRow({
      employeeNumber: 'S005',
      nameKanji: '看護 五子',
      nameKana: 'カンゴ イツコ',
      unitCode: 'KANGO',
    }),
    staffRow({
      employeeNumber: 'S006',
      nameKanji: '病棟 六子',
      nameKana: 'ビョウトウ ムツコ',
      unitCode: 'KANGO-3E',
    }),
    staffRow({
      employeeNumber: 'S007',
      nameKanji: '職員 七海',
      nameKana: 'ショクイン ナナミ',
      unitCode: 'KANGO-3E',
      employment: 'partTime',
    }),
    staffRow({
      employeeNumber: 'C001',
      nameKanji: '委託 八郎',
      nameKana: 'イタク ハチロウ',
      unitCode: 'JIMU-IRYOJOHO',
      category: 'contractor',
      organization: 'テスト保守株式会社',
    }),
  ];
  const assignments = [
    assignmentRow({ role: 'ciso', employeeNumber: 'S001' }),
    assignmentRow({ role: 'securityDirector', employeeNumber: 'S002' }),
    assignmentRow({ role: 'securityOfficer', employeeNumber: 'S002', unitCode: 'JIMU' }),
    assignmentRow({ role: 'securityOfficer', employeeNumber: 'S005', unitCode: 'KANGO' }),
    assignmentRow({ role: 'securityManager', employeeNumber: 'S003', unitCode: 'JIMU-IRYOJOHO' }),
    assignmentRow({ role: 'securityManager', employeeNumber: 'S004', unitCode: 'JIMU-SOMU' }),
    assignmentRow({ role: 'securityManager', employeeNumber: 'S006', unitCode: 'KANGO-3E' }),
  ];
  const delegations = [delegationRow({ fromEmployeeNumber: 'S002', toEmployeeNumber: 'S003' })];
  return { units, positions, staff, assignments, delegations };
};
