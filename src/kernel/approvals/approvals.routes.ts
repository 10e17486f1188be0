import { z } from 'zod';
import type { Action } from '../access/index.js';
import { contextOf, type MamoriApp } from '../http/index.js';
import { acknowledgeReport } from './acknowledge-report.js';
import { createRequest } from './create-request.js';
import { decideStep } from './decide-step.js';
import { getRequest } from './get-request.js';
import { listMyNotifications } from './list-my-notifications.js';
import { listMyRequests } from './list-my-requests.js';
import { listMyTasks } from './list-my-tasks.js';
import { listRequestTypes } from './list-request-types.js';
import { markNotificationsRead, markNotificationsReadInput } from './mark-notifications-read.js';
import { requestDraftInput } from './new-request.js';
import { recordEmergencyInput, recordEmergency } from './record-emergency.js';
import { renderDecisionRecord } from './render-decision-record.js';
import { reportEmergency } from './report-emergency.js';
import { submitRequest, submitRequestInput } from './submit-request.js';
import { withdrawRequest } from './withdraw-request.js';

const tags = ['approvals'];
/**
 * The actions routes declare (第7 1(1)). A person's own lists and notifications are hospital-wide actions any
 * signed-in account holds; what is done with one request (submit, read, withdraw, decide) is decided by the access
 * kernel on that request in the use case, with its parties, route seats and units (`request.*` rules).
 */
const list = 'request.list' satisfies Action;
const notifications = 'request.readNotifications' satisfies Action;
const submit = 'request.submit' satisfies Action;
const read = 'request.read' satisfies Action;
const withdraw = 'request.withdraw' satisfies Action;
const decide = 'request.approve' satisfies Action;
const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const listQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).optional() });

/** HTTP for the approvals engine: validate, call the use case, present. */
export const registerApprovalRoutes = (app: MamoriApp): void => {
  app.get(
    '/api/approvals/types',
    { config: { action: list }, schema: { tags, summary: 'Request types with their forms and routes' } },
    (req) => listRequestTypes(contextOf(req), {}),
  );
  app.get(
    '/api/approvals/tasks',
    {
      config: { action: list },
      schema: { tags, summary: 'My tasks: requests waiting for my decision', querystring: listQuery },
    },
    (req) => listMyTasks(contextOf(req), req.query),
  );
  app.get(
    '/api/approvals/requests',
    {
      config: { action: list },
      schema: { tags, summary: 'My requests (made or prepared by me)', querystring: listQuery },
    },
    (req) => listMyRequests(contextOf(req), req.query),
  );
  app.post(
    '/api/approvals/requests',
    {
      config: { action: submit },
      schema: { tags, summary: 'Save a request as a draft', body: requestDraftInput },
    },
    async (req, reply) => reply.code(201).send(await createRequest(contextOf(req), req.body)),
  );
  app.post(
    '/api/approvals/requests/submit',
    {
      config: { action: submit },
      schema: { tags, summary: 'Submit a draft, or fill in and submit at once', body: submitRequestInput },
    },
    async (req, reply) => reply.code(201).send(await submitRequest(contextOf(req), req.body)),
  );
  app.get(
    '/api/approvals/requests/:id',
    {
      config: { action: read },
      schema: { tags, summary: 'A request with its route and history', params: idParams },
    },
    (req) => getRequest(contextOf(req), req.params),
  );
  app.post(
    '/api/approvals/requests/:id/submit',
    { config: { action: submit }, schema: { tags, summary: 'Submit a saved draft', params: idParams } },
    (req) => submitRequest(contextOf(req), { requestId: req.params.id }),
  );
  app.post(
    '/api/approvals/requests/:id/decision',
    {
      config: { action: decide },
      schema: {
        tags,
        summary: 'Approve or reject the current step (第3 7: not one’s own request)',
        params: idParams,
        body: z.strictObject({
          decision: z.enum(['approve', 'reject']),
          comment: z.string().trim().max(1000).nullish(),
          overrideReason: z.string().max(1000).nullish(),
        }),
      },
    },
    (req) => decideStep(contextOf(req), { requestId: req.params.id, ...req.body }),
  );
  app.post(
    '/api/approvals/requests/:id/withdraw',
    {
      config: { action: withdraw },
      schema: {
        tags,
        summary: 'Withdraw my request',
        params: idParams,
        body: z.strictObject({ reason: z.string().trim().max(1000).nullish() }),
      },
    },
    (req) => withdrawRequest(contextOf(req), { requestId: req.params.id, ...req.body }),
  );
  app.post(
    '/api/approvals/emergencies',
    {
      config: { action: submit },
      schema: {
        tags,
        summary: 'Record an emergency exception carried out (8-5(2))',
        body: recordEmergencyInput,
      },
    },
    async (req, reply) => reply.code(201).send(await recordEmergency(contextOf(req), req.body)),
  );
  app.post(
    '/api/approvals/requests/:id/report',
    {
      config: { action: submit },
      schema: {
        tags,
        summary: 'Report an emergency exception to the CISO (8-5(2))',
        params: idParams,
        body: z.strictObject({ form: z.record(z.string(), z.unknown()).optional() }),
      },
    },
    (req) => reportEmergency(contextOf(req), { requestId: req.params.id, ...req.body }),
  );
  app.post(
    '/api/approvals/requests/:id/acknowledge',
    {
      config: { action: decide },
      schema: {
        tags,
        summary: 'Acknowledge an emergency exception report (CISO)',
        params: idParams,
        body: z.strictObject({
          comment: z.string().trim().max(1000).nullish(),
          overrideReason: z.string().max(1000).nullish(),
        }),
      },
    },
    (req) => acknowledgeReport(contextOf(req), { requestId: req.params.id, ...req.body }),
  );
  app.get(
    '/api/approvals/requests/:id/record.pdf',
    {
      config: { action: read },
      schema: { tags, summary: 'The decision record (決裁欄) as PDF', params: idParams },
    },
    async (req, reply) => {
      const { refNo, pdf } = await renderDecisionRecord(contextOf(req), req.params);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="decision-${refNo}.pdf"`)
        .send(pdf);
    },
  );
  app.get(
    '/api/approvals/notifications',
    {
      config: { action: notifications },
      schema: {
        tags,
        summary: 'My notifications',
        querystring: z.strictObject({
          unreadOnly: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
        }),
      },
    },
    (req) => listMyNotifications(contextOf(req), req.query),
  );
  app.post(
    '/api/approvals/notifications/read',
    {
      config: { action: notifications },
      schema: { tags, summary: 'Mark my notifications read', body: markNotificationsReadInput },
    },
    (req) => markNotificationsRead(contextOf(req), req.body),
  );
};
