// The approvals engine: every "許可を得なければならない" of the standard, routed, decided and recorded.
export { acknowledgeReport, acknowledgeReportInput } from './acknowledge-report.js';
export { approvalJobs, type ApprovalJobSettings } from './approval-jobs.js';
export { registerApprovalRoutes } from './approvals.routes.js';
export { createRequest } from './create-request.js';
export { decideStep, decideStepInput } from './decide-step.js';
export { renderDecisionRecordPdf, type DecisionRecordOptions } from './decision-record-pdf.js';
export { deliverEmails } from './deliver-emails.js';
export {
  directoryOf,
  type DirectoryPerson,
  type DirectoryUnit,
  type OrgDirectory,
  type RoleHolder,
} from './directory.js';
export { expireRequests, expireRequestsInput } from './expire-requests.js';
export { formSchemaOf, parseForm, type FormValues } from './form-schema.js';
export { getRequest } from './get-request.js';
export {
  mergeApprovalHooks,
  type ApprovalHooks,
  type PreparedDraft,
  type RequestTypeHooks,
  type SubmittedDraft,
} from './hooks.js';
export { disposalMethods, protections } from './builtin-fields.js';
export { badInput, endOfDay, envOf } from './helpers.js';
export { subjectOf as requestSubject, type Env as ApprovalEnv } from './advance.js';
export {
  decisionNames,
  requestStatuses,
  roleName,
  statusNames,
  stepStatuses,
  viaNames,
  type RequestStatus,
  type StepStatus,
} from './labels.js';
export { listMyNotifications } from './list-my-notifications.js';
export { listMyRequests } from './list-my-requests.js';
export { listMyTasks } from './list-my-tasks.js';
export { listRequestTypes } from './list-request-types.js';
export { createMailer, mailSettingsOf, type MailSettings, type Mailer, type OutgoingMail } from './mailer.js';
export { markNotificationsRead, markNotificationsReadInput } from './mark-notifications-read.js';
export { requestDraftInput, type RequestDraftInput } from './new-request.js';
export { notificationKinds, requestLink, type NotificationKind } from './notify.js';
export { recordDeliveries, MAX_EMAIL_ATTEMPTS } from './record-deliveries.js';
export { recordEmergency, recordEmergencyInput } from './record-emergency.js';
export {
  applyPackRoutes,
  createRequestTypeRegistry,
  requestTypes,
  RequestTypeRegistry,
  type PackRequestType,
} from './registry.js';
export { remindApprovers, remindApproversInput } from './remind-approvers.js';
export { renderDecisionRecord } from './render-decision-record.js';
export { reportEmergency, reportEmergencyInput } from './report-emergency.js';
export {
  fieldTypes,
  requestTypeDefinitionSchema,
  type ApproverRef,
  type ClauseRef,
  type FieldType,
  type FormField,
  type RequestTypeData,
  type RequestTypeDefinition,
  type RouteCondition,
  type RouteStep,
} from './request-type.js';
export { acquireLease, startScheduler, type Job, type JobRun, type Scheduler } from './scheduler.js';
export { fileRequest, submitRequest, submitRequestInput, type Submitted } from './submit-request.js';
export { withdrawRequest, withdrawRequestInput } from './withdraw-request.js';
