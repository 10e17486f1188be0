import type { AssetFileData, AssetFileRow } from '../assets/index.js';
import type { OrgData } from '../org/index.js';
import { addDays, addYears, createRandom } from './demo-random.js';
import { demoUnits, medicalInformationSectionCode, type DemoStaffProfile } from './demo-units.js';

/**
 * A synthetic asset register for the demo hospital (第4), modest in size: the places where media and paper are
 * kept (an off-site store at low disaster risk, the informatics vault and server room, a locked cabinet per unit),
 * backup tapes and archive discs, a USB memory per ward, and a handful of typical information assets per unit with
 * their classes. Some records fail a storage rule on purpose (an archive disc not write-protected, class II media in
 * an ordinary cabinet) so the storage checks and the compliance view have something to show.
 */

type Template = readonly [
  name: string,
  form: 'electronic' | 'paper',
  classification: 1 | 2 | 3 | 4,
  where: 'system' | 'cabinet' | 'usb',
];

const templates: Readonly<Record<DemoStaffProfile, readonly Template[]>> = {
  none: [],
  audit: [
    ['内部監査調書', 'electronic', 2, 'system'],
    ['監査計画書', 'paper', 3, 'cabinet'],
  ],
  admin: [
    ['業務マニュアル', 'electronic', 4, 'system'],
    ['課内会議録', 'paper', 2, 'cabinet'],
    ['職員連絡先名簿', 'electronic', 1, 'system'],
    ['契約書綴り', 'paper', 2, 'cabinet'],
    ['院内広報原稿', 'electronic', 3, 'system'],
  ],
  clinical: [
    ['診療記録（電子カルテ）', 'electronic', 1, 'system'],
    ['紹介状・診療情報提供書', 'paper', 1, 'cabinet'],
    ['症例検討会資料', 'electronic', 2, 'usb'],
    ['学会発表資料', 'electronic', 3, 'system'],
    ['外来診療マニュアル', 'electronic', 4, 'system'],
  ],
  technical: [
    ['検査結果（部門システム）', 'electronic', 1, 'system'],
    ['精度管理記録', 'paper', 2, 'cabinet'],
    ['機器保守点検記録', 'paper', 3, 'cabinet'],
    ['業務手順書', 'electronic', 4, 'system'],
  ],
  nutrition: [
    ['栄養指導記録', 'electronic', 1, 'system'],
    ['献立表', 'electronic', 3, 'system'],
    ['衛生管理記録', 'paper', 3, 'cabinet'],
  ],
  centre: [
    ['救急搬送記録', 'electronic', 1, 'system'],
    ['トリアージ記録（紙）', 'paper', 1, 'cabinet'],
    ['災害時対応マニュアル', 'electronic', 3, 'system'],
    ['症例データベース抽出', 'electronic', 2, 'usb'],
  ],
  pharmacy: [
    ['処方せん（控）', 'paper', 1, 'cabinet'],
    ['麻薬帳簿', 'paper', 2, 'cabinet'],
    ['医薬品情報（DI）ニュース', 'electronic', 3, 'system'],
  ],
  ward: [
    ['看護記録（電子カルテ）', 'electronic', 1, 'system'],
    ['看護サマリ', 'electronic', 2, 'system'],
    ['病棟日誌', 'paper', 2, 'cabinet'],
    ['勤務表', 'electronic', 2, 'usb'],
    ['病棟だより', 'electronic', 3, 'system'],
    ['院内研修資料', 'electronic', 4, 'usb'],
  ],
  clinic: [
    ['外来診療録', 'electronic', 1, 'system'],
    ['予防接種予診票', 'paper', 1, 'cabinet'],
    ['診療所だより', 'electronic', 3, 'system'],
  ],
};

const systemOf: Readonly<Record<DemoStaffProfile, string>> = {
  none: '共有ファイルサーバ',
  audit: '共有ファイルサーバ',
  admin: '共有ファイルサーバ',
  clinical: '電子カルテシステム',
  technical: '部門システム',
  nutrition: '栄養管理システム',
  centre: '電子カルテシステム',
  pharmacy: '薬剤管理システム',
  ward: '電子カルテシステム',
  clinic: '診療所電子カルテ',
};

export interface DemoAssetOptions {
  readonly seed: number;
  readonly asOf: string;
}

