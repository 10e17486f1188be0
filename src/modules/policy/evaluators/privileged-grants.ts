import { bi } from '../../../kernel/index.js';
import type { ClauseEvaluator, EvidenceItem } from '../compliance.model.js';
import { evidence } from '../findings.js';

/**
 * 第7 2(1)ウ(イ): only people the Security Director or a Security Manager allowed use a privileged ID. Every enabled
 * privileged ID of Mamori must record who allowed it (an `identity.privilegedGrant` approval or the ID screens) and,
 * when it was allowed until a day, not be past it; the break-glass administrator made at installation has no
 * person and is shown as such. One query over the accounts.
 */
export const privilegedGrantEvaluator: ClauseEvaluator = {
  id: 'policy.privilegedGrants',
  module: 'identity',
  clauseIds: ['7.2.1.c.b'],
  evaluate: async (ctx) => {
    const rows = await ctx.db
      .selectFrom('accounts as a')
      .leftJoin('staff as s', 's.id', 'a.staff_id')
      .leftJoin('approval_requests as r', 'r.id', 'a.privileged_request_id')
      .select([
        'a.id',
        'a.login_id',
        'a.system_name',
        'a.system_role',
        'a.staff_id',
        'a.privileged_granted_by',
        'a.privileged_granted_at',
        'a.privileged_until',
        's.name_kanji',
        's.unit_id',
        'r.ref_no',
      ])
      .where('a.privileged', '=', 1)
      .where('a.disabled_at', 'is', null)
      .orderBy('a.login_id')
      .execute();
    const items = rows.map((a): EvidenceItem => {
      const who = a.name_kanji === null ? a.login_id : `${a.name_kanji}（${a.login_id}）`;
      const whoEn = a.name_kanji === null ? a.login_id : `${a.name_kanji} (${a.login_id})`;
      const system = a.system_name ?? 'Mamori';
      const base = { kind: 'record' as const, type: 'Account', ref: `account:${a.id}`, unitId: a.unit_id };
      if (a.staff_id === null && a.system_role === 'administrator' && a.privileged_granted_by === null)
        return evidence({
          ...base,
          label: bi(`${who}: 導入時の非常用管理者（${system}）`, `${whoEn}: break-glass administrator (${system})`),
        });
      if (a.privileged_granted_by === null)
        return evidence({
          ...base,
          label: bi(`${who}: ${system}の特権ID、許可の記録なし`, `${whoEn}: privileged for ${system}, no allowance recorded`),
          ok: false,
        });
      if (a.privileged_until !== null && a.privileged_until < ctx.asOf)
        return evidence({
          ...base,
          label: bi(
            `${who}: ${system}の特権ID、利用期限 ${a.privileged_until} を過ぎています`,
            `${whoEn}: privileged for ${system}, allowed until ${a.privileged_until} (passed)`,
          ),
          ok: false,
        });
      const until = a.privileged_until === null ? '' : `、${a.privileged_until}まで`;
      const untilEn = a.privileged_until === null ? '' : `, until ${a.privileged_until}`;
      const request = a.ref_no === null ? '' : `（${a.ref_no}）`;
      const requestEn = a.ref_no === null ? '' : ` (${a.ref_no})`;
      return evidence({
        ...base,
        label: bi(`${who}: ${system}の特権ID、許可済み${until}${request}`, `${whoEn}: privileged for ${system}, allowed${untilEn}${requestEn}`),
        at: a.privileged_granted_at,
      });
    });
    const bad = items.filter((i) => !i.ok).length;
    return [
      {
        clauseId: '7.2.1.c.b',
        status: bad === 0 ? 'met' : 'notMet',
        reason:
          bad === 0
            ? bi(
                `有効な特権ID ${String(rows.length)}件はいずれも許可の記録があります。`,
                `Each of the ${String(rows.length)} enabled privileged IDs has its allowance recorded.`,
              )
            : bi(
                `許可の記録がないか期限を過ぎた特権IDが${String(bad)}件あります。`,
                `${String(bad)} privileged IDs have no allowance recorded or are past it.`,
              ),
        evidence: items,
      },
    ];
  },
};
