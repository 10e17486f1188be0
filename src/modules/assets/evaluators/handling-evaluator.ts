import { bi } from '../../../kernel/index.js';
import { evidence, type ClauseEvaluator, type ClauseFinding } from '../../policy/index.js';
import { provisionProtections, transportProtections } from '../assets.schema.js';
import { disposalsWithRequests, disposedWithoutRecord, handlingsOf, publications } from './evidence-data.js';
import { cls, judge, judged, type Judged } from './judge.js';

/**
 * 第4 2(6)–(8) judged from the handling log, the disposal records and the publications: every transport,
 * provision and disposal of class II and above has its approved permission and its protection, disposals are
 * unrecoverable and fully recorded, and what was published still matches its digest.
 */

/** A publication not checked for this many days is not shown to be intact. */
const CHECK_DAYS = 90;
/** An approved disposal not recorded this many days after its planned date is an open end. */
const RECORD_DAYS = 30;

type Handling = Awaited<ReturnType<typeof handlingsOf>>[number];
const handlingItem = (h: Handling, ok: boolean, detail: string): Judged =>
  judged(ok, h.unit_id, () =>
    evidence({
      kind: h.request_ref_no === null ? 'record' : 'approval',
      type:
        h.kind === 'transport'
          ? 'AssetTransport'
          : h.kind === 'provision'
            ? 'AssetProvision'
            : 'AssetHandling',
      ref: `assetHandling:${h.id}`,
      label: bi(
        `${h.request_ref_no ?? ''} ${h.subject_name}（分類${cls(h.classification)}）${detail}`,
        `${h.request_ref_no ?? ''} ${h.subject_name} (class ${cls(h.classification)}) ${detail}`,
      ),
      unitId: h.unit_id,
      at: h.performed_at ?? h.created_at,
      ok,
    }),
  );

const none = (ja: string, en: string) => bi(`${ja}の記録がまだありません。`, `No ${en} recorded yet.`);
const daysBefore = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

