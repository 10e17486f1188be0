// Shapes of the JSON the API sends about approvals (re-exported by api-types.ts).
import type { Bilingual } from './api-types-base.js';
import type { HistoryEntry } from './api-types-org.js';

// Approvals (every "許可を得なければならない"; 第3 7, 第8 5)

export interface ApprovalFieldView {
  key: string;
  label: Bilingual;
  type: 'text' | 'longText' | 'date' | 'enum' | 'number' | 'boolean' | 'classification';
  required: boolean;
  options: { value: string; label: Bilingual }[];
  maxLength: number | null;
  min: number | null;
  max: number | null;
  mustBeTrue: boolean;
  help: Bilingual | null;
}

export interface ApprovalTypeView {
  id: string;
  name: Bilingual;
  description: Bilingual | null;
  clauses: { id: string; display: string }[];
  mode: 'prior' | 'postFacto';
  form: ApprovalFieldView[];
  asksOwnerUnit: boolean;
  /** Who decides, in order: a role for the applicant's unit, the owning unit, or the hospital. */
  route: { role: string; of: 'applicantUnit' | 'resourceUnit' | 'hospital'; onlyWhen: Bilingual | null }[];
  appliesWhen: Bilingual | null;
}

export interface ApprovalTaskView {
  requestId: string;
  refNo: string;
  typeId: string;
  typeName: Bilingual;
  title: string;
  status: string;
  applicantName: string;
  applicantUnit: Bilingual;
  step: number;
  seat: { role: string; unitName: Bilingual | null };
  /** The task reached me as the next level up (waited too long, or its approver cannot decide it). */
  escalated: boolean;
  waitingSince: string | null;
  reminders: number;
  expiresAt: string | null;
}

export interface ApprovalRequestSummary {
  id: string;
  refNo: string;
  typeId: string;
  typeName: Bilingual;
  title: string;
  status: string;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
}

export interface ApprovalStepView {
  idx: number;
  role: string;
  unitName: Bilingual | null;
  status: string;
  skipReason: string | null;
  activatedAt: string | null;
  escalation: { role: string; unitName: Bilingual | null; reason: string | null; at: string | null } | null;
  decision: {
    decision: string;
    at: string;
    byName: string;
    byPosition: string | null;
    asRole: string | null;
    /** assignment, or 代決 by delegation / acting, with on whose behalf. */
    via: string | null;
    onBehalfOfName: string | null;
    comment: string | null;
    overrideReason: string | null;
  } | null;
}

export interface ApprovalRequestView extends ApprovalRequestSummary {
  mode: 'prior' | 'postFacto';
  applicant: { id: string; name: string; unit: Bilingual };
  preparer: { id: string; name: string } | null;
  resourceUnitId: string | null;
  /** The record the request is about (`asset:…`), when a module's page filed it. */
  resourceRef: string | null;
  classification: number | null;
  form: Record<string, string | number | boolean | null>;
  type: ApprovalTypeView;
  steps: ApprovalStepView[];
  history: HistoryEntry[];
  expiresAt: string | null;
  carriedOutAt: string | null;
  reportDueAt: string | null;
  reportedAt: string | null;
  closedReason: string | null;
  /** What the reader may do now; `separationConflict`: they sit in the seat but made or prepared it (第3 7(1)). */
  can: {
    decide: boolean;
    acknowledge: boolean;
    withdraw: boolean;
    submit: boolean;
    report: boolean;
    separationConflict: boolean;
  };
}

export interface NotificationView {
  id: string;
  kind: string;
  title: Bilingual;
  body: Bilingual;
  link: string | null;
  createdAt: string;
  readAt: string | null;
  email: string;
}
