import { AppError, defineUseCase, newId } from '../../kernel/index.js';
import {
  allow,
  nameOf,
  notFound,
  recordingDenials,
  requireActForUnit,
  requireReadAsset,
  today,
  unitPathOf,
} from './asset-access.js';
import { assetSubject, logHandling, refreshMediaClassification } from './asset-effects.js';
import { findAsset, insertAsset, nextCode, type AssetRow } from './assets.repository.js';
import { deriveAssetInput } from './assets.schema.js';
import { resolveLocation } from './locations.js';

/**
 * A copy or a transmission of a registered asset becomes an asset of its own, managed under the classification of
 * its source (4-2(1)イ): the class is taken from the source, never typed, and follows the source if it changes.
 */
export const deriveAsset = recordingDenials(
  defineUseCase({
    name: 'assets.deriveAsset',
    input: deriveAssetInput,
    authorize: allow('assets.register'),
    execute: async (ctx, input, tx) => {
      const now = ctx.clock.now().toISOString();
      const source = await findAsset(tx, input.sourceAssetId);
      if (source === undefined) throw notFound();
      requireReadAsset(ctx.actor, source, await unitPathOf(ctx, tx, source.owning_unit_id));
      if (source.status !== 'active' && source.status !== 'draft') {
        throw new AppError('conflict', {
          ja: `この情報資産は${source.status === 'disposed' ? '廃棄' : '消去'}済みのため複製・伝送できません。`,
          en: `This asset has been ${source.status === 'disposed' ? 'disposed of' : 'erased'}; it cannot be copied or sent.`,
        });
      }
      const owningUnitId = input.owningUnitId ?? source.owning_unit_id;
      requireActForUnit(ctx.actor, await unitPathOf(ctx, tx, owningUnitId), 'owningUnitId');
      const { medium } = await resolveLocation(tx, input);
      const staffId = ctx.actor.staffId;
      const suffix = input.kind === 'copy' ? '（複製）' : '（伝送）';
      const row: AssetRow = {
        id: newId(),
        code: await nextCode(tx, 'IA', Number(today(ctx).slice(0, 4))),
        name: input.name ?? `${source.name}${suffix}`,
        description: source.description,
        form: source.form,
        owning_unit_id: owningUnitId,
        // Inside the same section a copy stays in its source's compartment (7-1(1)イ).
        compartment_id: owningUnitId === source.owning_unit_id ? source.compartment_id : null,
        classification: source.classification,
        classification_basis: 'inherited',
        classified_by_staff_id: staffId,
        classified_at: now,
        origin: input.kind,
        source_asset_id: source.id,
        source_party: null,
        received_on: null,
        system_name: input.systemName,
        storage_place_id: input.storagePlaceId,
        medium_id: input.mediumId,
        retain_until: input.retainUntil ?? source.retain_until,
        retention_note: input.retentionNote,
        status: 'active',
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
      const handling = await logHandling(tx, {
        kind: input.kind,
        status: 'done',
        assetId: source.id,
        mediumId: row.medium_id,
        subjectName: source.name,
        unitId: source.owning_unit_id,
        classification: source.classification,
        performedByStaffId: staffId,
        performedByName: row.created_by_name,
        counterparty: input.recipient,
        destination: medium?.code ?? row.system_name,
        now,
        detail: { derived: row.id, derivedCode: row.code },
      });
      return {
        result: { id: row.id, code: row.code, classification: row.classification },
        ledger: [
          {
            kind: 'assets.asset.derived',
            subject: assetSubject(row.id),
            payload: {
              code: row.code,
              name: row.name,
              kind: input.kind,
              source: source.id,
              sourceCode: source.code,
              classification: row.classification,
              owningUnitId,
              mediumId: row.medium_id,
              clause: '4.2.1.b',
            },
          },
          handling.entry,
          ...(await refreshMediaClassification(tx, [row.medium_id], now)),
        ],
      };
    },
  }),
);
