import { bi } from '../../../kernel/index.js';
import { evidence, unitsFinding, type ClauseEvaluator, type ClauseFinding } from '../../policy/index.js';
import { storageClauses, storageFindings } from '../storage-rules.js';
import { allPlaces, liveMedia } from './evidence-data.js';
import { judged as judgedRecord, unitFindings } from './judge.js';

/**
 * 4-2(5)イ・ウ・エ judged unit by unit from the media register and the places' protections, by the same rules the
 * storage check screen shows (storage-rules.ts); "long-term" is the pack's parameter.
 */
export const storageEvaluator: ClauseEvaluator = {
  id: 'assets.storage',
  module: 'assets',
  clauseIds: storageClauses.map((c) => c.clauseId),
  evaluate: async (ctx): Promise<ClauseFinding[]> => {
    const threshold = ctx.parameter('assets.longTermStorageThreshold');
    const months = typeof threshold === 'number' ? threshold : 12;
    const [media, places] = await Promise.all([liveMedia(ctx.db), allPlaces(ctx.db)]);
    const placeById = new Map(places.map((p) => [p.id, p]));
    const judged = media.map((m) => ({
      medium: m,
      findings: storageFindings(
        m,
        m.storage_place_id === null ? null : (placeById.get(m.storage_place_id) ?? null),
        ctx.asOf,
        months,
      ),
    }));
    return storageClauses.map(({ clauseId, display }): ClauseFinding => {
      const records = judged.flatMap(({ medium, findings }) =>
        findings
          .filter((x) => x.clauseId === clauseId)
          .map((f) =>
            judgedRecord(f.ok, medium.owning_unit_id, () =>
              evidence({
                kind: 'check',
                type: 'Medium',
                ref: `medium:${medium.id}`,
                label: bi(
                  `${medium.code} ${medium.label}: ${f.reason.ja}`,
                  `${medium.code} ${medium.label}: ${f.reason.en}`,
                ),
                unitId: medium.owning_unit_id,
                at: medium.stored_since,
                ok: f.ok,
              }),
            ),
          ),
      );
      if (records.length === 0)
        return {
          clauseId,
          status: 'notYetEvaluable',
          reason: bi(
            `${display}の対象となる記録媒体が記録されていません（長期保管は${String(months)}か月以上）。`,
            `No media recorded that ${display} applies to (long-term is ${String(months)} months or more).`,
          ),
          evidence: [],
        };
      return unitsFinding(
        clauseId,
        bi(`${display}の保管`, `Storage under ${display}`),
        unitFindings(records),
      );
    });
  },
};
