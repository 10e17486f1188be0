import { z } from 'zod';
import { defineQuery, optionalDate, optionalText, type UseCaseContext } from '../../kernel/index.js';
import type { AssetDisposalView, AssetHandlingView, MediumView } from '../../shared/api-types.js';
import { allow } from './asset-access.js';
import { assetFileSpecs } from './asset-file.js';
import {
  basisLabels,
  formLabels,
  handlingKindLabels,
  handlingStatusLabels,
  labelOf,
  mediumKindLabels,
  mediumStatusLabels,
  methodLabels,
  protectionLabels,
  purposeLabels,
  statusLabels,
} from './asset-labels.js';
import { assetParameters } from './asset-parameters.js';
import { loadLookups } from './assets.presenters.js';
import { unitsByCode } from './assets.repository.js';
import {
  assetFilters,
  assetStatuses,
  classificationSchema,
  classNames,
  handlingKinds,
  type ClassificationLevel,
} from './assets.schema.js';
import { listDisposalRecords } from './list-disposals.js';
import { listHandlingLog } from './list-handlings.js';
import { visibleAssetRows } from './list-assets.js';
import { listStoragePlaces } from './list-places.js';
import { mediaViews } from './media-view.js';
import { writeRegisterPdf, writeRegisterXlsx, type RegisterSheet } from './register-files.js';

export const registers = ['assets', 'media', 'handlings', 'disposals'] as const;
export type RegisterName = (typeof registers)[number];

export const exportRegisterInput = z.strictObject({
  register: z.enum(registers),
  format: z.enum(['xlsx', 'pdf']),
  q: optionalText(100).optional(),
  unitId: optionalText(64).optional(),
  classification: classificationSchema.optional(),
  status: z.enum([...assetStatuses, 'inUse', 'stored', 'lost']).optional(),
  form: z.enum(['electronic', 'paper']).optional(),
  kind: z.enum(handlingKinds).optional(),
  from: optionalDate.optional(),
  to: optionalDate.optional(),
});
type ExportInput = z.output<typeof exportRegisterInput>;

/** The asset register's own filters out of the export's query. */
const assetFiltersOf = (input: ExportInput) =>
  assetFilters.parse({
    q: input.q,
    unitId: input.unitId,
    classification: input.classification,
    status:
      input.status === 'inUse' || input.status === 'stored' || input.status === 'lost'
        ? undefined
        : input.status,
    form: input.form,
    limit: 1000,
  });

const cls = (n: number | null): string => (n === null ? '' : classNames[n as ClassificationLevel]);
const yes = (b: boolean): string => (b ? 'はい' : '');
const titles: Readonly<Record<RegisterName, string>> = {
  assets: '情報資産台帳',
  media: '記録媒体台帳',
  handlings: '情報資産の取扱記録',
  disposals: '情報資産の廃棄記録',
};

const col = (header: string, width: number) => ({ header, width });

/** The asset register as the importable workbook: 保管場所, 記録媒体, 情報資産, with codes as the import reads them. */
const assetWorkbook = async (ctx: UseCaseContext, input: ExportInput): Promise<RegisterSheet[]> => {
  const rows = await visibleAssetRows(ctx, assetFiltersOf(input));
  const lookups = await loadLookups(ctx.database.db, { media: rows.map((r) => r.medium_id) });
  const places = await listStoragePlaces(ctx, {});
  const media = await mediaViews(
    ctx,
    { unitId: input.unitId ?? null },
    (await assetParameters(ctx.database.db)).longTermMonths,
  );
  const unitCodes = new Map([...(await unitsByCode(ctx.database.db))].map(([code, id]) => [id, code]));
  const header = (sheet: keyof typeof assetFileSpecs) =>
    assetFileSpecs[sheet].columns.map((c) => col(c.ja, Math.max(10, c.ja.length * 2 + 2)));
  return [
    {
      name: assetFileSpecs.places.ja,
      columns: header('places'),
      rows: places.map((p) => [
        p.code,
        p.name,
        p.nameEn,
        p.kind,
        p.owningUnit === null ? null : (unitCodes.get(p.owningUnit.id) ?? null),
        p.location,
        yes(p.fireproof),
        yes(p.heatproof),
        yes(p.waterproof),
        yes(p.humidityproof),
        yes(p.lowDisasterRisk),
        p.disasterRiskBasis,
        p.assessedOn,
        p.note,
      ]),
    },
    {
      name: assetFileSpecs.media.ja,
      columns: header('media'),
      rows: media.map((m) => [
        m.code,
        m.label,
        m.kind,
        yes(m.removable),
        unitCodes.get(m.owningUnit.id) ?? null,
        m.storagePlace?.code ?? null,
        m.purpose,
        m.usage,
        m.storedSince,
        yes(m.writeProtected),
        m.writeProtectedOn,
        m.writeProtectionMethod,
        yes(m.encrypted),
        m.status,
      ]),
    },
    {
      name: assetFileSpecs.assets.ja,
      columns: header('assets'),
      rows: rows.map((a) => [
        a.code,
        a.name,
        a.description,
        a.form,
        unitCodes.get(a.owning_unit_id) ?? null,
        cls(a.classification),
        a.system_name,
        a.storage_place_id === null ? null : (lookups.places.get(a.storage_place_id)?.code ?? null),
        a.medium_id === null ? null : (lookups.media.get(a.medium_id)?.code ?? null),
        a.retain_until,
        a.retention_note,
        a.status,
        null,
      ]),
    },
  ];
};

