import { z } from 'zod';
import { contextOf, type MamoriApp } from '../../kernel/index.js';
import { renderChecklistPdf, renderChecklistXlsx } from './checklist/checklist-export.js';
import { correctChecklistMappingInput } from './checklist/correct-checklist-mapping.js';
import { recordChecklistAnswerBody } from './checklist/record-checklist-answer.js';
import type { ComplianceService } from './compliance-service.js';
import { endClauseExclusionInput } from './end-clause-exclusion.js';
import { getComplianceTrendInput } from './get-compliance-trend.js';
import { listUnitProceduresInput } from './procedures/list-unit-procedures.js';
import { recordClauseExclusionInput } from './record-clause-exclusion.js';
import { renderComplianceReportPdf } from './report/compliance-report-pdf.js';
import { renderComplianceReportXlsx } from './report/compliance-report-xlsx.js';
import { sealReport, type SealCheckpoint } from './report/report-data.js';

const tags = ['compliance'];
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const itemParams = z.object({ itemId: z.string().min(1).max(20) });

/** HTTP for the policy module: the standard as a document, statuses, evidence, trend, reports, the MHLW checklist. */
export const registerPolicyRoutes = (
  app: MamoriApp,
  service: ComplianceService,
  options: { sealCheckpoint?: SealCheckpoint } = {},
): void => {
  app.get(
    '/api/policy/document',
    { config: { action: 'compliance.read' }, schema: { tags, summary: 'The standard, every clause in order' } },
    (req) => service.getDocument(contextOf(req), {}),
  );
  app.get(
    '/api/policy/parameters',
    {
      config: { action: 'compliance.read' },
      schema: {
        tags,
        summary: 'The pack’s parameters: value in force, default and the versions the committee approved',
      },
    },
    (req) => service.listParameters(contextOf(req), {}),
  );
  app.get(
    '/api/policy/procedures',
    {
      config: { action: 'compliance.read' },
      schema: {
        tags,
        summary: 'Implementing procedures of bureaus and divisions, with the Security Director’s opinion',
        querystring: listUnitProceduresInput,
      },
    },
    (req) => service.listProcedures(contextOf(req), req.query),
  );
  app.get(
    '/api/compliance/status',
    {
      config: { action: 'compliance.read' },
      schema: { tags, summary: 'Every provision with its status, reason, evidence count and units' },
    },
    (req) => service.getStatus(contextOf(req), {}),
  );
  app.get(
    '/api/compliance/clauses/:clauseId',
    {
      config: { action: 'compliance.read' },
      schema: {
        tags,
        summary: 'One clause: status and the evidence behind it, unit by unit',
        params: z.object({ clauseId: z.string().min(1).max(40) }),
      },
    },
    (req) => service.getClause(contextOf(req), { clauseId: req.params.clauseId }),
  );
  app.get(
    '/api/compliance/trend',
    {
      config: { action: 'compliance.read' },
      schema: { tags, summary: 'Daily snapshots and what changed since a review', querystring: getComplianceTrendInput },
    },
    (req) => service.getTrend(contextOf(req), req.query),
  );
  app.post(
    '/api/compliance/snapshots',
    { config: { action: 'compliance.manage' }, schema: { tags, summary: "Take today's snapshot now" } },
    async (req, reply) => reply.code(201).send(await service.takeSnapshot(contextOf(req), {})),
  );
  app.post(
    '/api/compliance/exclusions',
    {
      config: { action: 'compliance.manage' },
      schema: { tags, summary: 'Record a clause as not applicable, with the reason', body: recordClauseExclusionInput },
    },
    async (req, reply) => reply.code(201).send(await service.recordExclusion(contextOf(req), req.body)),
  );
  app.post(
    '/api/compliance/exclusions/:exclusionId/end',
    {
      config: { action: 'compliance.manage' },
      schema: {
        tags,
        summary: 'End a not-applicable record',
        params: z.object({ exclusionId: z.string().min(1).max(64) }),
        body: endClauseExclusionInput.omit({ exclusionId: true }),
      },
    },
    (req) => service.endExclusion(contextOf(req), { exclusionId: req.params.exclusionId, reason: req.body.reason }),
  );
  for (const format of ['pdf', 'xlsx'] as const)
    app.get(
      `/api/compliance/report.${format}`,
      {
        config: { action: 'compliance.read' },
        schema: { tags, summary: `The compliance report (${format}), signed with the ledger checkpoint` },
      },
      async (req, reply) => {
        const ctx = contextOf(req);
        const report = await sealReport(await service.getReport(ctx, {}), ctx, options.sealCheckpoint);
        const body =
          format === 'pdf' ? await renderComplianceReportPdf(report) : await renderComplianceReportXlsx(report);
        return reply
          .type(format === 'pdf' ? 'application/pdf' : xlsx)
          .header(
            'content-disposition',
            `${format === 'pdf' ? 'inline' : 'attachment'}; filename="compliance-report-${report.evaluation.asOf}.${format}"`,
          )
          .send(body);
      },
    );

  app.get(
    '/api/compliance/checklist',
    { config: { action: 'compliance.read' }, schema: { tags, summary: 'The MHLW checklist answered from live data' } },
    (req) => service.getChecklist(contextOf(req), {}),
  );
  for (const format of ['pdf', 'xlsx'] as const)
    app.get(
      `/api/compliance/checklist.${format}`,
      {
        config: { action: 'compliance.read' },
        schema: { tags, summary: `The MHLW checklist for the inspector (${format})` },
      },
      async (req, reply) => {
        const ctx = contextOf(req);
        const view = await service.getChecklist(ctx, {});
        const options = { hospitalName: ctx.hospitalName, printedAt: ctx.clock.now() };
        const body = format === 'pdf' ? await renderChecklistPdf(view, options) : await renderChecklistXlsx(view, options);
        return reply
          .type(format === 'pdf' ? 'application/pdf' : xlsx)
          .header(
            'content-disposition',
            `${format === 'pdf' ? 'inline' : 'attachment'}; filename="${view.name}-${view.asOf}.${format}"`,
          )
          .send(body);
      },
    );
  app.post(
    '/api/compliance/checklist/items/:itemId/answer',
    {
      config: { action: 'compliance.manage' },
      schema: {
        tags,
        summary: 'Record the answer to a checklist item no module evidences yet',
        params: itemParams,
        body: recordChecklistAnswerBody,
      },
    },
    async (req, reply) => {
      const body = { ...req.body, itemId: req.params.itemId };
      return reply.code(201).send(await service.recordChecklistAnswer(contextOf(req), body));
    },
  );
  app.put(
    '/api/compliance/checklist/items/:itemId/mapping',
    {
      config: { action: 'compliance.manage' },
      schema: {
        tags,
        summary: 'Correct which clauses answer a checklist item',
        params: itemParams,
        body: correctChecklistMappingInput.omit({ itemId: true }),
      },
    },
    (req) => service.correctChecklistMapping(contextOf(req), { ...req.body, itemId: req.params.itemId }),
  );
};
