import { z } from 'zod';
import { defineQuery } from '../../kernel/index.js';
import type { StoragePlaceView } from '../../shared/api-types.js';
import { allow } from './asset-access.js';
import { loadLookups, presentPlace } from './assets.presenters.js';
import { listPlaces, liveMediaCountsByPlace } from './storage.repository.js';

/** The storage places with their protections (4-2(5)ウ・エ) and how many live media each keeps. */
export const listStoragePlaces = defineQuery({
  name: 'assets.listPlaces',
  input: z.strictObject({ includeRetired: z.enum(['true', 'false']).optional() }),
  authorize: allow('assets.read'),
  execute: async (ctx, input): Promise<StoragePlaceView[]> => {
    const db = ctx.database.db;
    const [places, countOf, lookups] = await Promise.all([
      listPlaces(db),
      liveMediaCountsByPlace(db),
      loadLookups(db),
    ]);
    return places
      .filter((p) => input.includeRetired === 'true' || p.retired_on === null)
      .map((p) => presentPlace(p, lookups, countOf.get(p.id) ?? 0));
  },
});
