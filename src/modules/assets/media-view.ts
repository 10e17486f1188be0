import type { UseCaseContext } from '../../kernel/index.js';
import type { MediumView } from '../../shared/api-types.js';
import { canSeeUnitRecords, today, unitPathsOf } from './asset-access.js';
import { loadLookups, unitRef } from './assets.presenters.js';
import { storageFindings } from './storage-rules.js';
import { liveAssetCountsByMedium, listMedia, type MediumRow } from './storage.repository.js';

/**
 * The media register as the reader may see it (their units', or all for hospital-wide roles), each medium with
 * the storage rules of 4-2(5) it is judged by today.
 */
export const mediaViews = async (
  ctx: UseCaseContext,
  filter: { unitId?: string | null; status?: string | null },
  thresholdMonths: number,
): Promise<MediumView[]> => {
  const db = ctx.database.db;
  const rows = await listMedia(db, filter);
  const paths = await unitPathsOf(
    ctx,
    db,
    rows.map((m) => m.owning_unit_id),
  );
  const visible = rows.filter((m) => canSeeUnitRecords(ctx.actor, paths.get(m.owning_unit_id) ?? []));
  const countOf = await liveAssetCountsByMedium(db);
  const lookups = await loadLookups(db);
  const asOf = today(ctx);
  return visible.map((m: MediumRow): MediumView => {
    const place = m.storage_place_id === null ? null : (lookups.places.get(m.storage_place_id) ?? null);
    return {
      id: m.id,
      code: m.code,
      label: m.label,
      kind: m.kind,
      removable: m.removable === 1,
      owningUnit: unitRef(lookups, m.owning_unit_id),
      storagePlace: place === null ? null : { id: place.id, code: place.code, name: place.name },
      purpose: m.purpose,
      usage: m.usage,
      storedSince: m.stored_since,
      writeProtected: m.write_protected === 1,
      writeProtectedOn: m.write_protected_on,
      writeProtectionMethod: m.write_protection_method,
      encrypted: m.encrypted === 1,
      classification: m.classification,
      status: m.status,
      assetCount: countOf.get(m.id) ?? 0,
      findings: storageFindings(m, place, asOf, thresholdMonths),
    };
  });
};
