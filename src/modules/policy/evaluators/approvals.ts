import {
  bi,
  requestTypes,
  statusNames as requestStatusNames,
  type PolicyPack,
  type RequestStatus,
} from '../../../kernel/index.js';
import type { ClauseEvaluator, ClauseFinding, EvidenceItem } from '../compliance.model.js';
import { evidence } from '../findings.js';

/**
 * Clauses that need a permission (「許可を得なければならない」): the requests routed for them, from one grouped query.
 * A request reported after the fact and overdue breaks the clause; otherwise the route is shown working, but
 * whether every act had its permission can only be seen against the records of the act itself (assets, people,
 * changes…), so the clause stays "not yet evaluable" until that module exists.
 */

const MAX_ITEMS = 50;

export const approvalsEvaluator = (pack: PolicyPack, exclude: ReadonlySet<string>): ClauseEvaluator => {
  const clauses = pack.clauses.filter(
    (c) => c.kind === 'provision' && c.requests.length > 0 && !exclude.has(c.id),
  );
  const typeIds = [...new Set(clauses.flatMap((c) => c.requests.map((r) => r.id)))];
  return {
    id: 'approvals.routes',
    module: 'approvals',
    clauseIds: clauses.map((c) => c.id),
    evaluate: async (ctx) => {
      const rows =
        typeIds.length === 0
          ? []
          : await ctx.db
              .selectFrom('approval_requests')
              .select(['id', 'ref_no', 'type_id', 'status', 'title', 'decided_at', 'report_due_at', 'reported_at'])
              .where('type_id', 'in', typeIds)
              .where('status', '!=', 'draft')
              .orderBy('created_at', 'desc')
              .execute();
      const now = ctx.now.toISOString();
      const byType = new Map<string, typeof rows>();
      for (const r of rows) {
        const list = byType.get(r.type_id);
        if (list === undefined) byType.set(r.type_id, [r]);
        else list.push(r);
      }
      return clauses.map((clause): ClauseFinding => {
        const own = clause.requests.flatMap((t) => byType.get(t.id) ?? []);
        const overdue = own.filter(
          (r) => r.report_due_at !== null && r.reported_at === null && r.report_due_at < now,
        );
        const overdueIds = new Set(overdue.map((r) => r.id));
        const items: EvidenceItem[] = own.slice(0, MAX_ITEMS).map((r) =>
          evidence({
            kind: 'approval',
            type: 'ApprovalRequest',
            ref: `approvalRequest:${r.id}`,
            label: bi(
              `${r.ref_no} ${r.title}（${requestStatusNames[r.status as RequestStatus].ja}）`,
              `${r.ref_no} ${r.title} (${requestStatusNames[r.status as RequestStatus].en})`,
            ),
            at: r.decided_at,
            ok: !overdueIds.has(r.id),
          }),
        );
        const unregistered = clause.requests.filter((t) => requestTypes.get(t.id) === undefined);
        const decided = own.filter((r) => r.decided_at !== null).length;
        if (overdue.length > 0)
          return {
            clauseId: clause.id,
            status: 'notMet',
            reason: bi(
              `事後報告の期限を過ぎた申請が${String(overdue.length)}件あります（${overdue.map((r) => r.ref_no).join('、')}）。`,
              `${String(overdue.length)} after-the-fact reports are overdue (${overdue.map((r) => r.ref_no).join(', ')}).`,
            ),
            evidence: items,
            evidenceCount: own.length,
          };
        const module = clause.module ?? 'approvals';
        return {
          clauseId: clause.id,
          status: 'notYetEvaluable',
          reason:
            unregistered.length > 0
              ? bi(
                  `申請の種類（${unregistered.map((t) => t.nameJa).join('・')}）は承認エンジンにまだ登録されていません（${module} モジュールで追加）。`,
                  `The request type (${unregistered.map((t) => t.nameEn).join(', ')}) is not yet registered with the approvals engine (the ${module} module adds it).`,
                )
              : bi(
                  `承認経路は稼働しています（申請${String(own.length)}件、うち決裁${String(decided)}件）。許可が必要な行為そのものの記録（${module} モジュール）との照合はまだできません。`,
                  `The approval route works (${String(own.length)} requests, ${String(decided)} decided). Checking the acts themselves against their permissions needs the ${module} module's records.`,
                ),
          evidence: items,
          evidenceCount: own.length,
        };
      });
    },
  };
};
