import { z } from 'zod';
import { defineQuery, effectiveParameters } from '../../../kernel/index.js';
import type {
  ParameterValueView,
  PolicyParametersView,
  PolicyParameterView,
} from '../../../shared/policy-api-types.js';
import type { ComplianceSetup } from '../compliance-setup.js';
import { allow } from '../policy-access.js';
import { listParameterVersions, pendingChangeRequests } from './parameters.repository.js';

const valueOf = (json: string): ParameterValueView => JSON.parse(json) as ParameterValueView;

/**
 * The pack's parameters in clause order, each with the value in force, the pack's default, its versions (who
 * asked, who approved, when, old and new value) and any change before the committee now (第3 6(2), 第9 3).
 */
export const listPolicyParameters = (setup: ComplianceSetup) =>
  defineQuery({
    name: 'policy.listParameters',
    input: z.object({}).strict(),
    authorize: allow('compliance.read'),
    execute: async (ctx): Promise<PolicyParametersView> => {
      const db = ctx.database.db;
      const { pack } = setup;
      const inForce = await effectiveParameters(db, pack);
      const versions = await listParameterVersions(db, pack.manifest.name);
      const pending = await pendingChangeRequests(db);
      const parameters = [...inForce.values()].map((e): PolicyParameterView => {
        const p = e.parameter;
        const numeric = p.type === 'integer' || p.type === 'duration';
        return {
          key: p.key,
          clauseId: e.clauseId,
          displayId: pack.byId.get(e.clauseId)?.displayId ?? e.clauseId,
          labelJa: p.labelJa,
          labelEn: p.labelEn,
          type: p.type,
          unit: numeric ? p.unit : null,
          min: numeric ? p.min : null,
          max: numeric ? p.max : null,
          options: p.type === 'choice' ? [...p.options] : null,
          hospitalChoice: p.hospitalChoice,
          basis: p.basis,
          defaultValue: p.value,
          value: e.value,
          version: e.version,
          changedAt: e.changedAt,
          history: versions
            .filter((v) => v.parameter_key === p.key)
            .map((v) => ({
              version: v.version,
              value: valueOf(v.value_json),
              previous: valueOf(v.previous_json),
              reason: v.reason,
              requestId: v.request_id,
              requestRefNo: v.request_ref_no,
              requestedBy: v.requested_by_name,
              approvedBy: v.approved_by_name,
              appliedAt: v.applied_at,
            })),
          pending: pending
            .filter((r) => r.title === p.key)
            .map((r) => ({ requestId: r.id, refNo: r.ref_no })),
        };
      });
      return {
        pack: { name: pack.manifest.name, version: pack.manifest.version, title: pack.manifest.title },
        parameters,
      };
    },
  });
