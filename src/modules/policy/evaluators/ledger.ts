import { bi } from '../../../kernel/index.js';
import type { ClauseEvaluator, ClauseFinding, EvidenceItem } from '../compliance.model.js';
import { evidence } from '../findings.js';

/**
 * 第7 1(6)イ: the audit log is protected against tampering and deletion. Read from what the ledger records of
 * itself, never by re-reading every entry (that is `mamori ledger verify`, whose runs are recorded): the latest
 * signed checkpoint and the latest full verification of the audit log.
 */

/** A full verification older than this is stale: the log should be verified at least monthly. */
const VERIFY_WITHIN_DAYS = 31;

export const ledgerEvaluator: ClauseEvaluator = {
  id: 'ledger.integrity',
  module: 'ledger',
  clauseIds: ['7.1.6.b'],
  evaluate: async (ctx): Promise<ClauseFinding[]> => {
    const head = await ctx.db
      .selectFrom('ledger_heads')
      .select('size')
      .where('log', '=', 'audit')
      .executeTakeFirst();
    const checkpoint = await ctx.db
      .selectFrom('ledger_checkpoints')
      .select(['size', 'issued_at'])
      .where('log', '=', 'audit')
      .orderBy('size', 'desc')
      .limit(1)
      .executeTakeFirst();
    const run = await ctx.db
      .selectFrom('ledger_verifications')
      .select(['id', 'started_at', 'finished_at', 'size', 'ok', 'first_bad_index', 'reason'])
      .where('log', '=', 'audit')
      .orderBy('started_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const size = head?.size ?? 0;
    const items: EvidenceItem[] = [];
    if (checkpoint)
      items.push(
        evidence({
          kind: 'ledgerEntry',
          type: 'Checkpoint',
          ref: `checkpoint:audit-${String(checkpoint.size)}`,
          label: bi(
            `署名済みチェックポイント（記録${String(checkpoint.size)}件まで）`,
            `Signed checkpoint (entries up to ${String(checkpoint.size)})`,
          ),
          at: checkpoint.issued_at,
        }),
      );
    if (run)
      items.push(
        evidence({
          kind: 'check',
          type: 'LedgerVerification',
          ref: `ledgerVerification:${run.id}`,
          label:
            run.ok === 1
              ? bi(`全件検証: ${String(run.size)}件すべて整合`, `Full verification: all ${String(run.size)} entries consistent`)
              : bi(
                  `全件検証: 記録${String(run.first_bad_index ?? '?')}番で不整合（${run.reason ?? ''}）`,
                  `Full verification: entry ${String(run.first_bad_index ?? '?')} does not verify (${run.reason ?? ''})`,
                ),
          at: run.finished_at,
          ok: run.ok === 1,
        }),
      );
    const finding = (status: ClauseFinding['status'], ja: string, en: string): ClauseFinding[] => [
      { clauseId: '7.1.6.b', status, reason: bi(ja, en), evidence: items },
    ];
    if (run && run.ok !== 1)
      return finding(
        'notMet',
        `監査ログの全件検証で記録${String(run.first_bad_index ?? '?')}番に不整合が見つかりました（${run.reason ?? ''}）。`,
        `The full verification of the audit log found entry ${String(run.first_bad_index ?? '?')} inconsistent (${run.reason ?? ''}).`,
      );
    if (!checkpoint)
      return finding(
        size === 0 ? 'notYetEvaluable' : 'notMet',
        `監査ログ（${String(size)}件）の署名済みチェックポイントがまだありません。`,
        `The audit log (${String(size)} entries) has no signed checkpoint yet.`,
      );
    const signed = `監査ログは追記のみのハッシュ木で、署名済みチェックポイントが記録${String(checkpoint.size)}件までを保証しています（現在${String(size)}件）。`;
    const signedEn = `The audit log is an append-only hash tree; a signed checkpoint covers entries up to ${String(checkpoint.size)} (now ${String(size)}).`;
    if (!run)
      return finding(
        'partlyMet',
        `${signed}全件検証（mamori ledger verify）の記録はまだありません。`,
        `${signedEn} No full verification (mamori ledger verify) is recorded yet.`,
      );
    const age = (ctx.now.getTime() - Date.parse(run.finished_at)) / 86_400_000;
    if (age > VERIFY_WITHIN_DAYS)
      return finding(
        'partlyMet',
        `${signed}最後の全件検証から${String(Math.floor(age))}日が経過しています（${String(VERIFY_WITHIN_DAYS)}日以内に検証してください）。`,
        `${signedEn} The last full verification was ${String(Math.floor(age))} days ago (verify within ${String(VERIFY_WITHIN_DAYS)} days).`,
      );
    return finding(
      'met',
      `${signed}直近の全件検証（${run.finished_at.slice(0, 10)}）で${String(run.size)}件すべてが整合しました。`,
      `${signedEn} The latest full verification (${run.finished_at.slice(0, 10)}) found all ${String(run.size)} entries consistent.`,
    );
  },
};
