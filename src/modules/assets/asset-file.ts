import { z } from 'zod';
import { optionalDate, optionalText, text } from '../../kernel/index.js';
import { sheetColumn, type SheetSpecs } from '../org/index.js';
import {
  assetForms,
  classificationSchema,
  mediumKinds,
  mediumPurposes,
  mediumUsages,
  placeKinds,
} from './assets.schema.js';

/**
 * The asset register as a spreadsheet (the form offices keep today, and what Mamori exports): three sheets — 保管場所,
 * 記録媒体, 情報資産 — whose rows refer to each other and to units by code. Read with the organisation module's
 * tabular reader (CSV or Excel, Japanese or English headers, per-row issues), so both imports behave alike.
 */

export const assetSheets = ['places', 'media', 'assets'] as const;
export type AssetSheet = (typeof assetSheets)[number];

const col = sheetColumn;

export const assetFileSpecs: SheetSpecs<AssetSheet> = {
  places: {
    sheet: 'places',
    ja: '保管場所',
    en: 'Storage places',
    uniqueKey: 'code',
    columns: [
      col('code', '保管場所コード', 'Place code', 'text', true),
      col('name', '名称', 'Name', 'text', true),
      col('nameEn', '名称（英語）', 'Name (English)'),
      col('kind', '種別', 'Kind', 'text', true),
      col('owningUnitCode', '所管部署コード', 'Owning unit code'),
      col('location', '所在', 'Location'),
      col('fireproof', '耐火', 'Fireproof'),
      col('heatproof', '耐熱', 'Heatproof'),
      col('waterproof', '耐水', 'Waterproof'),
      col('humidityproof', '耐湿', 'Humidity-proof'),
      col('lowDisasterRisk', '自然災害の可能性が低い', 'Low natural-disaster risk'),
      col('disasterRiskBasis', '判断の根拠', 'Basis of the risk judgement'),
      col('assessedOn', '確認日', 'Assessed on', 'date'),
      col('note', '備考', 'Note'),
    ],
  },
  media: {
    sheet: 'media',
    ja: '記録媒体',
    en: 'Media',
    uniqueKey: 'code',
    columns: [
      col('code', '媒体番号', 'Medium number', 'text', true),
      col('label', '名称', 'Label', 'text', true),
      col('kind', '種別', 'Kind', 'text', true),
      col('removable', '外部記録媒体', 'Removable'),
      col('owningUnitCode', '所管部署コード', 'Owning unit code', 'text', true),
      col('storagePlaceCode', '保管場所コード', 'Place code'),
      col('purpose', '用途', 'Purpose', 'text', true),
      col('usage', '利用頻度', 'Usage'),
      col('storedSince', '保管開始日', 'Stored since', 'date'),
      col('writeProtected', '書込禁止', 'Write-protected'),
      col('writeProtectedOn', '書込禁止日', 'Write-protected on', 'date'),
      col('writeProtectionMethod', '書込禁止の方法', 'Write protection method'),
      col('encrypted', '暗号化', 'Encrypted'),
      col('status', '状態', 'Status'),
    ],
  },
  assets: {
    sheet: 'assets',
    ja: '情報資産',
    en: 'Assets',
    uniqueKey: 'code',
    columns: [
      col('code', '資産番号', 'Asset number', 'text', true),
      col('name', '名称', 'Name', 'text', true),
      col('description', '内容', 'Description'),
      col('form', '形態', 'Form', 'text', true),
      col('owningUnitCode', '所管部署コード', 'Owning unit code', 'text', true),
      col('classification', '重要性分類', 'Classification', 'text', true),
      col('systemName', '情報システム', 'Information system'),
      col('storagePlaceCode', '保管場所コード', 'Place code'),
      col('mediumCode', '媒体番号', 'Medium number'),
      col('retainUntil', '保存期限', 'Retain until', 'date'),
      col('retentionNote', '保存に関する備考', 'Retention note'),
      col('status', '状態', 'Status'),
      col('creatorEmployeeNumber', '作成者職員番号', 'Creator employee number'),
    ],
  },
};

