import { z } from 'zod';
import { calendarDateSchema, optionalDate, optionalText, text } from '../../kernel/index.js';

/**
 * The device register (機器台帳, 第5 1, 4(1)) as zod schemas: what a device records of its installation (1(1)),
 * power (1(2)), anti-theft fixing (4(1)) and maintenance (1(4)ア); maintenance, repair and off-site check records
 * (1(4), 1(5)); disposals and lease returns with the erasure (1(6)).
 */

export const deviceKinds = ['server', 'terminal', 'network', 'other'] as const;
export type DeviceKind = (typeof deviceKinds)[number];
export const deviceStatuses = ['inUse', 'underRepair', 'offsite', 'disposed', 'returned'] as const;
export type DeviceStatus = (typeof deviceStatuses)[number];
/** Statuses of a device still held by the hospital. */
export const liveDeviceStatuses: readonly DeviceStatus[] = ['inUse', 'underRepair', 'offsite'];
export const serviceKinds = ['maintenance', 'repair', 'offsiteCheck'] as const;
export type ServiceKind = (typeof serviceKinds)[number];
export const disposalKinds = ['disposal', 'leaseReturn'] as const;
/** How the internal storage was made unrecoverable (1(6)); `noStorage` only for a device without storage. */
export const erasureMethods = [
  'noStorage',
  'overwrite',
  'cryptoErase',
  'degauss',
  'physicalDestruction',
] as const;
export type ErasureMethod = (typeof erasureMethods)[number];

/** Servers and network devices: the equipment 1(1) and 1(2) are judged on. */
export const isInfrastructure = (kind: string): boolean => kind === 'server' || kind === 'network';

const id = z.string().trim().min(1).max(64);
const tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((v) => /^[A-Za-z0-9_.-]+$/.test(v), {
    params: {
      ja: '資産番号は英数字と - _ . のみ使えます。',
      en: 'Asset tags may use letters, digits, - _ and . only.',
    },
  });
const flag = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const t = v.normalize('NFKC').trim().toLowerCase();
  if (['1', 'true', 'yes', 'y', 'はい', '有', 'あり', '○', '〇'].includes(t)) return true;
  if (['0', 'false', 'no', 'n', 'いいえ', '無', 'なし', '×', ''].includes(t)) return false;
  return v;
}, z.boolean());
const months = z.coerce.number().int().min(1).max(120);
const optionalMonths = z
  .preprocess((v) => (v === '' ? null : v), months.nullish())
  .transform((v) => v ?? null);
const minutes = z
  .preprocess((v) => (v === '' ? null : v), z.coerce.number().int().min(1).max(1440).nullish())
  .transform((v) => v ?? null);

const need = (ctx: z.RefinementCtx, path: string, ja: string, en: string): void => {
  ctx.addIssue({ code: 'custom', path: [path], params: { ja, en } });
};

export const deviceInput = z
  .strictObject({
    assetTag: tag,
    kind: z.enum(deviceKinds),
    name: text(200),
    maker: optionalText(100),
    model: optionalText(100),
    owningUnitId: id,
    location: optionalText(300),
    hasStorage: flag.default(false),
    environmentProtected: flag.default(false),
    fixed: flag.default(false),
    installationNote: optionalText(1000),
    ups: flag.default(false),
    upsRuntimeMinutes: minutes,
    surgeProtection: flag.default(false),
    antiTheft: flag.default(false),
    antiTheftMethod: optionalText(200),
    maintenanceIntervalMonths: optionalMonths,
    lastMaintainedOn: optionalDate,
  })
  .superRefine((v, ctx) => {
    if (v.ups && v.upsRuntimeMinutes === null)
      need(
        ctx,
        'upsRuntimeMinutes',
        '予備電源で稼働できる時間（分）を入力してください（第5 1(2)ア）。',
        'Say how many minutes the backup power lasts (5-1(2)ア).',
      );
    if (v.antiTheft && v.antiTheftMethod === null)
      need(
        ctx,
        'antiTheftMethod',
        '盗難防止の方法（ワイヤーロックなど）を入力してください（第5 4(1)）。',
        'Say how it is secured against theft (a wire lock…) (5-4(1)).',
      );
  });
export type DeviceInput = z.output<typeof deviceInput>;

export const registerDeviceInput = deviceInput;
const updateFields = {
  device: deviceInput,
  /** Sent for repair, back in use (also the end of an off-site placement). */
  status: z.enum(['inUse', 'underRepair']).optional(),
};
export const updateDeviceBody = z.strictObject(updateFields);
export const updateDeviceInput = z.strictObject({ deviceId: id, ...updateFields });

const pastDate = calendarDateSchema;

/** A periodic maintenance (1(4)ア) or a check of an off-site device's security (1(5)). */
export const recordMaintenanceInput = z.strictObject({
  deviceId: id,
  kind: z.enum(['maintenance', 'offsiteCheck']).default('maintenance'),
  performedOn: pastDate,
  performedBy: optionalText(200),
  note: optionalText(1000),
});

/** A repair (1(4)イ): by an outside contractor, a device with storage goes erased, or under an NDA and a check. */
const repairFields = {
  performedOn: pastDate,
  outsideContractor: flag.default(true),
  contractorName: optionalText(200),
  erased: flag.default(false),
  erasureMethod: optionalText(200),
  ndaConcluded: flag.default(false),
  confidentialityChecked: flag.default(false),
  note: optionalText(1000),
};
const checkRepair = (
  v: {
    outsideContractor: boolean;
    contractorName: string | null;
    erased: boolean;
    erasureMethod: string | null;
  },
  ctx: z.RefinementCtx,
): void => {
  if (v.outsideContractor && v.contractorName === null)
    need(ctx, 'contractorName', '修理を委託する事業者名を入力してください。', 'Name the repairer.');
  if (v.erased && v.erasureMethod === null)
    need(
      ctx,
      'erasureMethod',
      '消去の方法を入力してください（第5 1(4)イ）。',
      'Say how the contents were erased (5-1(4)イ).',
    );
};
/** The repair as the route takes it (the device is in the path). */
export const repairBody = z.strictObject(repairFields).superRefine(checkRepair);
export const recordRepairInput = z.strictObject({ deviceId: id, ...repairFields }).superRefine(checkRepair);

/** A disposal or lease return (1(6)): the erasure method, the certificate, who confirmed it. */
export const disposeDeviceInput = z.strictObject({
  deviceId: id,
  kind: z.enum(disposalKinds),
  performedOn: pastDate,
  erasureMethod: z.enum(erasureMethods),
  erasureDetail: optionalText(1000),
  contractor: optionalText(200),
  certificate: optionalText(100),
  /** Who confirmed the erasure; the one recording by default. */
  confirmedByStaffId: optionalText(64),
  note: optionalText(1000),
});

export const deviceFilters = z.strictObject({
  q: optionalText(100).optional(),
  unitId: optionalText(64).optional(),
  kind: z.enum(deviceKinds).optional(),
  status: z.enum(deviceStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DeviceFilters = z.output<typeof deviceFilters>;