/** The register for print: the columns a reader needs, in Japanese. */
const assetSheetForPrint = async (ctx: UseCaseContext, input: ExportInput): Promise<RegisterSheet> => {
  const rows = await visibleAssetRows(ctx, assetFiltersOf(input));
  const lookups = await loadLookups(ctx.database.db, { media: rows.map((r) => r.medium_id) });
  return {
    name: titles.assets,
    columns: [
      col('資産番号', 1.3),
      col('名称', 2.6),
      col('形態', 0.6),
      col('所管部署', 1.3),
      col('分類', 0.5),
      col('分類の根拠', 1.2),
      col('所在（システム・保管場所・媒体）', 2.4),
      col('保存期限', 1),
      col('状態', 0.7),
      col('作成者', 1),
    ],
    rows: rows.map((a) => [
      a.code,
      a.name,
      labelOf(formLabels, a.form),
      lookups.units.get(a.owning_unit_id)?.nameJa ?? '',
      cls(a.classification),
      labelOf(basisLabels, a.classification_basis),
      [
        a.system_name,
        a.storage_place_id === null ? null : lookups.places.get(a.storage_place_id)?.name,
        a.medium_id === null ? null : lookups.media.get(a.medium_id)?.code,
      ]
        .filter((x) => x !== null && x !== undefined)
        .join(' / '),
      a.retain_until ?? '',
      labelOf(statusLabels, a.status),
      a.created_by_name ?? '',
    ]),
  };
};

const mediaSheet = (media: readonly MediumView[]): RegisterSheet => ({
  name: titles.media,
  columns: [
    col('媒体番号', 1.2),
    col('名称', 2),
    col('種別', 1),
    col('所管部署', 1.2),
    col('保管場所', 1.6),
    col('用途', 0.8),
    col('保管開始日', 1),
    col('書込禁止', 1.2),
    col('暗号化', 0.6),
    col('分類（最高）', 0.7),
    col('件数', 0.5),
    col('状態', 0.7),
    col('保管の確認（第4 2(5)）', 3),
  ],
  rows: media.map((m) => [
    m.code,
    m.label,
    labelOf(mediumKindLabels, m.kind),
    m.owningUnit.nameJa,
    m.storagePlace?.name ?? '',
    labelOf(purposeLabels, m.purpose),
    m.storedSince ?? '',
    m.writeProtected ? (m.writeProtectionMethod ?? 'はい') : '',
    yes(m.encrypted),
    cls(m.classification),
    m.assetCount,
    labelOf(mediumStatusLabels, m.status),
    m.findings.map((f) => `${f.ok ? '○' : '×'} ${f.reason.ja}`).join('\n'),
  ]),
});

