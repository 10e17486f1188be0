import type { Bilingual } from '../errors/index.js';
import type { FieldOption, FormField } from './request-type.js';

/** Small builders for the built-in forms: every field has a Japanese and an English label. */
const b = (ja: string, en: string): Bilingual => ({ ja, en });

export const textField = (
  key: string,
  ja: string,
  en: string,
  required = true,
  maxLength = 200,
): FormField => ({
  key,
  label: b(ja, en),
  type: 'text',
  required,
  maxLength,
});

export const longTextField = (key: string, ja: string, en: string, required = true): FormField => ({
  key,
  label: b(ja, en),
  type: 'longText',
  required,
  maxLength: 2000,
});

export const dateField = (key: string, ja: string, en: string, required = true): FormField => ({
  key,
  label: b(ja, en),
  type: 'date',
  required,
});

export const enumField = (
  key: string,
  ja: string,
  en: string,
  options: readonly (readonly [value: string, ja: string, en: string])[],
  required = true,
): FormField => ({
  key,
  label: b(ja, en),
  type: 'enum',
  required,
  options: options.map(([value, oj, oe]): FieldOption => ({ value, label: b(oj, oe) })),
});

export const declarationField = (key: string, ja: string, en: string): FormField => ({
  key,
  label: b(ja, en),
  type: 'boolean',
  required: true,
  mustBeTrue: true,
});

export const classificationField: FormField = {
  key: 'classification',
  label: b('重要性分類', 'Classification'),
  type: 'classification',
  required: true,
  help: b(
    'I：最も機密性が高い情報、II：I以外の非公開情報、III：公開情報のうち業務上必要なもの、IV：その他（第4 1）',
    'I: the most sensitive, II: other non-public, III: public but needed for work, IV: other (第4 1)',
  ),
};

export const purposeField = longTextField('purpose', '目的・業務上の必要性', 'Purpose and business need');

export const itemKinds = [
  ['pc', 'パソコン等の端末', 'PC or other terminal'],
  ['medium', '外部記録媒体（USBメモリ等）', 'Removable medium (USB memory etc.)'],
  ['paper', '紙の書類', 'Paper documents'],
  ['other', 'その他', 'Other'],
] as const;

/**
 * How information is disposed of (4-2(8)イ). Every method but `delete` leaves nothing recoverable; the assets
 * module refuses `delete` for classification II and above.
 */
export const disposalMethods = [
  ['overwrite', 'データ消去ソフトによる上書き消去', 'Overwritten with erasure software'],
  ['cryptoErase', '暗号化消去（暗号鍵の破棄）', 'Cryptographic erasure (key destroyed)'],
  ['degauss', '磁気消去', 'Degaussing'],
  ['initialise', '記録媒体の初期化（完全消去）', 'Initialise the medium (full erasure)'],
  ['destroy', '物理的な破壊', 'Physical destruction'],
  ['shred', '裁断・溶解（紙）', 'Shredding or pulping (paper)'],
  [
    'contractor',
    '専門業者による消去・破壊（証明書あり）',
    'Erasure or destruction by a contractor (certified)',
  ],
  [
    'delete',
    '通常の削除・廃棄（分類III・IVのみ）',
    'Ordinary deletion or disposal (classification III–IV only)',
  ],
] as const;

export const protections = [
  ['lockedCase', '鍵付きケースに格納', 'Locked case'],
  ['encrypted', '暗号化', 'Encrypted'],
  ['password', 'パスワード設定', 'Password protected'],
  ['none', '措置なし（分類III・IV）', 'None (classification III or IV)'],
] as const;
