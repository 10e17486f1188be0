import { z } from 'zod';
import { defineQuery, optionalText } from '../../../kernel/index.js';
import type { UnitProcedureView } from '../../../shared/policy-api-types.js';
import { allow, today } from '../policy-access.js';
import { listProcedureRows, withStates } from './procedures.repository.js';

export const listUnitProceduresInput = z.object({ unitId: optionalText(64).optional() }).strict();

/** The implementing procedures of bureaus and divisions, with the Director's opinion and which is in force. */
export const listUnitProcedures = defineQuery({
  name: 'policy.listUnitProcedures',
  input: listUnitProceduresInput,
  authorize: allow('compliance.read'),
  execute: async (ctx, input): Promise<UnitProcedureView[]> => {
    const rows = await listProcedureRows(ctx.database.db, input.unitId ?? null);
    return withStates(rows, today(ctx)).map(({ row, state }) => ({
      id: row.id,
      unit: { id: row.unit_id, nameJa: row.name_ja, nameEn: row.name_en },
      title: row.title,
      version: row.version_label,
      summary: row.summary,
      effectiveOn: row.effective_on,
      state,
      requestId: row.request_id,
      requestRefNo: row.request_ref_no,
      filedBy: row.filed_by_name,
      opinionBy: row.opinion_by_name,
      opinion: row.opinion,
      recordedAt: row.recorded_at,
    }));
  },
});