const handlingSheet = (log: readonly AssetHandlingView[]): RegisterSheet => ({
  name: titles.handlings,
  columns: [
    col('記録日時', 1.2),
    col('種別', 0.9),
    col('状況', 1),
    col('対象', 2.4),
    col('分類', 0.5),
    col('所管部署', 1.1),
    col('申請番号', 1),
    col('運搬元・先／提供先', 2),
    col('措置', 1),
    col('予定日', 0.9),
    col('実施日時', 1.2),
    col('実施者', 1),
  ],
  rows: log.map((h) => [
    h.createdAt,
    labelOf(handlingKindLabels, h.kind),
    labelOf(handlingStatusLabels, h.status),
    h.subjectName,
    cls(h.classification),
    h.unit.nameJa,
    h.requestRefNo ?? '',
    [h.origin, h.destination, h.counterparty].filter((x) => x !== null).join(' → '),
    labelOf(protectionLabels, h.protection),
    h.plannedOn ?? '',
    h.performedAt ?? '',
    h.performedByName ?? '',
  ]),
});

const disposalSheet = (records: readonly AssetDisposalView[]): RegisterSheet => ({
  name: titles.disposals,
  columns: [
    col('記録番号', 1.1),
    col('実施日時', 1.2),
    col('対象', 2.3),
    col('分類', 0.5),
    col('所管部署', 1.1),
    col('方法', 1.6),
    col('復元できないようにした処置', 2.4),
    col('実施者', 1),
    col('立会者', 0.9),
    col('委託事業者', 1.1),
    col('申請番号', 1),
  ],
  rows: records.map((d) => [
    d.recordNo,
    d.performedAt,
    d.subjectName,
    cls(d.classification),
    d.unit.nameJa,
    labelOf(methodLabels, d.method),
    d.sanitization ?? '',
    d.performedByName,
    d.witnessName ?? '',
    [d.contractor, d.contractorCertificate].filter((x) => x !== null).join(' '),
    d.requestRefNo ?? '',
  ]),
});

const conditionsOf = (input: ExportInput): string =>
  [
    input.q ? `検索「${input.q}」` : null,
    input.classification === undefined ? null : `分類${cls(input.classification)}`,
    input.status ? `状態 ${input.status}` : null,
    input.kind ? labelOf(handlingKindLabels, input.kind) : null,
    input.from || input.to ? `期間 ${input.from ?? ''}〜${input.to ?? ''}` : null,
  ]
    .filter((x) => x !== null)
    .join('、');

/**
 * The four registers of 第4 as files: the asset register (an Excel workbook the import reads back, or a PDF), the
 * media register with the storage checks, the handling log and the disposal records — each with the screen's
 * filters and only what the reader may see.
 */
export const exportRegister = defineQuery({
  name: 'assets.exportRegister',
  input: exportRegisterInput,
  authorize: allow('assets.read'),
  execute: async (ctx, input): Promise<{ fileName: string; contentType: string; body: Buffer }> => {
    const printedAt = ctx.clock.now();
    const f = { unitId: input.unitId ?? null, from: input.from ?? null, to: input.to ?? null };
    let sheets: RegisterSheet[];
    switch (input.register) {
      case 'assets':
        sheets =
          input.format === 'xlsx' ? await assetWorkbook(ctx, input) : [await assetSheetForPrint(ctx, input)];
        break;
      case 'media': {
        const status =
          input.status === 'inUse' || input.status === 'stored' || input.status === 'lost'
            ? input.status
            : null;
        sheets = [
          mediaSheet(
            await mediaViews(
              ctx,
              { unitId: f.unitId, status },
              (await assetParameters(ctx.database.db)).longTermMonths,
            ),
          ),
        ];
        break;
      }
      case 'handlings':
        sheets = [handlingSheet(await listHandlingLog(ctx, { ...f, kind: input.kind, limit: 5000 }))];
        break;
      case 'disposals':
        sheets = [disposalSheet(await listDisposalRecords(ctx, { ...f, limit: 5000 }))];
        break;
    }
    const stamp = printedAt.toISOString().slice(0, 10);
    if (input.format === 'xlsx')
      return {
        fileName: `${input.register}-${stamp}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await writeRegisterXlsx(sheets, printedAt),
      };
    const [sheet] = sheets;
    if (sheet === undefined) throw new Error('no register sheet');
    return {
      fileName: `${input.register}-${stamp}.pdf`,
      contentType: 'application/pdf',
      body: await writeRegisterPdf({
        title: titles[input.register],
        hospitalName: ctx.hospitalName,
        printedAt,
        timeZone: ctx.timeZone,
        conditions: conditionsOf(input),
        sheet,
      }),
    };
  },
});
