import { z } from 'zod';
import {
  disposalMethods,
  optionalDate,
  optionalText,
  protections,
  text,
  type Bilingual,
} from '../../kernel/index.js';

/**
 * Information assets (第4): the words of the register as zod schemas. Classification I–IV is coded 1–4, lower
 * being more sensitive ("II以上" is 1 or 2), as in the glossary.
 */

export const classificationLevels = [1, 2, 3, 4] as const;
export type ClassificationLevel = (typeof classificationLevels)[number];
export const classNames: Readonly<Record<ClassificationLevel, string>> = {
  1: 'I',
  2: 'II',
  3: 'III',
  4: 'IV',
};

/** "II以上": class I or II (4-2(5)エ, (6), (7), (8)イ). */
export const isClassIIOrAbove = (level: number): boolean => level <= 2;

const classMessage: Bilingual = {
  ja: '重要性分類は I〜IV（1〜4）で指定してください（第4 1）。',
  en: 'Classification must be I–IV (1–4) (第4 1).',
};

const requiredMessage: Bilingual = { ja: '必須項目です。', en: 'This field is required.' };

/** 1–4, or as a spreadsheet holds it: I, II, Ⅲ (NFKC), ｉｖ, '2'. Null when it is none of them. */
export const toClassification = (v: unknown): ClassificationLevel | null => {
  let n: unknown = v;
  if (typeof v === 'string') {
    const t = v.normalize('NFKC').trim().toUpperCase();
    const roman = ['I', 'II', 'III', 'IV'].indexOf(t);
    n = roman >= 0 ? roman + 1 : /^\d+$/.test(t) ? Number(t) : v;
  }
  return n === 1 || n === 2 || n === 3 || n === 4 ? n : null;
};

export const classificationSchema = z.unknown().transform((v, ctx): ClassificationLevel => {
  const level = toClassification(v);
  if (level === null) {
    const missing = v === undefined || v === null || v === '';
    ctx.addIssue({ code: 'custom', params: missing ? requiredMessage : classMessage });
    return z.NEVER;
  }
  return level;
});

export const assetForms = ['electronic', 'paper'] as const;
export const assetStatuses = ['draft', 'active', 'disposed', 'erased'] as const;
export type AssetStatus = (typeof assetStatuses)[number];
/** How the asset came to be registered. */
export const assetOrigins = [
  'created',
  'receivedInside',
  'receivedOutside',
  'copy',
  'transmission',
  'imported',
] as const;
export type AssetOrigin = (typeof assetOrigins)[number];
/** Why it has its classification. */
export const classificationBases = [
  'creator',
  'source',
  'onReceipt',
  'provisional',
  'ruling',
  'inherited',
  'reclassified',
  'imported',
] as const;
export type ClassificationBasis = (typeof classificationBases)[number];

export const placeKinds = ['room', 'vault', 'cabinet', 'offsite', 'dataCentre', 'other'] as const;
export const mediumKinds = [
  'usbMemory',
  'externalDisk',
  'opticalDisc',
  'tape',
  'sdCard',
  'internalDisk',
  'paper',
  'other',
] as const;
export const mediumPurposes = ['working', 'backup', 'archive', 'transfer'] as const;
export const mediumUsages = ['frequent', 'rare'] as const;
export const mediumStatuses = ['inUse', 'stored', 'disposed', 'lost'] as const;
export const handlingKinds = [
  'transport',
  'provision',
  'publication',
  'publicationCheck',
  'disposal',
  'receipt',
  'copy',
  'transmission',
  'draftErased',
  'classificationRuled',
  'reclassified',
] as const;
export type HandlingKind = (typeof handlingKinds)[number];

const id = z.string().trim().min(1).max(64);
const optionalId = optionalText(64);
const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((v) => /^[A-Za-z0-9_.-]+$/.test(v), {
    params: {
      ja: '番号は英数字と - _ . のみ使えます。',
      en: 'Codes may use letters, digits, - _ and . only.',
    },
  });
const flag = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const t = v.normalize('NFKC').trim().toLowerCase();
  if (['1', 'true', 'yes', 'y', 'はい', '有', 'あり', '○', '〇'].includes(t)) return true;
  if (['0', 'false', 'no', 'n', 'いいえ', '無', 'なし', '×', ''].includes(t)) return false;
  return v;
}, z.boolean());

/** Where an asset lives: an information system, a storage place, a medium (any that apply). */
const location = {
  systemName: optionalText(200),
  storagePlaceId: optionalId,
  mediumId: optionalId,
};

const retention = {
  retainUntil: optionalDate,
  retentionNote: optionalText(500),
};

