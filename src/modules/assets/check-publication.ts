import { AppError, defineUseCase } from '../../kernel/index.js';
import {
  allow,
  nameOf,
  notFoundOf,
  recordingDenials,
  requireUpdateAsset,
  unitPathOf,
} from './asset-access.js';
import { logHandling, publicationSubject } from './asset-effects.js';
import { findAsset } from './assets.repository.js';
import { checkPublicationInput } from './assets.schema.js';
import { findPublication, updatePublication } from './handlings.repository.js';
import { sha256Hex } from './publish-asset.js';

/**
 * 4-2(7)ウ: checks what residents see now against the digest recorded at publication. A difference marks the
 * publication altered (until it is published again); every check is in the handling log and on the ledger.
 */
export const checkPublication = recordingDenials(
  defineUseCase({
    name: 'assets.checkPublication',
    input: checkPublicationInput,
    authorize: allow('assets.register'),
    execute: async (ctx, input, tx) => {
      const publication = await findPublication(tx, input.publicationId);
      if (publication === undefined) throw notFoundOf('publication');
      const asset = await findAsset(tx, publication.asset_id);
      if (asset === undefined) throw notFoundOf('publication');
      requireUpdateAsset(ctx.actor, asset, await unitPathOf(ctx, tx, asset.owning_unit_id));
      if (publication.status === 'withdrawn')
        throw new AppError('conflict', {
          ja: '公表を終了しています。',
          en: 'This publication has been withdrawn.',
        });
      const bytes = Buffer.from(input.contentBase64, 'base64');
      const actual = sha256Hex(bytes);
      const ok = actual === publication.sha256;
      const now = ctx.clock.now().toISOString();
      await updatePublication(tx, publication.id, {
        last_checked_at: now,
        last_check_ok: ok ? 1 : 0,
        status: ok ? publication.status : 'altered',
        updated_at: now,
      });
      const handling = await logHandling(tx, {
        kind: 'publicationCheck',
        status: 'done',
        assetId: asset.id,
        subjectName: `${asset.code} ${asset.name}`,
        unitId: asset.owning_unit_id,
        classification: asset.classification,
        performedByStaffId: ctx.actor.staffId,
        performedByName: (await nameOf(ctx, tx, ctx.actor.staffId)) ?? ctx.actor.loginId,
        destination: publication.channel,
        now,
        detail: {
          publication: publication.id,
          expected: publication.sha256,
          actual,
          bytes: bytes.length,
          ok,
        },
      });
      return {
        result: { id: publication.id, ok, expected: publication.sha256, actual },
        ledger: [
          {
            kind: ok ? 'assets.publication.verified' : 'assets.publication.altered',
            subject: publicationSubject(publication.id),
            payload: { asset: asset.id, expected: publication.sha256, actual, clause: '4.2.7.c' },
          },
          handling.entry,
        ],
      };
    },
  }),
);
