/**
 * The headers of the asset register file, so an import issue on `assets.classification` reads 「情報資産 › 重要性分類」.
 * A copy of src/modules/assets/asset-file.ts (web never imports module code): when a column is added there, add it
 * here; an unknown field is shown as sent.
 */
type Columns = Readonly<Record<string, readonly [ja: string, en: string]>>;

const sheets: Readonly<Record<string, { name: readonly [string, string]; columns: Columns }>> = {
  places: {
    name: ['保管場所', 'Storage places'],
    columns: {
      code: ['保管場所コード', 'Place code'],
      name: ['名称', 'Name'],
      kind: ['種別', 'Kind'],
      owningUnitCode: ['所管部署コード', 'Owning unit code'],
      disasterRiskBasis: ['判断の根拠', 'Basis of the risk judgement'],
      assessedOn: ['確認日', 'Assessed on'],
    },
  },
  media: {
    name: ['記録媒体', 'Media'],
    columns: {
      code: ['媒体番号', 'Medium number'],
      label: ['名称', 'Label'],
      kind: ['種別', 'Kind'],
      owningUnitCode: ['所管部署コード', 'Owning unit code'],
      storagePlaceCode: ['保管場所コード', 'Place code'],
      purpose: ['用途', 'Purpose'],
      storedSince: ['保管開始日', 'Stored since'],
      writeProtectionMethod: ['書込禁止の方法', 'Write protection method'],
      status: ['状態', 'Status'],
    },
  },
  assets: {
    name: ['情報資産', 'Assets'],
    columns: {
      code: ['資産番号', 'Asset number'],
      name: ['名称', 'Name'],
      form: ['形態', 'Form'],
      owningUnitCode: ['所管部署コード', 'Owning unit code'],
      classification: ['重要性分類', 'Classification'],
      storagePlaceCode: ['保管場所コード', 'Place code'],
      mediumCode: ['媒体番号', 'Medium number'],
      retainUntil: ['保存期限', 'Retain until'],
      status: ['状態', 'Status'],
      creatorEmployeeNumber: ['作成者職員番号', 'Creator employee number'],
    },
  },
};

export const assetImportFieldLabel = (field: string, lang: 'ja' | 'en'): string => {
  const [sheet = '', key] = field.split('.');
  const spec = sheets[sheet];
  if (spec === undefined) return field;
  const name = lang === 'ja' ? spec.name[0] : spec.name[1];
  if (key === undefined) return name;
  const column = spec.columns[key];
  return `${name} › ${column === undefined ? key : lang === 'ja' ? column[0] : column[1]}`;
};