/**
 * Registering information one creates or obtains. The class is required at creation (4-2(2)イ); from inside it
 * is the source's (4-2(3)ア); from outside it is given on receipt (4-2(3)イ) or `unknown`, which files a request to
 * the Security Manager and handles the asset as class I until the ruling (4-2(3)ウ).
 */
export const registerAssetInput = z
  .strictObject({
    code: code.optional(),
    name: text(200),
    description: optionalText(2000),
    form: z.enum(assetForms),
    owningUnitId: id,
    compartmentId: optionalId,
    origin: z.enum(['created', 'receivedInside', 'receivedOutside']),
    classification: z.union([classificationSchema, z.literal('unknown')]).optional(),
    /** When the class is unclear: the recipient's best reading, on which the Manager rules (I by default). */
    proposedClassification: classificationSchema.optional(),
    question: optionalText(1000),
    sourceAssetId: optionalId,
    sourceParty: optionalText(200),
    receivedOn: optionalDate,
    draft: z.boolean().default(false),
    ...location,
    ...retention,
  })
  .superRefine((v, ctx) => {
    const need = (path: string, ja: string, en: string): void => {
      ctx.addIssue({ code: 'custom', path: [path], params: { ja, en } });
    };
    if (v.origin === 'created' && (v.classification === undefined || v.classification === 'unknown'))
      need(
        'classification',
        '作成する情報は作成時に重要性分類を定めてください（第4 2(2)イ）。',
        'Information you create is classified when you create it (4-2(2)イ).',
      );
    if (v.origin === 'receivedInside' && v.sourceAssetId === null && v.sourceParty === null)
      need(
        'sourceAssetId',
        '院内の入手元（登録簿の情報資産または作成した部署・職員）を指定してください（第4 2(3)ア）。',
        'Name the source inside the hospital: its register entry, or who made it (4-2(3)ア).',
      );
    if (v.origin === 'receivedOutside' && v.sourceParty === null)
      need('sourceParty', '入手元（院外の作成者）を入力してください。', 'Say who outside made it.');
    if (v.origin === 'receivedOutside' && v.classification === undefined)
      need(
        'classification',
        '入手時に重要性分類を定めるか「不明」を選んでください（第4 2(3)イ・ウ）。',
        'Classify it on receipt, or choose “unknown” (4-2(3)イ・ウ).',
      );
  });
export type RegisterAssetInput = z.output<typeof registerAssetInput>;

/** A copy or a transmission of a registered asset: it takes its source's classification (4-2(1)イ). */
export const deriveAssetInput = z.strictObject({
  sourceAssetId: id,
  kind: z.enum(['copy', 'transmission']),
  name: optionalText(200),
  owningUnitId: optionalId,
  /** A transmission's recipient, for the handling log. */
  recipient: optionalText(200),
  ...location,
  ...retention,
});

export const updateAssetInput = z.strictObject({
  assetId: id,
  name: text(200).optional(),
  description: optionalText(2000).optional(),
  systemName: optionalText(200).optional(),
  storagePlaceId: optionalId.optional(),
  mediumId: optionalId.optional(),
  retainUntil: optionalDate.optional(),
  retentionNote: optionalText(500).optional(),
  compartmentId: optionalId.optional(),
  /** A draft becomes active when it is finished. */
  status: z.literal('active').optional(),
});

export const reclassifyAssetInput = z.strictObject({
  assetId: id,
  classification: classificationSchema,
  reason: text(1000),
});

export const eraseDraftInput = z.strictObject({ assetId: id, reason: text(1000) });

export const placeInput = z.strictObject({
  code,
  name: text(200),
  nameEn: optionalText(200),
  kind: z.enum(placeKinds),
  owningUnitId: optionalId,
  location: optionalText(300),
  fireproof: flag.default(false),
  heatproof: flag.default(false),
  waterproof: flag.default(false),
  humidityproof: flag.default(false),
  lowDisasterRisk: flag.default(false),
  disasterRiskBasis: optionalText(1000),
  assessedOn: optionalDate,
  note: optionalText(1000),
});
export type PlaceInput = z.output<typeof placeInput>;

export const updatePlaceInput = placeInput.extend({ placeId: id, retiredOn: optionalDate });

