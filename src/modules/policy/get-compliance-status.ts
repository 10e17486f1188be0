import { z } from 'zod';
import { defineQuery } from '../../kernel/index.js';
import type { ComplianceOverview } from '../../shared/api-types.js';
import type { ComplianceSetup } from './compliance-setup.js';
import { presentOverview } from './compliance.presenters.js';
import { evaluateCompliance } from './evaluate-compliance.js';
import { allow } from './policy-access.js';

/** Every provision with its status, reason, evidence count and units, evaluated now. */
export const getComplianceStatus = (setup: ComplianceSetup) =>
  defineQuery({
    name: 'policy.getComplianceStatus',
    input: z.object({}).strict(),
    authorize: allow('compliance.read'),
    execute: async (ctx): Promise<ComplianceOverview> => presentOverview(await evaluateCompliance(setup, ctx)),
  });