export const generateDemoAssets = (org: OrgData, options: DemoAssetOptions): AssetFileData => {
  const random = createRandom(options.seed + 4);
  const { asOf } = options;
  const staffed = demoUnits.filter((u) => u.weight > 0 && templates[u.profile].length > 0);
  const creatorOf = new Map<string, string>();
  for (const s of org.staff)
    if (s.category === 'employee' && !creatorOf.has(s.unitCode)) creatorOf.set(s.unitCode, s.employeeNumber);

  const data: AssetFileData = {
    places: [
      {
        code: 'DEMO-OFFSITE',
        name: '遠隔地データ保管庫（委託）',
        nameEn: 'Off-site data store (contracted)',
        kind: 'offsite',
        owningUnitCode: null,
        location: 'デモ県 山間部の保管施設',
        fireproof: true,
        heatproof: true,
        waterproof: true,
        humidityproof: true,
        lowDisasterRisk: true,
        disasterRiskBasis: '県のハザードマップで洪水・土砂災害・津波の想定区域外（委託先の評価書で確認）',
        assessedOn: addDays(asOf, -120),
        note: null,
      },
      {
        code: 'IRYOJOHO-VAULT',
        name: '医療情報課 耐火保管庫',
        nameEn: 'Medical Information fire-resistant vault',
        kind: 'vault',
        owningUnitCode: medicalInformationSectionCode,
        location: '本館4階 サーバ室内',
        fireproof: true,
        heatproof: true,
        waterproof: true,
        humidityproof: true,
        lowDisasterRisk: false,
        disasterRiskBasis: null,
        assessedOn: addDays(asOf, -60),
        note: null,
      },
      ...staffed.map((u) => ({
        code: `${u.code}-CAB`,
        name: `${u.nameJa} 施錠書庫`,
        nameEn: `${u.nameEn} locked cabinet`,
        kind: 'cabinet' as const,
        owningUnitCode: u.code,
        location: null,
        fireproof: false,
        heatproof: false,
        waterproof: false,
        humidityproof: false,
        lowDisasterRisk: false,
        disasterRiskBasis: null,
        assessedOn: null,
        note: null,
      })),
    ],
    media: [],
    assets: [],
  };

  // Backups of the hospital information system: tapes rotated to the off-site store, write-protected.
  for (let i = 1; i <= 4; i++) {
    data.media.push({
      code: `LTO-HIS-${String(i).padStart(2, '0')}`,
      label: `電子カルテ バックアップテープ ${String(i)}`,
      kind: 'tape',
      removable: true,
      owningUnitCode: medicalInformationSectionCode,
      storagePlaceCode: 'DEMO-OFFSITE',
      purpose: 'backup',
      usage: 'rare',
      storedSince: addDays(asOf, -200 * i),
      writeProtected: true,
      writeProtectedOn: addDays(asOf, -200 * i),
      writeProtectionMethod: 'ライトプロテクトタブ',
      encrypted: true,
      status: 'stored',
    });
  }
  // Yearly archive discs in the vault; the oldest one was never finalised (write protection missing).
  for (let y = 1; y <= 3; y++) {
    data.media.push({
      code: `DVD-IRYOJOHO-${String(Number(asOf.slice(0, 4)) - y)}`,
      label: `${String(Number(asOf.slice(0, 4)) - y)}年度 診療統計アーカイブ（DVD-R）`,
      kind: 'opticalDisc',
      removable: true,
      owningUnitCode: medicalInformationSectionCode,
      storagePlaceCode: 'IRYOJOHO-VAULT',
      purpose: 'archive',
      usage: 'rare',
      storedSince: addYears(asOf, -y),
      writeProtected: y < 3,
      writeProtectedOn: y < 3 ? addYears(asOf, -y) : null,
      writeProtectionMethod: y < 3 ? '追記不可媒体（DVD-R）をファイナライズ' : null,
      encrypted: false,
      status: 'stored',
    });
  }

  for (const unit of staffed) {
    const usbCode = `USB-${unit.code}`;
    const list = templates[unit.profile];
    if (list.some(([, , , where]) => where === 'usb'))
      data.media.push({
        code: usbCode,
        label: `${unit.nameJa} 業務用USBメモリ（暗号化）`,
        kind: 'usbMemory',
        removable: true,
        owningUnitCode: unit.code,
        // Most units keep it in their ordinary cabinet, which has none of the protections 4-2(5)エ asks for.
        storagePlaceCode: random.chance(0.2) ? 'IRYOJOHO-VAULT' : `${unit.code}-CAB`,
        purpose: 'working',
        usage: 'frequent',
        storedSince: null,
        writeProtected: false,
        writeProtectedOn: null,
        writeProtectionMethod: null,
        encrypted: true,
        status: 'inUse',
      });
    list.forEach(([name, form, classification, where], i) => {
      const row: AssetFileRow = {
        code: `DEMO-${unit.code}-${String(i + 1).padStart(2, '0')}`,
        name: `${name}（${unit.nameJa}）`,
        description: null,
        form,
        owningUnitCode: unit.code,
        classification,
        systemName: where === 'system' ? systemOf[unit.profile] : null,
        storagePlaceCode: where === 'cabinet' ? `${unit.code}-CAB` : null,
        mediumCode: where === 'usb' ? usbCode : null,
        retainUntil: classification <= 2 ? addYears(asOf, random.int(1, 5)) : null,
        retentionNote: classification === 1 ? '医師法・医療法に基づく保存期間' : null,
        status: 'active',
        creatorEmployeeNumber: creatorOf.get(unit.code) ?? null,
      };
      data.assets.push(row);
    });
  }
  return data;
};