export const mediumInput = z
  .strictObject({
    code,
    label: text(200),
    kind: z.enum(mediumKinds),
    removable: flag.default(true),
    owningUnitId: id,
    storagePlaceId: optionalId,
    purpose: z.enum(mediumPurposes),
    usage: z.enum(mediumUsages).default('frequent'),
    storedSince: optionalDate,
    writeProtected: flag.default(false),
    writeProtectedOn: optionalDate,
    writeProtectionMethod: optionalText(200),
    encrypted: flag.default(false),
    status: z.enum(['inUse', 'stored', 'lost']).default('inUse'),
  })
  .refine((m) => !m.writeProtected || m.writeProtectionMethod !== null, {
    path: ['writeProtectionMethod'],
    params: {
      ja: '書込禁止の方法（スイッチ、追記不可媒体など）を入力してください（第4 2(5)イ）。',
      en: 'Say how it is write-protected (switch, write-once medium…) (4-2(5)イ).',
    },
  });
export type MediumInput = z.output<typeof mediumInput>;

export const updateMediumInput = z.strictObject({ mediumId: id, medium: mediumInput });

export const assetFilters = z.strictObject({
  q: optionalText(100).optional(),
  unitId: optionalId.optional(),
  classification: classificationSchema.optional(),
  status: z.enum(assetStatuses).optional(),
  form: z.enum(assetForms).optional(),
  mediumId: optionalId.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AssetFilters = z.output<typeof assetFilters>;

/** The protections against misuse (4-2(6)イ, 4-2(7)イ) and the disposal methods (4-2(8)イ), as the request forms. */
export const protectionValues = protections.map(([value]) => value);
export type Protection = (typeof protections)[number][0];
export const disposalMethodValues = disposalMethods.map(([value]) => value);
export type DisposalMethod = (typeof disposalMethods)[number][0];
/** Every method but an ordinary deletion leaves nothing recoverable (4-2(8)イ). */
export const isUnrecoverable = (method: string): boolean => method !== 'delete';
/** What class II and above may be protected with: in transport (4-2(6)イ), when provided outside (4-2(7)イ). */
export const transportProtections: readonly string[] = ['lockedCase', 'encrypted', 'password'];
export const provisionProtections: readonly string[] = ['encrypted', 'password'];

const instant = z.iso.datetime({ offset: true });

/** Carrying out a transport or provision the Security Manager approved. */
export const completeHandlingInput = z.strictObject({
  handlingId: id,
  performedAt: instant,
  /** The protection actually used, when it differs from the one approved. */
  protection: z.enum(protections.map(([v]) => v) as [Protection, ...Protection[]]).optional(),
  note: optionalText(1000),
});

/** A transport or provision of class III or IV, which needs no permission, recorded in the handling log. */
export const recordHandlingInput = z
  .strictObject({
    kind: z.enum(['transport', 'provision']),
    assetId: optionalId,
    mediumId: optionalId,
    origin: optionalText(200),
    destination: optionalText(200),
    counterparty: optionalText(200),
    protection: z.enum(protections.map(([v]) => v) as [Protection, ...Protection[]]).default('none'),
    performedAt: instant,
    purpose: optionalText(1000),
  })
  .refine((v) => (v.assetId === null) !== (v.mediumId === null), {
    path: ['assetId'],
    params: {
      ja: '運搬・提供する情報資産か記録媒体のどちらかを指定してください。',
      en: 'Name either the asset or the medium.',
    },
  });

/** 4-2(8)ウ: what was done, when and by whom, for a disposal the Security Manager approved. */
export const recordDisposalInput = z.strictObject({
  handlingId: id,
  performedAt: instant,
  /** Who did it; the one recording by default. */
  performedByStaffId: optionalId,
  method: z.enum(disposalMethods.map(([v]) => v) as [DisposalMethod, ...DisposalMethod[]]),
  /** How recovery was made impossible (tool, passes, destruction), required for class II and above (4-2(8)イ). */
  sanitization: optionalText(1000),
  witnessName: optionalText(100),
  contractor: optionalText(200),
  contractorCertificate: optionalText(100),
  note: optionalText(1000),
});

/** 4-2(7)ウ: what is published to residents, by its exact bytes (their SHA-256 is kept). */
export const publishAssetInput = z.strictObject({
  assetId: id,
  channel: text(300),
  fileName: optionalText(200),
  contentBase64: z.string().min(1).max(30_000_000),
});

export const checkPublicationInput = z.strictObject({
  publicationId: id,
  contentBase64: z.string().min(1).max(30_000_000),
});

export const handlingFilters = z.strictObject({
  kind: z.enum(handlingKinds).optional(),
  unitId: optionalId.optional(),
  assetId: optionalId.optional(),
  /** Calendar dates (Japan time) bounding when each line was made. */
  from: optionalDate.optional(),
  to: optionalDate.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export type HandlingFilters = z.output<typeof handlingFilters>;

export const disposalFilters = z.strictObject({
  unitId: optionalId.optional(),
  from: optionalDate.optional(),
  to: optionalDate.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export type DisposalFilters = z.output<typeof disposalFilters>;
