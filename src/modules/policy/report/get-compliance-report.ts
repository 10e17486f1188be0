import { z } from 'zod';
import { defineQuery } from '../../../kernel/index.js';
import type { ComplianceSetup } from '../compliance-setup.js';
import { allow } from '../policy-access.js';
import { collectComplianceReport, type ComplianceReport } from './report-data.js';

/** The data of the printed compliance report (PDF or Excel), evaluated now. */
export const getComplianceReport = (setup: ComplianceSetup) =>
  defineQuery({
    name: 'policy.getComplianceReport',
    input: z.object({}).strict(),
    authorize: allow('compliance.read'),
    execute: (ctx): Promise<ComplianceReport> => collectComplianceReport(setup, ctx),
  });
