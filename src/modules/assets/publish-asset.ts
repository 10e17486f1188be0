import { createHash } from 'node:crypto';
import { AppError, defineUseCase, newId } from '../../kernel/index.js';
import { allow, nameOf, notFound, recordingDenials, requireUpdateAsset, unitPathOf } from './asset-access.js';
import { logHandling, publicationSubject } from './asset-effects.js';
import { findAsset } from './assets.repository.js';
import { classNames, publishAssetInput, type ClassificationLevel } from './assets.schema.js';
import { insertPublication, type PublicationRow } from './handlings.repository.js';

export const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * 4-2(7)ウ: an asset provided or published to residents keeps its integrity. The exact bytes published are hashed
 * (SHA-256) when they are published; later checks compare what residents see with that digest. Only class III and
 * IV are published: class I and II are information not disclosed under the ordinance (第4 1).
 */
export const publishAsset = recordingDenials(
  defineUseCase({
    name: 'assets.publishAsset',
    input: publishAssetInput,
    authorize: allow('assets.register'),
    execute: async (ctx, input, tx) => {
      const asset = await findAsset(tx, input.assetId);
      if (asset === undefined) throw notFound();
      requireUpdateAsset(ctx.actor, asset, await unitPathOf(ctx, tx, asset.owning_unit_id));
      if (asset.status !== 'active')
        throw new AppError('conflict', {
          ja: '公表できるのは現用の情報資産だけです。',
          en: 'Only assets in use can be published.',
        });
      if (asset.classification <= 2) {
        const cls = classNames[asset.classification as ClassificationLevel];
        const message = {
          ja: `重要性分類${cls}は非公開情報です。住民に公表できるのは分類III・IVだけです（第4 1）。`,
          en: `Class ${cls} is information not to be disclosed; only class III and IV are published (第4 1).`,
        };
        throw new AppError('conflict', message, { issues: [{ field: 'assetId', message }] });
      }
      const staffId = ctx.actor.staffId;
      if (staffId === null)
        throw new AppError('forbidden', {
          ja: '公表は職員に紐づいたアカウントで記録してください。',
          en: 'Publications are recorded by an account linked to a staff member.',
        });
      const bytes = Buffer.from(input.contentBase64, 'base64');
      const now = ctx.clock.now().toISOString();
      const publisherName = (await nameOf(ctx, tx, ctx.actor.staffId)) ?? ctx.actor.loginId;
      const row: PublicationRow = {
        id: newId(),
        asset_id: asset.id,
        unit_id: asset.owning_unit_id,
        channel: input.channel,
        file_name: input.fileName,
        byte_size: bytes.length,
        sha256: sha256Hex(bytes),
        published_at: now,
        published_by_staff_id: staffId,
        published_by_name: publisherName,
        status: 'published',
        last_checked_at: null,
        last_check_ok: null,
        updated_at: now,
      };
      await insertPublication(tx, row);
      const handling = await logHandling(tx, {
        kind: 'publication',
        status: 'done',
        assetId: asset.id,
        subjectName: `${asset.code} ${asset.name}`,
        unitId: asset.owning_unit_id,
        classification: asset.classification,
        performedByStaffId: ctx.actor.staffId,
        performedByName: publisherName,
        counterparty: '住民',
        destination: input.channel,
        now,
        detail: { publication: row.id, sha256: row.sha256, bytes: row.byte_size, fileName: row.file_name },
      });
      return {
        result: { id: row.id, sha256: row.sha256, byteSize: row.byte_size },
        ledger: [
          {
            kind: 'assets.publication.published',
            subject: publicationSubject(row.id),
            payload: {
              asset: asset.id,
              code: asset.code,
              channel: row.channel,
              fileName: row.file_name,
              sha256: row.sha256,
              bytes: row.byte_size,
              clause: '4.2.7.c',
            },
          },
          handling.entry,
        ],
      };
    },
  }),
);
