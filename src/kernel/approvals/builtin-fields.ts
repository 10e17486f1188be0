/**
 * Option values of the shipped request forms that a module's code relies on (the forms themselves are data, in the
 * policy pack's `requests.yaml`). `request-forms.test.ts` checks the pack's forms offer exactly these values.
 */

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
