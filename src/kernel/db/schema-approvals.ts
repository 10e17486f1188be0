// Table types of the approvals engine, notifications and job leases (see schema.ts for the conventions).
export interface ApprovalRequestTable {
  id: string;
  ref_no: string;
  type_id: string;
  mode: string;
  status: string;
  title: string;
  applicant_staff_id: string;
  applicant_name: string;
  applicant_unit_id: string;
  applicant_unit_name_ja: string;
  applicant_unit_name_en: string;
  preparer_staff_id: string | null;
  preparer_name: string | null;
  resource_unit_id: string | null;
  resource_ref: string | null;
  classification: number | null;
  form_json: string;
  current_step: number | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  decided_at: string | null;
  expires_at: string | null;
  carried_out_at: string | null;
  report_due_at: string | null;
  reported_at: string | null;
  closed_reason: string | null;
}

export interface ApprovalStepTable {
  id: string;
  request_id: string;
  idx: number;
  role: string;
  unit_id: string | null;
  unit_name_ja: string | null;
  unit_name_en: string | null;
  status: string;
  skip_reason: string | null;
  activated_at: string | null;
  reminded_at: string | null;
  reminder_count: number;
  escalated_role: string | null;
  escalated_unit_id: string | null;
  escalated_unit_name_ja: string | null;
  escalated_unit_name_en: string | null;
  escalated_at: string | null;
  escalation_reason: string | null;
  decided_at: string | null;
  decision: string | null;
  decided_by_staff_id: string | null;
  decided_by_name: string | null;
  decided_by_position: string | null;
  decided_as_role: string | null;
  decided_via: string | null;
  on_behalf_of_staff_id: string | null;
  on_behalf_of_name: string | null;
  comment: string | null;
  override_reason: string | null;
}

export interface ApprovalCounterTable {
  name: string;
  value: number;
}

export interface NotificationTable {
  id: string;
  recipient_staff_id: string;
  kind: string;
  subject: string;
  title_ja: string;
  title_en: string;
  body_ja: string;
  body_en: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
  email_to: string | null;
  email_status: string;
  email_attempts: number;
  email_sent_at: string | null;
  email_error: string | null;
}

export interface JobLeaseTable {
  name: string;
  holder: string;
  lease_until: string;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_outcome: string | null;
  runs: number;
}
