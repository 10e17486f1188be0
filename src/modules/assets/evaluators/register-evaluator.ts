import { bi } from '../../../kernel/index.js';
import { evidence, unitsFinding, type ClauseEvaluator, type ClauseFinding } from '../../policy/index.js';
import {
  liveAssets,
  liveMedia,
  managerSeats,
  requestStatuses,
  sourceClasses,
  type LiveAsset,
} from './evidence-data.js';
import { cls, judge, unitFindings, type Judged } from './judge.js';

/**
 * 第4 2(1)–(5)ア judged from the asset register: a responsible Security Manager for every unit owning assets,
 * classes inherited and kept, unclear classes ruled on, media handled by their most sensitive content, and where
 * each asset is kept.
 */

const asset = (a: LiveAsset, ok: boolean, detail: string): Judged => ({
  ok,
  unitId: a.owning_unit_id,
  item: () =>
    evidence({
      kind: 'record',
      type: 'InformationAsset',
      ref: `asset:${a.id}`,
      label: bi(
        `${a.code} ${a.name}（分類${cls(a.classification)}）${detail}`,
        `${a.code} ${a.name} (class ${cls(a.classification)}) ${detail}`,
      ),
      unitId: a.owning_unit_id,
      at: a.classified_at,
      ok,
    }),
});

const none = (ja: string, en: string) => bi(`${ja}の記録がまだありません。`, `No ${en} recorded yet.`);

