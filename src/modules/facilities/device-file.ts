import { sheetColumn, type SheetSpecs } from '../org/index.js';

/**
 * The device register as a spreadsheet (the 機器台帳 offices keep today): one sheet, units by code, yes/no columns
 * as はい・いいえ, 有・無, ○・× or 1/0, the kind as a code or its Japanese name. Read with the organisation module's
 * tabular reader (CSV or Excel, Japanese or English headers, per-row issues), like the asset register.
 */

const col = sheetColumn;

export const deviceFileSpecs: SheetSpecs<'devices'> = {
  devices: {
    sheet: 'devices',
    ja: '機器台帳',
    en: 'Devices',
    uniqueKey: 'assetTag',
    columns: [
      col('assetTag', '資産番号', 'Asset tag', 'text', true),
      col('kind', '種別', 'Kind', 'text', true),
      col('name', '名称', 'Name', 'text', true),
      col('maker', 'メーカー', 'Maker'),
      col('model', '型番', 'Model'),
      col('owningUnitCode', '所管部署コード', 'Owning unit code', 'text', true),
      col('location', '設置場所', 'Location'),
      col('hasStorage', '記憶媒体内蔵', 'Built-in storage'),
      col('environmentProtected', '設置環境の対策', 'Environment protected'),
      col('fixed', '固定', 'Fixed'),
      col('installationNote', '設置・固定の内容', 'Installation note'),
      col('ups', '予備電源', 'UPS'),
      col('upsRuntimeMinutes', '予備電源の稼働時間（分）', 'UPS runtime (minutes)', 'number'),
      col('surgeProtection', '過電流対策', 'Surge protection'),
      col('antiTheft', '盗難防止', 'Anti-theft'),
      col('antiTheftMethod', '盗難防止の方法', 'Anti-theft method'),
      col('maintenanceIntervalMonths', '保守間隔（月）', 'Maintenance interval (months)', 'number'),
      col('lastMaintainedOn', '最終保守日', 'Last maintained on', 'date'),
    ],
  },
};

/** The kind as offices write it: the code, or its Japanese name. */
const kindNames: Readonly<Record<string, string>> = {
  サーバ: 'server',
  サーバー: 'server',
  端末: 'terminal',
  パソコン: 'terminal',
  'パソコン・端末': 'terminal',
  PC: 'terminal',
  ネットワーク機器: 'network',
  その他: 'other',
};

export const kindFromText = (v: unknown): unknown =>
  typeof v === 'string' ? (kindNames[v.normalize('NFKC').trim()] ?? v) : v;
