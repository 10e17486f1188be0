import { bi } from '../../../kernel/index.js';
import type { ClauseEvaluator, EvidenceItem, UnitFinding } from '../compliance.model.js';
import { evidence, unitsFinding } from '../findings.js';
import { listProcedureRows, withStates, type ProcedureRow } from '../procedures/procedures.repository.js';
import { officerUnitKinds } from './org-holdings.js';

/**
 * 第3 3(2): every bureau, division and clinic (the units of a Security Officer) has an implementing procedure in
 * force that went through the Security Director's opinion — recorded only when a `policy.unitProcedure` request
 * was approved, so each record carries the decision it came from. One query over the procedures.
 */

const procedureEvidence = (row: ProcedureRow, state: string): EvidenceItem =>
  evidence({
    kind: 'record',
    type: 'Procedure',
    ref: `unitProcedure:${row.id}`,
    label: bi(
      `${row.title}（${row.version_label}、${row.effective_on}施行、${row.request_ref_no}、意見: ${row.opinion_by_name ?? '—'}）${state === 'upcoming' ? '［施行前］' : ''}`,
      `${row.title} (${row.version_label}, effective ${row.effective_on}, ${row.request_ref_no}, opinion: ${row.opinion_by_name ?? '—'})${state === 'upcoming' ? ' [not yet effective]' : ''}`,
    ),
    unitId: row.unit_id,
    at: row.effective_on,
  });

export const procedureEvaluator: ClauseEvaluator = {
  id: 'policy.procedures',
  module: 'policy',
  clauseIds: ['3.3.2'],
  evaluate: async (ctx) => {
    const states = withStates(await listProcedureRows(ctx.db), ctx.asOf);
    const units = ctx.units
      .filter((u) => officerUnitKinds.includes(u.kind))
      .map((unit): UnitFinding => {
        const own = states.filter((s) => s.row.unit_id === unit.id);
        const inForce = own.find((s) => s.state === 'inForce');
        const upcoming = own.filter((s) => s.state === 'upcoming');
        const items = [...(inForce ? [inForce] : []), ...upcoming].map((s) => procedureEvidence(s.row, s.state));
        if (inForce !== undefined)
          return {
            unitId: unit.id,
            status: 'met',
            reason: bi(
              `実施手順「${inForce.row.title}」（${inForce.row.version_label}）が統括情報セキュリティ責任者の意見を経て施行されています。`,
              `The procedure "${inForce.row.title}" (${inForce.row.version_label}) is in force after the Security Director's opinion.`,
            ),
            evidence: items,
          };
        return {
          unitId: unit.id,
          status: 'notMet',
          reason:
            upcoming.length > 0
              ? bi(
                  `実施手順は施行前です（${upcoming.map((s) => s.row.effective_on).join('、')}施行）。`,
                  `The procedure is not yet in force (effective ${upcoming.map((s) => s.row.effective_on).join(', ')}).`,
                )
              : bi(
                  '統括情報セキュリティ責任者の意見を経た実施手順が記録されていません。',
                  "No implementing procedure has been recorded after the Security Director's opinion.",
                ),
          evidence: [
            ...items,
            evidence({
              kind: 'check',
              type: 'Procedure',
              ref: `unit:${unit.id}`,
              label: bi(`${unit.nameJa}の実施手順が未施行`, `No procedure in force for ${unit.nameEn}`),
              unitId: unit.id,
              ok: false,
            }),
          ],
        };
      });
    return [
      unitsFinding(
        '3.3.2',
        bi('部局等の実施手順（統括情報セキュリティ責任者の意見）', "Units' implementing procedures (the Director's opinion)"),
        units,
      ),
    ];
  },
};
