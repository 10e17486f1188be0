import { bi, roleName, type Bilingual } from '../../../kernel/index.js';
import type { ClauseEvaluator, ClauseFinding, EvaluationContext, EvidenceItem } from '../compliance.model.js';
import { evidence } from '../findings.js';
import { loadHoldings, type Holding } from './org-holdings.js';

/**
 * 第3 7 兼務の禁止: nobody holds two roles the clause keeps apart (the same pairs as the org gap report), and no
 * request was decided by the person who applied for it or prepared it, unless the override of "やむを得ない場合"
 * was recorded with its reason.
 */

interface Conflict {
  readonly a: readonly string[];
  readonly b: readonly string[];
  readonly clauseId: '3.7.1' | '3.7.2';
  readonly reason: Bilingual;
}

const conflicts: readonly Conflict[] = [
  {
    a: ['ciso'],
    b: ['securityDirector'],
    clauseId: '3.7.1',
    reason: bi('許可者と申請者となる役割を同じ者が兼ねています', 'One person holds both the approving and the applying role'),
  },
  {
    a: ['auditLead', 'auditor'],
    b: ['ciso', 'securityDirector', 'securityOfficer', 'securityManager', 'securityStaff'],
    clauseId: '3.7.2',
    reason: bi('監査を実施する者が監査を受ける役割を兼ねています', 'An auditor also holds a role that is audited'),
  },
];

const roleConflicts = (holdings: readonly Holding[], clauseId: string): EvidenceItem[] => {
  const byStaff = new Map<string, Holding[]>();
  for (const h of holdings) byStaff.set(h.staffId, [...(byStaff.get(h.staffId) ?? []), h]);
  const items: EvidenceItem[] = [];
  for (const list of byStaff.values()) {
    const roles = new Set(list.map((h) => h.role));
    for (const c of conflicts.filter((x) => x.clauseId === clauseId)) {
      const a = c.a.filter((r) => roles.has(r));
      const b = c.b.filter((r) => roles.has(r));
      const first = list[0];
      if (a.length === 0 || b.length === 0 || first === undefined) continue;
      const names = [...a, ...b].map(roleName);
      items.push(
        evidence({
          kind: 'check',
          type: 'RoleAssignment',
          ref: `staff:${first.staffId}`,
          label: bi(
            `${first.name}: ${names.map((n) => n.ja).join('・')}（${c.reason.ja}）`,
            `${first.name}: ${names.map((n) => n.en).join(', ')} (${c.reason.en})`,
          ),
          ok: false,
        }),
      );
    }
  }
  return items;
};

/** Decisions on requests by their own applicant or preparer: one query. */
const selfDecisions = async (ctx: EvaluationContext): Promise<EvidenceItem[]> => {
  const rows = await ctx.db
    .selectFrom('approval_steps as s')
    .innerJoin('approval_requests as r', 'r.id', 's.request_id')
    .select(['r.id', 'r.ref_no', 'r.title', 's.decided_by_name', 's.decided_at', 's.override_reason'])
    .where('s.decided_at', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('s.decided_by_staff_id', '=', eb.ref('r.applicant_staff_id')),
        eb('s.decided_by_staff_id', '=', eb.ref('r.preparer_staff_id')),
      ]),
    )
    .orderBy('s.decided_at')
    .execute();
  return rows.map((r) =>
    evidence({
      kind: 'approval',
      type: 'ApprovalRequest',
      ref: `approvalRequest:${r.id}`,
      label:
        r.override_reason === null
          ? bi(
              `${r.ref_no} ${r.title}: 申請者本人（${r.decided_by_name ?? ''}）が決裁`,
              `${r.ref_no} ${r.title}: decided by its own applicant (${r.decided_by_name ?? ''})`,
            )
          : bi(
              `${r.ref_no} ${r.title}: やむを得ない場合として本人が決裁（理由: ${r.override_reason}）`,
              `${r.ref_no} ${r.title}: decided by the applicant as unavoidable (reason: ${r.override_reason})`,
            ),
      at: r.decided_at,
      ok: r.override_reason !== null,
    }),
  );
};

const countDecided = async (ctx: EvaluationContext): Promise<number> => {
  const row = await ctx.db
    .selectFrom('approval_steps')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('decided_at', 'is not', null)
    .executeTakeFirst();
  return row?.n ?? 0;
};

export const separationEvaluator: ClauseEvaluator = {
  id: 'approvals.separation',
  module: 'approvals',
  clauseIds: ['3.7.1', '3.7.2'],
  evaluate: async (ctx): Promise<ClauseFinding[]> => {
    const holdings = await loadHoldings(ctx.db, ctx.asOf);
    const decisions = await selfDecisions(ctx);
    const decided = await countDecided(ctx);
    const roles71 = roleConflicts(holdings, '3.7.1');
    const bad = [...roles71, ...decisions.filter((d) => !d.ok)];
    const overrides = decisions.filter((d) => d.ok).length;
    const first: ClauseFinding =
      bad.length === 0
        ? {
            clauseId: '3.7.1',
            status: 'met',
            reason: bi(
              `申請者と許可者を兼ねる役割の者はいません。決裁${String(decided)}件に申請者本人による決裁はありません` +
                (overrides > 0 ? `（やむを得ない場合として記録された例外${String(overrides)}件）。` : '。'),
              `Nobody holds both the applying and the approving role; none of ${String(decided)} decisions was made by the applicant` +
                (overrides > 0 ? ` (${String(overrides)} recorded as unavoidable).` : '.'),
            ),
            evidence: decisions,
          }
        : {
            clauseId: '3.7.1',
            status: 'notMet',
            reason: bi(
              `兼務の禁止に反する状態が${String(bad.length)}件あります（${bad.map((b) => b.label.ja).join('、')}）。`,
              `${String(bad.length)} breaches of the separation of duties (${bad.map((b) => b.label.en).join('; ')}).`,
            ),
            evidence: [...bad, ...decisions.filter((d) => d.ok)],
          };
    const roles72 = roleConflicts(holdings, '3.7.2');
    const second: ClauseFinding =
      roles72.length > 0
        ? {
            clauseId: '3.7.2',
            status: 'notMet',
            reason: bi(
              `監査を行う者が監査を受ける役割を兼ねています（${roles72.map((r) => r.label.ja).join('、')}）。`,
              `Auditors hold audited roles (${roles72.map((r) => r.label.en).join('; ')}).`,
            ),
            evidence: roles72,
          }
        : {
            clauseId: '3.7.2',
            status: 'notYetEvaluable',
            reason: bi(
              '監査を行う者が監査を受ける役割を兼ねていないことは確認できました。個々の監査の記録は監査・自己点検（evaluation）モジュールがまだないため確認できません。',
              'No auditor holds an audited role; the audits themselves are recorded by the evaluation module, which does not exist yet.',
            ),
            evidence: holdings
              .filter((h) => h.role === 'auditLead' || h.role === 'auditor')
              .map((h) =>
                evidence({
                  kind: 'record',
                  type: 'RoleAssignment',
                  ref: h.ref,
                  label: bi(`${roleName(h.role).ja}: ${h.name}`, `${roleName(h.role).en}: ${h.name}`),
                  at: h.startDate,
                }),
              ),
          };
    return [first, second];
  },
};