export const registerEvaluator: ClauseEvaluator = {
  id: 'assets.register',
  module: 'assets',
  clauseIds: ['4.2.1.a', '4.2.1.b', '4.2.2.b', '4.2.3.a', '4.2.3.b', '4.2.3.c', '4.2.4.c', '4.2.5.a'],
  evaluate: async (ctx): Promise<ClauseFinding[]> => {
    const assets = await liveAssets(ctx.db);
    const [sources, seats, rulings, media] = await Promise.all([
      sourceClasses(ctx.db, [
        ...new Set(assets.flatMap((a) => (a.source_asset_id === null ? [] : [a.source_asset_id]))),
      ]),
      managerSeats(ctx.db, ctx.asOf),
      requestStatuses(
        ctx.db,
        assets.flatMap((a) => (a.ruling_request_id === null ? [] : [a.ruling_request_id])),
      ),
      liveMedia(ctx.db),
    ]);

    // 4-2(1)ア: each unit owning assets has a Security Manager responsible for them.
    const perUnit = new Map<string, number>();
    for (const a of assets) perUnit.set(a.owning_unit_id, (perUnit.get(a.owning_unit_id) ?? 0) + 1);
    const owning = [...perUnit.keys()].filter((u) => ctx.unitById.has(u));
    const responsibility = unitsFinding(
      '4.2.1.a',
      bi('情報資産を所管する部署の情報セキュリティ管理者', 'A Security Manager for each unit owning assets'),
      owning.map((unitId) => {
        const seat = seats.get(unitId);
        const count = perUnit.get(unitId) ?? 0;
        const unit = ctx.unitById.get(unitId);
        return {
          unitId,
          status: seat === undefined ? 'notMet' : 'met',
          reason:
            seat === undefined
              ? bi(
                  `情報資産${String(count)}件の管理責任を負う情報セキュリティ管理者がいません。`,
                  `No Security Manager for its ${String(count)} assets.`,
                )
              : bi(
                  `情報資産${String(count)}件を情報セキュリティ管理者が所管。`,
                  `A Security Manager is responsible for its ${String(count)} assets.`,
                ),
          evidence: [
            evidence({
              kind: 'record',
              type: seat === undefined ? 'Unit' : 'RoleAssignment',
              ref: seat ?? `unit:${unitId}`,
              label: bi(
                `${unit?.nameJa ?? unitId}: 情報資産${String(count)}件`,
                `${unit?.nameEn ?? unitId}: ${String(count)} assets`,
              ),
              unitId,
              ok: seat !== undefined,
            }),
          ],
        };
      }),
    );

    const derived = (origins: readonly string[]) =>
      assets
        .filter((a) => origins.includes(a.origin) && a.source_asset_id !== null)
        .map((a) => {
          const source = sources.get(a.source_asset_id ?? '');
          const ok = source === undefined || a.classification === source;
          return asset(a, ok, ok ? '入手元と同じ分類' : `入手元は分類${cls(source)}`);
        });

    const outside = assets.filter((a) => a.origin === 'receivedOutside');
    const provisional = assets.filter(
      (a) => a.classification_basis === 'provisional' || a.classification_basis === 'ruling',
    );
    const rulingOk = (a: LiveAsset): boolean => {
      if (a.classification_basis === 'ruling') return true;
      const request = a.ruling_request_id === null ? undefined : rulings.get(a.ruling_request_id);
      return request?.status === 'submitted';
    };

    const highest = new Map<string, number>();
    for (const a of assets)
      if (a.medium_id !== null)
        highest.set(a.medium_id, Math.min(highest.get(a.medium_id) ?? 4, a.classification));
    const mediaItems = media
      .filter((m) => highest.has(m.id))
      .map((m): Judged => {
        const expected = highest.get(m.id) ?? null;
        const ok = m.classification === expected;
        return {
          ok,
          unitId: m.owning_unit_id,
          item: () =>
            evidence({
              kind: 'record',
              type: 'Medium',
              ref: `medium:${m.id}`,
              label: bi(
                `${m.code} ${m.label}: 分類${cls(m.classification)}${ok ? '' : `（内容の最高は${cls(expected)}）`}`,
                `${m.code} ${m.label}: class ${cls(m.classification)}${ok ? '' : ` (contents up to ${cls(expected)})`}`,
              ),
              unitId: m.owning_unit_id,
              ok,
            }),
        };
      });

    const located = assets.map((a) =>
      asset(
        a,
        a.form === 'paper'
          ? a.storage_place_id !== null || a.medium_id !== null
          : a.system_name !== null || a.storage_place_id !== null || a.medium_id !== null,
        a.form === 'paper' ? '保管場所' : '所在',
      ),
    );
    const storedFinding = judge('4.2.5.a', located, {
      what: bi('保管場所・所在の記録', 'Where assets are kept'),
      none: none('情報資産', 'information assets'),
    });

    return [
      responsibility.units?.length === 0
        ? {
            clauseId: '4.2.1.a',
            status: 'notYetEvaluable',
            reason: none('情報資産', 'information assets'),
            evidence: [],
          }
        : responsibility,
      judge('4.2.1.b', derived(['copy', 'transmission']), {
        what: bi(
          '複製・伝送した情報資産の分類（複製元と同じ）',
          'Copies and transmissions under their source’s class',
        ),
        none: none('複製・伝送', 'copies or transmissions'),
      }),
      judge(
        '4.2.2.b',
        assets.map((a) => asset(a, true, '作成・登録時に分類')),
        {
          what: bi('作成時の分類', 'Classified when created'),
          none: none('情報資産', 'information assets'),
        },
      ),
      judge('4.2.3.a', derived(['receivedInside']), {
        what: bi(
          '院内から入手した情報資産の分類（入手元と同じ）',
          'Assets from inside under their source’s class',
        ),
        none: none('院内からの入手', 'assets received from inside'),
      }),
      judge(
        '4.2.3.b',
        outside.map((a) =>
          asset(
            a,
            a.classification_basis !== 'provisional' || rulingOk(a),
            a.classification_basis === 'provisional' ? '判断待ち' : '入手時に分類',
          ),
        ),
        {
          what: bi('院外から入手した情報資産の分類', 'Assets from outside classified'),
          none: none('院外からの入手', 'assets received from outside'),
        },
      ),
      judge(
        '4.2.3.c',
        provisional.map((a) =>
          asset(a, rulingOk(a), a.classification_basis === 'ruling' ? '管理者が判断済み' : '判断を申請中'),
        ),
        {
          what: bi('分類が不明な情報資産の判断', 'Rulings on unclear classes'),
          none: none('分類が不明な情報資産', 'assets of unclear class'),
        },
      ),
      judge('4.2.4.c', mediaItems, {
        what: bi(
          '記録媒体の分類（記録している情報の最高の分類）',
          'Media under their most sensitive content',
        ),
        none: none('情報資産を記録した記録媒体', 'media holding assets'),
      }),
      {
        ...storedFinding,
        ...(storedFinding.status === 'notYetEvaluable' ? {} : { units: unitFindings(located) }),
      },
    ];
  },
};
