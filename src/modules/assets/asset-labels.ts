import { disposalMethods, protections, type Bilingual } from '../../kernel/index.js';

/** The register's words in Japanese and English, for the files and PDFs the server writes. */

type Labels = Readonly<Record<string, Bilingual>>;
const b = (ja: string, en: string): Bilingual => ({ ja, en });

export const formLabels: Labels = { electronic: b('電子', 'Electronic'), paper: b('紙', 'Paper') };
export const statusLabels: Labels = {
  draft: b('作成中', 'Draft'),
  active: b('現用', 'Active'),
  disposed: b('廃棄済み', 'Disposed of'),
  erased: b('消去済み', 'Erased'),
};
export const basisLabels: Labels = {
  creator: b('作成者が分類', 'Classified by its creator'),
  source: b('入手元の分類', "Source's class"),
  onReceipt: b('入手時に分類', 'Classified on receipt'),
  provisional: b('判断待ち（分類Iとして扱う）', 'Awaiting ruling (handled as I)'),
  ruling: b('管理者の判断', "Manager's ruling"),
  inherited: b('複製元の分類', 'Inherited'),
  reclassified: b('管理者が変更', 'Reclassified'),
  imported: b('台帳から取込', 'Imported'),
};
export const originLabels: Labels = {
  created: b('作成', 'Created'),
  receivedInside: b('院内から入手', 'Received from inside'),
  receivedOutside: b('院外から入手', 'Received from outside'),
  copy: b('複製', 'Copy'),
  transmission: b('伝送', 'Transmission'),
  imported: b('取込', 'Imported'),
};
export const mediumKindLabels: Labels = {
  usbMemory: b('USBメモリ', 'USB memory'),
  externalDisk: b('外付けディスク', 'External disk'),
  opticalDisc: b('光ディスク', 'Optical disc'),
  tape: b('テープ', 'Tape'),
  sdCard: b('SDカード', 'SD card'),
  internalDisk: b('内蔵ディスク', 'Internal disk'),
  paper: b('紙（ファイル）', 'Paper file'),
  other: b('その他', 'Other'),
};
export const purposeLabels: Labels = {
  working: b('業務用', 'Working'),
  backup: b('バックアップ', 'Backup'),
  archive: b('保存用', 'Archive'),
  transfer: b('受け渡し', 'Transfer'),
};
export const usageLabels: Labels = { frequent: b('頻繁', 'Frequent'), rare: b('低い', 'Rare') };
export const mediumStatusLabels: Labels = {
  inUse: b('使用中', 'In use'),
  stored: b('保管中', 'Stored'),
  disposed: b('廃棄済み', 'Disposed of'),
  lost: b('紛失', 'Lost'),
};
export const handlingKindLabels: Labels = {
  transport: b('運搬', 'Transport'),
  provision: b('外部提供', 'Provision'),
  publication: b('公表', 'Publication'),
  publicationCheck: b('公表内容の確認', 'Publication check'),
  disposal: b('廃棄', 'Disposal'),
  receipt: b('入手', 'Receipt'),
  copy: b('複製', 'Copy'),
  transmission: b('伝送', 'Transmission'),
  draftErased: b('作成途上の消去', 'Draft erased'),
  classificationRuled: b('分類の判断', 'Classification ruled'),
  reclassified: b('分類の変更', 'Reclassified'),
};
export const handlingStatusLabels: Labels = {
  approved: b('許可済み・未実施', 'Approved, not yet done'),
  done: b('実施済み', 'Done'),
  cancelled: b('取消', 'Cancelled'),
};
export const protectionLabels: Labels = Object.fromEntries(protections.map(([v, ja, en]) => [v, b(ja, en)]));
export const methodLabels: Labels = Object.fromEntries(disposalMethods.map(([v, ja, en]) => [v, b(ja, en)]));

export const labelOf = (
  labels: Labels,
  value: string | null | undefined,
  lang: 'ja' | 'en' = 'ja',
): string => (value === null || value === undefined ? '' : (labels[value]?.[lang] ?? value));