/** Codes, or the Japanese words an office writes in a cell (電子 / 紙, 保管中…). */
const enumOf = <const T extends readonly [string, ...string[]]>(
  values: T,
  words: Readonly<Record<string, T[number]>> = {},
) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (words[v.normalize('NFKC').trim()] ?? v.trim()) : v),
    z.enum(values),
  );

const yes = ['1', 'true', 'yes', 'y', 'はい', '有', 'あり', '○', '〇'];
const flag = z.preprocess((v) => {
  if (v === undefined || v === null) return false;
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return v;
  const t = String(v).normalize('NFKC').trim().toLowerCase();
  if (yes.includes(t)) return true;
  if (['0', 'false', 'no', 'n', 'いいえ', '無', 'なし', '×', '-', ''].includes(t)) return false;
  return v;
}, z.boolean());

const code = text(40).refine((v) => /^[A-Za-z0-9_.-]+$/.test(v), {
  params: { ja: '番号は英数字と - _ . のみ使えます。', en: 'Codes may use letters, digits, - _ and . only.' },
});

export const placeRowSchema = z.strictObject({
  code,
  name: text(200),
  nameEn: optionalText(200),
  kind: enumOf(placeKinds, {
    室: 'room',
    保管庫: 'vault',
    金庫: 'vault',
    書庫: 'cabinet',
    キャビネット: 'cabinet',
    遠隔地: 'offsite',
    データセンター: 'dataCentre',
    その他: 'other',
  }),
  owningUnitCode: optionalText(40),
  location: optionalText(300),
  fireproof: flag,
  heatproof: flag,
  waterproof: flag,
  humidityproof: flag,
  lowDisasterRisk: flag,
  disasterRiskBasis: optionalText(1000),
  assessedOn: optionalDate,
  note: optionalText(1000),
});
export type PlaceFileRow = z.output<typeof placeRowSchema>;

export const mediumRowSchema = z.strictObject({
  code,
  label: text(200),
  kind: enumOf(mediumKinds, {
    USBメモリ: 'usbMemory',
    外付けディスク: 'externalDisk',
    光ディスク: 'opticalDisc',
    'DVD-R': 'opticalDisc',
    テープ: 'tape',
    SDカード: 'sdCard',
    内蔵ディスク: 'internalDisk',
    紙: 'paper',
    その他: 'other',
  }),
  removable: flag.default(true),
  owningUnitCode: text(40),
  storagePlaceCode: optionalText(40),
  purpose: enumOf(mediumPurposes, {
    業務用: 'working',
    バックアップ: 'backup',
    保存用: 'archive',
    受け渡し: 'transfer',
  }),
  usage: enumOf(mediumUsages, { 頻繁: 'frequent', 低い: 'rare', まれ: 'rare' }).default('frequent'),
  storedSince: optionalDate,
  writeProtected: flag,
  writeProtectedOn: optionalDate,
  writeProtectionMethod: optionalText(200),
  encrypted: flag,
  status: enumOf(['inUse', 'stored', 'lost'], { 使用中: 'inUse', 保管中: 'stored', 紛失: 'lost' }).default(
    'inUse',
  ),
});
export type MediumFileRow = z.output<typeof mediumRowSchema>;

export const assetRowSchema = z.strictObject({
  code,
  name: text(200),
  description: optionalText(2000),
  form: enumOf(assetForms, { 電子: 'electronic', 電磁的記録: 'electronic', 紙: 'paper', 紙媒体: 'paper' }),
  owningUnitCode: text(40),
  // An imported register carries its classes: an unclear one is asked about on receipt, not on import.
  classification: classificationSchema,
  systemName: optionalText(200),
  storagePlaceCode: optionalText(40),
  mediumCode: optionalText(40),
  retainUntil: optionalDate,
  retentionNote: optionalText(500),
  status: enumOf(['draft', 'active'], { 作成中: 'draft', 現用: 'active', 使用中: 'active' }).default(
    'active',
  ),
  creatorEmployeeNumber: optionalText(20),
});
export type AssetFileRow = z.output<typeof assetRowSchema>;

export const assetRowSchemas = {
  places: placeRowSchema,
  media: mediumRowSchema,
  assets: assetRowSchema,
} as const;

export interface AssetFileData {
  places: PlaceFileRow[];
  media: MediumFileRow[];
  assets: AssetFileRow[];
}
