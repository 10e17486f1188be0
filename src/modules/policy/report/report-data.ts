import {
  formatEraDate,
  formatJapanTime,
  latestCheckpoint,
  type Bilingual,
  type StoredCheckpoint,
  type UseCaseContext,
} from '../../../kernel/index.js';
import type { ComplianceSetup } from '../compliance-setup.js';
import { statusNames, type ComplianceStatus } from '../compliance.model.js';
import { evaluateCompliance, type Evaluation } from '../evaluate-compliance.js';
import { digestOf, snapshotClauses } from '../take-compliance-snapshot.js';

/** Everything a printed compliance report shows: the evaluation, the ledger checkpoint, the digest. */
export interface ComplianceReport {
  readonly hospitalName: Bilingual;
  readonly evaluation: Evaluation;
  readonly setup: ComplianceSetup;
  /** The latest signed checkpoint of the audit log when the report was made, or null before the first one. */
  readonly checkpoint: {
    readonly size: number;
    readonly root: string;
    readonly origin: string;
    readonly note: string;
    readonly issuedAt: string;
  } | null;
  /** SHA-256 of the evaluated clauses (the same digest a snapshot's ledger entry carries). */
  readonly digest: string;
  readonly printedAt: Date;
}

const checkpointView = (checkpoint: StoredCheckpoint | null): ComplianceReport['checkpoint'] =>
  checkpoint === null
    ? null
    : {
        size: checkpoint.size,
        root: checkpoint.root.toString('base64'),
        origin: checkpoint.origin,
        note: checkpoint.note,
        issuedAt: checkpoint.issuedAt,
      };

export const collectComplianceReport = async (
  setup: ComplianceSetup,
  ctx: UseCaseContext,
): Promise<ComplianceReport> => {
  const evaluation = await evaluateCompliance(setup, ctx);
  const checkpoint = await latestCheckpoint(ctx.database.db, 'audit');
  return {
    hospitalName: ctx.hospitalName,
    evaluation,
    setup,
    checkpoint: checkpointView(checkpoint),
    digest: digestOf(snapshotClauses(evaluation)),
    printedAt: ctx.clock.now(),
  };
};

/**
 * Signs a checkpoint after the evaluation, so the printed signature covers every record the evaluation read.
 * Where the server or CLI holds the deployment key it passes this; otherwise the latest checkpoint is printed
 * with how much of the evaluated log it covers.
 */
export type SealCheckpoint = (ctx: UseCaseContext) => Promise<StoredCheckpoint>;

export const sealReport = async (
  report: ComplianceReport,
  ctx: UseCaseContext,
  seal: SealCheckpoint | undefined,
): Promise<ComplianceReport> => (seal === undefined ? report : { ...report, checkpoint: checkpointView(await seal(ctx)) });

export const statusColor: Readonly<Record<ComplianceStatus, string>> = {
  met: '#2b8a3e',
  partlyMet: '#b35c00',
  notMet: '#c92a2a',
  notYetEvaluable: '#5c5f66',
  notApplicable: '#364fc7',
};

/** Short marks for dense tables (heat map): ○ △ × − 除. */
export const statusMark: Readonly<Record<ComplianceStatus, string>> = {
  met: '○',
  partlyMet: '△',
  notMet: '×',
  notYetEvaluable: '−',
  notApplicable: '除',
};

export const statusLabelJa = (s: ComplianceStatus): string => statusNames[s].ja;

/** The signature block in words: which checkpoint signs the evaluated state, and how much of it. */
export const signatureLines = (report: ComplianceReport): string[] => {
  const { evaluation, checkpoint } = report;
  const lines = [
    `評価の基準日: ${formatEraDate(evaluation.asOf)}（${evaluation.asOf}）  評価日時: ${formatJapanTime(evaluation.evaluatedAt)}`,
    `評価時の監査ログ（台帳）の記録数: ${String(evaluation.ledgerSize)}件`,
    `評価結果のSHA-256: ${report.digest}`,
  ];
  if (checkpoint === null)
    return [...lines, '署名済みチェックポイント: まだありません（mamori serve が定期的に署名します）。'];
  lines.push(
    `署名済みチェックポイント: ${checkpoint.origin}  記録数 ${String(checkpoint.size)}件  発行 ${formatJapanTime(checkpoint.issuedAt)}`,
    `ルートハッシュ（base64）: ${checkpoint.root}`,
  );
  lines.push(
    checkpoint.size >= evaluation.ledgerSize
      ? 'このチェックポイントは評価時点の監査ログ全体を含みます。'
      : `評価時点の記録のうち${String(checkpoint.size)}件までがこの署名で保証され、残り${String(evaluation.ledgerSize - checkpoint.size)}件は次のチェックポイントで署名されます。`,
  );
  return lines;
};
