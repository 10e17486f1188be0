import { z } from 'zod';
import { can, defineQuery, entriesForSubject, type Db } from '../../kernel/index.js';
import type { AssetDetailView, HistoryEntry } from '../../shared/api-types.js';
import { accountDisplayNames } from '../identity/index.js';
import {
  allow,
  assetResource,
  canReadAsset,
  notFound,
  recordingDenials,
  requireReadAsset,
  unitPathOf,
  unitPathsOf,
} from './asset-access.js';
import { assetSubject } from './asset-effects.js';
import {
  loadLookups,
  presentAsset,
  presentDisposal,
  presentHandling,
  presentPublication,
} from './assets.presenters.js';
import { findAsset, liveDerivedFrom } from './assets.repository.js';
import { listDisposals, listHandlings, publicationsOf } from './handlings.repository.js';

/** The ledger entries of a record, newest first, with who did each. */
export const historyOf = async (db: Db, subject: string): Promise<HistoryEntry[]> => {
  const entries = await entriesForSubject(db, subject);
  const ids = [
    ...new Set(
      entries
        .map((e) => e.actor)
        .filter((a) => a.startsWith('account:'))
        .map((a) => a.slice(8)),
    ),
  ];
  const names = await accountDisplayNames(db, ids);
  return entries.map((e) => ({
    index: e.index,
    time: e.time,
    kind: e.kind,
    actor: e.actor,
    actorName: e.actor.startsWith('account:') ? (names.get(e.actor.slice(8)) ?? null) : null,
    payload: e.payload,
  }));
};

/**
 * One asset with its copies, its handling log, disposals, publications and ledger history, and what the reader
 * may do with it. Refused (and a sensitive refusal recorded) when the access kernel does not let them see it.
 */
export const getAsset = recordingDenials(
  defineQuery({
    name: 'assets.getAsset',
    input: z.strictObject({ assetId: z.string().min(1).max(64) }),
    authorize: allow('assets.read'),
    execute: async (ctx, input): Promise<AssetDetailView> => {
      const db = ctx.database.db;
      const asset = await findAsset(db, input.assetId);
      if (asset === undefined) throw notFound();
      const path = await unitPathOf(ctx, db, asset.owning_unit_id);
      requireReadAsset(ctx.actor, asset, path);
      const [derivedAll, handlings, disposals, publications, history] = await Promise.all([
        liveDerivedFrom(db, [asset.id]),
        listHandlings(db, { assetId: asset.id }, 500),
        listDisposals(db, { assetId: asset.id }, 100),
        publicationsOf(db, asset.id),
        historyOf(db, assetSubject(asset.id)),
      ]);
      const paths = await unitPathsOf(
        ctx,
        db,
        derivedAll.map((d) => d.owning_unit_id),
      );
      const derived = derivedAll.filter((d) => canReadAsset(ctx.actor, d, paths.get(d.owning_unit_id) ?? []));
      const lookups = await loadLookups(db, { assets: [asset.source_asset_id], media: [asset.medium_id] });
      const refNos = new Map(handlings.map((h) => [h.request_id, h.request_ref_no]));
      const live = asset.status === 'active' || asset.status === 'draft';
      const resource = assetResource(asset, path);
      const manage = can(ctx.actor, 'information.update', { ...resource, ownerId: null });
      const update = can(ctx.actor, 'information.update', resource);
      return {
        ...presentAsset(asset, lookups),
        derived: derived.map((d) => ({
          id: d.id,
          code: d.code,
          name: d.name,
          origin: d.origin,
          classification: d.classification,
          status: d.status,
        })),
        handlings: handlings.map((h) => presentHandling(h, lookups)),
        disposals: disposals.map((d) => presentDisposal(d, lookups, refNos.get(d.request_id) ?? null)),
        publications: publications.map(presentPublication),
        history,
        can: {
          update: live && update,
          reclassify: live && manage && (asset.source_asset_id === null || asset.origin === 'imported'),
          eraseDraft: asset.status === 'draft' && update,
          request: live && ctx.actor.staffId !== null,
          publish: asset.status === 'active' && asset.classification >= 3 && update,
        },
      };
    },
  }),
);
