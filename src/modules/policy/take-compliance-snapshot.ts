import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  actorRef,
  canonicalJson,
  defineUseCase,
  newId,
  type ComplianceSnapshotTable,
} from '../../kernel/index.js';
import type { ComplianceSetup } from './compliance-setup.js';
import type { ComplianceStatus } from './compliance.model.js';
import { insertSnapshot } from './compliance.repository.js';
import { evaluateComplianceIn, type Evaluation } from './evaluate-compliance.js';
import { allow } from './policy-access.js';

/** One clause in a stored snapshot: enough for the trend and for comparing two reviews. */
export type SnapshotClause = {
  id: string;
  status: ComplianceStatus;
  evidenceCount: number;
  units: Record<string, ComplianceStatus>;
};

export const snapshotClauses = (e: Evaluation): SnapshotClause[] =>
  e.clauses.map((c) => ({
    id: c.clauseId,
    status: c.status,
    evidenceCount: c.evidenceCount,
    units: Object.fromEntries(c.units.map((u) => [u.unitId, u.status])),
  }));

/** SHA-256 of the canonical JSON (RFC 8785) of the snapshot's clauses: what the ledger entry and reports name. */
export const digestOf = (clauses: readonly SnapshotClause[]): string =>
  createHash('sha256').update(canonicalJson(clauses), 'utf8').digest('hex');

/**
 * Evaluates every clause and keeps the result as the day's snapshot (the trend shows the last one of each day).
 * The ledger entry carries the counts and the digest of the results, so a later report can be checked against it.
 */
export const takeComplianceSnapshot = (setup: ComplianceSetup) =>
  defineUseCase({
    name: 'policy.takeComplianceSnapshot',
    input: z.object({}).strict(),
    authorize: allow('compliance.manage'),
    execute: async (ctx, _input, tx) => {
      const evaluation = await evaluateComplianceIn(tx, setup, ctx);
      const clauses = snapshotClauses(evaluation);
      const digest = digestOf(clauses);
      const row: ComplianceSnapshotTable = {
        id: newId(),
        pack: evaluation.pack.name,
        pack_version: evaluation.pack.version,
        taken_on: evaluation.asOf,
        taken_at: evaluation.evaluatedAt,
        taken_by: actorRef(ctx.actor),
        ledger_size: evaluation.ledgerSize,
        met: evaluation.counts.met,
        partly_met: evaluation.counts.partlyMet,
        not_met: evaluation.counts.notMet,
        not_yet_evaluable: evaluation.counts.notYetEvaluable,
        not_applicable: evaluation.counts.notApplicable,
        digest,
        results: JSON.stringify(clauses),
      };
      await insertSnapshot(tx, row);
      return {
        result: { id: row.id, takenOn: row.taken_on, counts: { ...evaluation.counts }, digest },
        ledger: [
          {
            kind: 'policy.compliance.snapshotTaken',
            subject: `complianceSnapshot:${row.id}`,
            payload: {
              pack: row.pack,
              packVersion: row.pack_version,
              takenOn: row.taken_on,
              ledgerSize: row.ledger_size,
              counts: { ...evaluation.counts },
              digest,
            },
          },
        ],
      };
    },
  });
