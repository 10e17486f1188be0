import {
  AppError,
  defineUseCase,
  fileRequest,
  newId,
  type LedgerDraft,
  type UseCaseContext,
  type Tx,
} from '../../kernel/index.js';
import {
  allow,
  fieldError,
  nameOf,
  recordingDenials,
  requireActForUnit,
  today,
  unitPathOf,
} from './asset-access.js';
import { assetSubject, logHandling, refreshMediaClassification } from './asset-effects.js';
import {
  findAsset,
  findAssetByCode,
  insertAsset,
  nextCode,
  updateAsset,
  type AssetRow,
} from './assets.repository.js';
import {
  classNames,
  classificationSchema,
  registerAssetInput,
  type ClassificationBasis,
  type ClassificationLevel,
  type RegisterAssetInput,
} from './assets.schema.js';
import { resolveLocation } from './locations.js';

/** The classification an asset gets on registration, and why (4-2(2)イ, 4-2(3)ア・イ・ウ). */
const classify = async (
  tx: Tx,
  input: RegisterAssetInput,
): Promise<{ level: ClassificationLevel; basis: ClassificationBasis; source: AssetRow | null }> => {
  const given = input.classification;
  switch (input.origin) {
    case 'created':
      if (given === undefined || given === 'unknown') throw new Error('checked by the schema');
      return { level: given, basis: 'creator', source: null };
    case 'receivedInside': {
      if (input.sourceAssetId === null) {
        if (given === undefined || given === 'unknown')
          return { level: 1, basis: 'provisional', source: null };
        return { level: given, basis: 'source', source: null };
      }
      const source = await findAsset(tx, input.sourceAssetId);
      if (source === undefined || source.status === 'erased')
        throw fieldError(
          'sourceAssetId',
          '入手元の情報資産が見つかりません。',
          'The source asset was not found.',
        );
      const level = classificationSchema.parse(source.classification);
      if (given !== undefined && given !== 'unknown' && given !== level)
        throw fieldError(
          'classification',
          `院内で作成された情報資産は入手元の分類（${classNames[level]}）で扱います（第4 2(3)ア）。`,
          `Information made inside the hospital keeps its source's classification (${classNames[level]}) (4-2(3)ア).`,
        );
      return { level, basis: 'source', source };
    }
    case 'receivedOutside':
      if (given === undefined || given === 'unknown') return { level: 1, basis: 'provisional', source: null };
      return { level: given, basis: 'onReceipt', source: null };
  }
};

/** Files the request to the Security Manager for an asset whose class is unclear (4-2(3)ウ). */
export const askForRuling = async (
  ctx: UseCaseContext,
  tx: Tx,
  asset: AssetRow,
  proposal: ClassificationLevel,
  question: string | null,
): Promise<{ requestId: string; ledger: LedgerDraft[] }> => {
  const filed = await fileRequest(ctx, tx, {
    typeId: 'assets.classificationRuling',
    form: {
      assetName: asset.name,
      sourceParty: asset.source_party ?? '院内',
      classification: proposal,
      question,
    },
    resourceRef: assetSubject(asset.id),
  });
  await updateAsset(tx, asset.id, { ruling_request_id: filed.result.id });
  return { requestId: filed.result.id, ledger: [...filed.ledger] };
};

/**
 * Registers information one creates or obtains. A classification is required when it is created (4-2(2)イ); an
 * asset from inside keeps its source's class (4-2(3)ア); one from outside is classified on receipt (4-2(3)イ), or,
 * when its class is unclear, is handled as class I while a request asks the Security Manager (4-2(3)ウ).
 */
export const registerAsset = recordingDenials(
  defineUseCase({
    name: 'assets.registerAsset',
    input: registerAssetInput,
    authorize: allow('assets.register'),
    execute: async (ctx, input, tx) => {
      const now = ctx.clock.now().toISOString();
      const path = await unitPathOf(ctx, tx, input.owningUnitId);
      requireActForUnit(ctx.actor, path, 'owningUnitId');
      const { medium } = await resolveLocation(tx, input);
      const { level, basis, source } = await classify(tx, input);
      const code = input.code ?? (await nextCode(tx, 'IA', Number(today(ctx).slice(0, 4))));
      if ((await findAssetByCode(tx, code)) !== undefined)
        throw new AppError(
          'conflict',
          { ja: `資産番号 ${code} は登録済みです。`, en: `Asset number ${code} is already registered.` },
          { issues: [{ field: 'code', message: { ja: '登録済みの番号です。', en: 'Already registered.' } }] },
        );
      const staffId = ctx.actor.staffId;
      const row: AssetRow = {
        id: newId(),
        code,
        name: input.name,
        description: input.description,
        form: input.form,
        owning_unit_id: input.owningUnitId,
        compartment_id: input.compartmentId,
        classification: level,
        classification_basis: basis,
        classified_by_staff_id: basis === 'provisional' ? null : staffId,
        classified_at: now,
        origin: input.origin,
        source_asset_id: source?.id ?? null,
        source_party: input.sourceParty,
        received_on: input.origin === 'created' ? null : (input.receivedOn ?? today(ctx)),
        system_name: input.systemName,
        storage_place_id: input.storagePlaceId,
        medium_id: input.mediumId,
        retain_until: input.retainUntil,
        retention_note: input.retentionNote,
        status: input.draft ? 'draft' : 'active',
        ruling_request_id: null,
        created_by_staff_id: staffId,
        created_by_name: (await nameOf(ctx, tx, staffId)) ?? ctx.actor.loginId,
        created_at: now,
        updated_at: now,
        erased_at: null,
        erased_by_staff_id: null,
        erase_reason: null,
        disposed_at: null,
      };
      await insertAsset(tx, row);
      const ledger: LedgerDraft[] = [];
      if (input.origin !== 'created') {
        const receipt = await logHandling(tx, {
          kind: 'receipt',
          status: 'done',
          assetId: row.id,
          mediumId: row.medium_id,
          subjectName: row.name,
          unitId: row.owning_unit_id,
          classification: level,
          performedByStaffId: staffId,
          performedByName: row.created_by_name,
          counterparty: source?.code ?? input.sourceParty,
          now,
          detail: { origin: input.origin, basis },
        });
        ledger.push(receipt.entry);
      }
      let rulingRequestId: string | null = null;
      if (basis === 'provisional') {
        const ruling = await askForRuling(ctx, tx, row, input.proposedClassification ?? 1, input.question);
        rulingRequestId = ruling.requestId;
        ledger.push(...ruling.ledger);
      }
      ledger.push(...(await refreshMediaClassification(tx, [medium?.id], now)));
      return {
        result: { id: row.id, code, classification: level, classificationBasis: basis, rulingRequestId },
        ledger: [
          {
            kind: 'assets.asset.registered',
            subject: assetSubject(row.id),
            payload: {
              code,
              name: row.name,
              form: row.form,
              owningUnitId: row.owning_unit_id,
              compartmentId: row.compartment_id,
              classification: level,
              basis,
              origin: row.origin,
              source: row.source_asset_id,
              sourceParty: row.source_party,
              status: row.status,
              systemName: row.system_name,
              storagePlaceId: row.storage_place_id,
              mediumId: row.medium_id,
              retainUntil: row.retain_until,
            },
          },
          ...ledger,
        ],
      };
    },
  }),
);
