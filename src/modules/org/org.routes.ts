import { z } from 'zod';
import { calendarDateSchema, contextOf, type MamoriApp } from '../../kernel/index.js';
import { assignRole } from './assign-role.js';
import { buildContactChart } from './build-contact-chart.js';
import { buildGapReport } from './build-gap-report.js';
import { registerCompartmentRoutes } from './compartments.routes.js';
import { renderContactChartPdf } from './contact-chart-pdf.js';
import { createUnit } from './create-unit.js';
import { delegateRole } from './delegate-role.js';
import { endRoleAssignment } from './end-role-assignment.js';
import { exportOrg } from './export-org.js';
import { getUnit } from './get-unit.js';
import { importOrgFile, importOrgFileInput } from './import-org-file.js';
import { listUnits } from './list-units.js';
import { writeOrgCsv, writeOrgXlsx } from './org-file.js';
import {
  assignmentRowSchema,
  delegationRowSchema,
  orgSheets,
  staffRowSchema,
  unitRowSchema,
} from './org.schema.js';
import { registerStaff } from './register-staff.js';
import { searchStaff } from './search-staff.js';
import { updateStaff } from './update-staff.js';
import { updateUnit } from './update-unit.js';

const tags = ['org'];
const idParams = z.object({ id: z.string().min(1).max(64) });

/** HTTP for 第3: validate, call the use case, present. */
export const registerOrgRoutes = (app: MamoriApp): void => {
  app.get(
    '/api/org/units',
    { config: { action: 'org.read' }, schema: { tags, summary: 'Units in force today' } },
    (req) => listUnits(contextOf(req), {}),
  );
  app.get(
    '/api/org/units/:id',
    {
      config: { action: 'org.read' },
      schema: { tags, summary: 'A unit with its staff and roles', params: idParams },
    },
    (req) => getUnit(contextOf(req), req.params),
  );
  app.post(
    '/api/org/units',
    { config: { action: 'org.manage' }, schema: { tags, summary: 'Create a unit', body: unitRowSchema } },
    async (req, reply) => reply.code(201).send(await createUnit(contextOf(req), req.body)),
  );
  app.put(
    '/api/org/units',
    {
      config: { action: 'org.manage' },
      schema: { tags, summary: 'Update a unit (by code)', body: unitRowSchema },
    },
    (req) => updateUnit(contextOf(req), req.body),
  );

  app.get(
    '/api/org/staff',
    {
      config: { action: 'org.read' },
      schema: {
        tags,
        summary: 'Search staff',
        querystring: z.object({
          q: z.string().max(100).optional(),
          unitId: z.string().max(64).optional(),
          includeFormer: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
          offset: z.coerce.number().int().min(0).optional(),
        }),
      },
    },
    (req) => searchStaff(contextOf(req), { ...req.query, includeFormer: req.query.includeFormer === 'true' }),
  );
  app.post(
    '/api/org/staff',
    {
      config: { action: 'org.manageStaff' },
      schema: { tags, summary: 'Register a staff member', body: staffRowSchema },
    },
    async (req, reply) => reply.code(201).send(await registerStaff(contextOf(req), req.body)),
  );
  app.put(
    '/api/org/staff',
    {
      config: { action: 'org.manageStaff' },
      schema: { tags, summary: 'Update a staff member (by employee number)', body: staffRowSchema },
    },
    (req) => updateStaff(contextOf(req), req.body),
  );

  app.post(
    '/api/org/assignments',
    {
      config: { action: 'org.manage' },
      schema: { tags, summary: 'Assign a role of 第3', body: assignmentRowSchema },
    },
    async (req, reply) => reply.code(201).send(await assignRole(contextOf(req), req.body)),
  );
  app.post(
    '/api/org/assignments/:id/end',
    {
      config: { action: 'org.manage' },
      schema: {
        tags,
        summary: 'End a term',
        params: idParams,
        body: z.object({ endDate: calendarDateSchema }).strict(),
      },
    },
    (req) => endRoleAssignment(contextOf(req), { assignmentId: req.params.id, endDate: req.body.endDate }),
  );
  app.post(
    '/api/org/delegations',
    {
      config: { action: 'org.manage' },
      schema: { tags, summary: 'Delegate (3-2(7)) or appoint an acting holder', body: delegationRowSchema },
    },
    async (req, reply) => reply.code(201).send(await delegateRole(contextOf(req), req.body)),
  );

  app.get(
    '/api/org/gap-report',
    {
      config: { action: 'org.readReports' },
      schema: { tags, summary: 'Units without Officer or Manager; roles kept apart by 第3 7' },
    },
    (req) => buildGapReport(contextOf(req), {}),
  );
  app.get(
    '/api/org/contact-chart',
    { config: { action: 'org.read' }, schema: { tags, summary: 'Emergency contact chart (3-2(6))' } },
    (req) => buildContactChart(contextOf(req), {}),
  );
  app.get(
    '/api/org/contact-chart.pdf',
    { config: { action: 'org.read' }, schema: { tags, summary: 'Emergency contact chart as PDF' } },
    async (req, reply) => {
      const chart = await buildContactChart(contextOf(req), {});
      const pdf = await renderContactChartPdf(chart, { printedAt: contextOf(req).clock.now() });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="contact-chart-${chart.asOf}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/org/export',
    {
      config: { action: 'org.readReports' },
      schema: {
        tags,
        summary: 'Export the organisation as Excel or CSV',
        querystring: z
          .object({ format: z.enum(['xlsx', 'csv']).default('xlsx'), sheet: z.enum(orgSheets).optional() })
          .refine((q) => q.format === 'xlsx' || q.sheet !== undefined, {
            path: ['sheet'],
            params: { ja: 'CSVの場合はシートを指定してください。', en: 'A CSV export needs a sheet.' },
          }),
      },
    },
    async (req, reply) => {
      const data = await exportOrg(contextOf(req), {});
      if (req.query.format === 'xlsx') {
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', 'attachment; filename="organisation.xlsx"')
          .send(await writeOrgXlsx(data));
      }
      const sheet = req.query.sheet ?? 'units';
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${sheet}.csv"`)
        .send(writeOrgCsv(sheet, data[sheet]));
    },
  );
  app.post(
    '/api/org/import',
    {
      config: { action: 'org.manage' },
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import units, staff and roles from CSV or Excel (dry run first)',
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
        body: importOrgFileInput,
      },
    },
    (req) => importOrgFile(contextOf(req), req.body, req.query.dryRun === 'true'),
  );

  registerCompartmentRoutes(app);
};
