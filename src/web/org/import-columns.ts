/**
 * The headers of the organisation file, so an import issue on `staff.nameKana` reads 「職員 › 氏名（カナ）」, the
 * header the person typed. A copy of src/modules/org/org-columns.ts (web never imports module code): when a
 * column is added there, add it here; an unknown field is shown as sent.
 */
import type { Bilingual } from '../../shared/api-types.js';
import type { OrgSheet } from './types.js';

type Columns = Readonly<Record<string, readonly [ja: string, en: string]>>;

export const orgFileSheets: Readonly<Record<OrgSheet, { name: Bilingual; columns: Columns }>> = {
  units: {
    name: { ja: '部署', en: 'Units' },
    columns: {
      code: ['部署コード', 'Unit code'],
      nameJa: ['部署名', 'Name (Japanese)'],
      nameEn: ['部署名（英語）', 'Name (English)'],
      kind: ['種別', 'Kind'],
      parentCode: ['上位部署コード', 'Parent unit code'],
      sortOrder: ['表示順', 'Sort order'],
      phone: ['電話番号', 'Phone'],
      validFrom: ['有効開始日', 'Valid from'],
      validTo: ['有効終了日', 'Valid to'],
    },
  },
  positions: {
    name: { ja: '職位', en: 'Positions' },
    columns: {
      code: ['職位コード', 'Position code'],
      nameJa: ['職位名', 'Name (Japanese)'],
      nameEn: ['職位名（英語）', 'Name (English)'],
      rank: ['序列', 'Rank'],
    },
  },
  staff: {
    name: { ja: '職員', en: 'Staff' },
    columns: {
      employeeNumber: ['職員番号', 'Employee number'],
      nameKanji: ['氏名', 'Name'],
      nameKana: ['氏名（カナ）', 'Name (kana)'],
      employment: ['雇用形態', 'Employment'],
      category: ['区分', 'Category'],
      organization: ['所属会社', 'Company'],
      unitCode: ['所属部署コード', 'Unit code'],
      positionCode: ['職位コード', 'Position code'],
      email: ['メールアドレス', 'E-mail'],
      phone: ['電話番号', 'Phone'],
      startDate: ['開始日', 'Start date'],
      endDate: ['終了日', 'End date'],
    },
  },
  assignments: {
    name: { ja: '役割', en: 'Assignments' },
    columns: {
      role: ['役割', 'Role'],
      employeeNumber: ['職員番号', 'Employee number'],
      unitCode: ['部署コード', 'Unit code'],
      startDate: ['開始日', 'Start date'],
      endDate: ['終了日', 'End date'],
      note: ['備考', 'Note'],
    },
  },
  delegations: {
    name: { ja: '委任・代理', en: 'Delegations' },
    columns: {
      kind: ['種別', 'Kind'],
      role: ['役割', 'Role'],
      unitCode: ['部署コード', 'Unit code'],
      fromEmployeeNumber: ['委任元職員番号', 'From employee number'],
      toEmployeeNumber: ['委任先職員番号', 'To employee number'],
      startDate: ['開始日', 'Start date'],
      endDate: ['終了日', 'End date'],
      reason: ['理由', 'Reason'],
    },
  },
};

const isSheet = (s: string): s is OrgSheet => Object.hasOwn(orgFileSheets, s);

/** `staff.nameKana` → 職員 › 氏名（カナ） (ja) or Staff › Name (kana) (en); `staff` → 職員; others as sent. */
export const importFieldLabel = (field: string, lang: 'ja' | 'en'): string => {
  const [sheet = '', key, ...rest] = field.split('.');
  if (!isSheet(sheet)) return field;
  const spec = orgFileSheets[sheet];
  if (key === undefined) return spec.name[lang];
  const header = Object.hasOwn(spec.columns, key) ? spec.columns[key] : undefined;
  if (header === undefined || rest.length > 0) return `${spec.name[lang]} › ${[key, ...rest].join('.')}`;
  return `${spec.name[lang]} › ${lang === 'ja' ? header[0] : header[1]}`;
};