export const handlingEvaluator: ClauseEvaluator = {
  id: 'assets.handling',
  module: 'assets',
  clauseIds: ['4.2.6.a', '4.2.6.b', '4.2.7.a', '4.2.7.b', '4.2.7.c', '4.2.8.a', '4.2.8.b', '4.2.8.c'],
  evaluate: async (ctx): Promise<ClauseFinding[]> => {
    const [handlings, disposals, orphans, published] = await Promise.all([
      handlingsOf(ctx.db, ['transport', 'provision', 'disposal']),
      disposalsWithRequests(ctx.db),
      disposedWithoutRecord(ctx.db),
      publications(ctx.db),
    ]);
    const sensitive = (kind: string) =>
      handlings.filter((h) => h.kind === kind && h.classification !== null && h.classification <= 2);
    const permitted = (kind: string) =>
      sensitive(kind).map((h) => {
        const ok = h.request_status === 'approved';
        return handlingItem(h, ok, ok ? '許可あり' : '許可の記録なし');
      });
    const protectedWith = (kind: string, allowed: readonly string[]) =>
      sensitive(kind).map((h) =>
        handlingItem(h, allowed.includes(h.protection ?? ''), `措置: ${h.protection ?? 'なし'}`),
      );

    const checkedSince = daysBefore(ctx.asOf, CHECK_DAYS);
    const publicationItems = published.map((p) => {
      const recent = p.published_at.slice(0, 10) >= checkedSince;
      const checkedRecently = p.last_checked_at !== null && p.last_checked_at.slice(0, 10) >= checkedSince;
      const ok = p.status !== 'altered' && p.last_check_ok !== 0 && (recent || checkedRecently);
      return judged(ok, p.unit_id, () =>
        evidence({
          kind: 'check',
          type: 'AssetProvision',
          ref: `assetPublication:${p.id}`,
          label: bi(
            `${p.code} ${p.name}（${p.channel}）: ${p.status === 'altered' ? '公表内容が記録と一致しません' : checkedRecently ? '確認済み' : recent ? '公表から間もない' : `${String(CHECK_DAYS)}日以上未確認`}`,
            `${p.code} ${p.name} (${p.channel}): ${p.status === 'altered' ? 'no longer matches its digest' : checkedRecently ? 'checked' : recent ? 'recently published' : `not checked for ${String(CHECK_DAYS)} days`}`,
          ),
          unitId: p.unit_id,
          at: p.last_checked_at ?? p.published_at,
          ok,
        }),
      );
    });

    const disposalItem = (d: (typeof disposals)[number], ok: boolean, detail: string): Judged =>
      judged(ok, d.unit_id, () =>
        evidence({
          kind: 'record',
          type: 'DisposalRecord',
          ref: `assetDisposal:${d.id}`,
          label: bi(
            `${d.record_no} ${d.subject_name}（分類${cls(d.classification)}）${detail}`,
            `${d.record_no} ${d.subject_name} (class ${cls(d.classification)}) ${detail}`,
          ),
          unitId: d.unit_id,
          at: d.performed_at,
          ok,
        }),
      );
    const withoutRecord = orphans.map((a) =>
      judged(false, a.owning_unit_id, () =>
        evidence({
          kind: 'record',
          type: 'InformationAsset',
          ref: `asset:${a.id}`,
          label: bi(
            `${a.code} ${a.name}: 廃棄済みだが廃棄の記録がありません`,
            `${a.code} ${a.name}: disposed of without a record`,
          ),
          unitId: a.owning_unit_id,
          ok: false,
        }),
      ),
    );
    const openSince = daysBefore(ctx.asOf, RECORD_DAYS);
    const unrecorded = handlings
      .filter(
        (h) =>
          h.kind === 'disposal' &&
          h.status === 'approved' &&
          h.planned_on !== null &&
          h.planned_on < openSince,
      )
      .map((h) => handlingItem(h, false, `許可済みの廃棄が${String(RECORD_DAYS)}日以上記録されていません`));

    return [
      judge('4.2.6.a', permitted('transport'), {
        what: bi('重要性分類II以上の運搬の許可', 'Permission for transports of class II or above'),
        none: none('重要性分類II以上の運搬', 'transports of class II or above'),
      }),
      judge('4.2.6.b', protectedWith('transport', transportProtections), {
        what: bi('重要性分類II以上の運搬の不正利用防止措置', 'Protection of transports of class II or above'),
        none: none('重要性分類II以上の運搬', 'transports of class II or above'),
      }),
      judge('4.2.7.a', permitted('provision'), {
        what: bi('重要性分類II以上の外部提供の許可', 'Permission for provisions of class II or above'),
        none: none('重要性分類II以上の外部提供', 'provisions of class II or above'),
      }),
      judge('4.2.7.b', protectedWith('provision', provisionProtections), {
        what: bi(
          '重要性分類II以上の外部提供の暗号化・パスワード',
          'Encryption or a password for provisions of class II or above',
        ),
        none: none('重要性分類II以上の外部提供', 'provisions of class II or above'),
      }),
      judge('4.2.7.c', publicationItems, {
        what: bi(
          '住民に公表した情報資産の完全性（ハッシュ値の照合）',
          'Integrity of what is published to residents',
        ),
        none: none('住民への公表', 'publications to residents'),
      }),
      judge(
        '4.2.8.a',
        [
          ...withoutRecord,
          ...disposals.map((d) =>
            disposalItem(d, d.request_status === 'approved', `許可 ${d.ref_no ?? 'なし'}`),
          ),
        ],
        { what: bi('情報資産の廃棄の許可', 'Permission for disposals'), none: none('廃棄', 'disposals') },
      ),
      judge(
        '4.2.8.b',
        disposals
          .filter((d) => d.classification <= 2)
          .map((d) =>
            disposalItem(
              d,
              d.unrecoverable === 1 && d.sanitization !== null,
              `処置: ${d.sanitization ?? 'なし'}`,
            ),
          ),
        {
          what: bi('重要性分類II以上の廃棄で復元できない処置', 'Unrecoverable disposal of class II or above'),
          none: none('重要性分類II以上の廃棄', 'disposals of class II or above'),
        },
      ),
      judge(
        '4.2.8.c',
        [
          ...unrecorded,
          ...disposals.map((d) =>
            disposalItem(d, true, `${d.performed_at} ${d.performed_by_name} ${d.method}`),
          ),
        ],
        {
          what: bi('廃棄の日時・担当者・処理内容の記録', 'Date, person and method of disposals'),
          none: none('廃棄', 'disposals'),
        },
      ),
    ];
  },
};
