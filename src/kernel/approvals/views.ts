import type {
  ApprovalRequestSummary,
  ApprovalStepView,
  ApprovalTaskView,
  ApprovalTypeView,
  Bilingual,
} from '../../shared/api-types.js';
import type { ApprovalRequestTable, ApprovalStepTable } from '../db/index.js';
import type { TaskRow } from './approvals.repository.js';
import { requestTypes } from './registry.js';
import type { RequestTypeDefinition, RouteCondition } from './request-type.js';

const romans = ['', 'I', 'II', 'III', 'IV'];

export const conditionText = (conditions: readonly RouteCondition[] | undefined): Bilingual | null => {
  if (conditions === undefined || conditions.length === 0) return null;
  const parts = conditions.map((c): Bilingual => {
    switch (c.kind) {
      case 'classificationAtMost':
        return {
          ja: `重要性分類${romans[c.level] ?? ''}以上`,
          en: `classification ${romans[c.level] ?? ''} or above`,
        };
      case 'fieldEquals':
        return { ja: `${c.field} が ${String(c.value)}`, en: `${c.field} is ${String(c.value)}` };
    }
  });
  return { ja: parts.map((p) => p.ja).join('・'), en: parts.map((p) => p.en).join(', ') };
};

export const typeView = (def: RequestTypeDefinition): ApprovalTypeView => ({
  id: def.id,
  name: def.name,
  description: def.description ?? null,
  clauses: def.clauses.map((c) => ({ id: c.id, display: c.display })),
  mode: def.mode,
  form: def.form.map((f) => ({
    key: f.key,
    label: f.label,
    type: f.type,
    required: f.required,
    options: (f.options ?? []).map((o) => ({ value: o.value, label: o.label })),
    maxLength: f.maxLength ?? null,
    min: f.min ?? null,
    max: f.max ?? null,
    mustBeTrue: f.mustBeTrue === true,
    help: f.help ?? null,
  })),
  asksOwnerUnit: def.asksOwnerUnit,
  route: def.route.map((s) => ({
    role: s.approver.role,
    of: s.approver.kind === 'fixed' ? 'hospital' : s.approver.base,
    onlyWhen: conditionText(s.when),
  })),
  appliesWhen: conditionText(def.appliesWhen),
});

/** A type's name; a type no longer registered (an older pack) shows its id. */
export const typeName = (typeId: string): Bilingual =>
  requestTypes.get(typeId)?.name ?? { ja: typeId, en: typeId };

const unitName = (ja: string | null, en: string | null): Bilingual | null =>
  ja === null ? null : { ja, en: en ?? ja };

export const taskView = (row: TaskRow, seats: ReadonlySet<string>): ApprovalTaskView => ({
  requestId: row.request_id,
  refNo: row.ref_no,
  typeId: row.type_id,
  typeName: typeName(row.type_id),
  title: row.title,
  status: row.status,
  applicantName: row.applicant_name,
  applicantUnit: { ja: row.applicant_unit_name_ja, en: row.applicant_unit_name_en },
  step: row.idx,
  seat: { role: row.role, unitName: unitName(row.unit_name_ja, row.unit_name_en) },
  escalated: !seats.has(`${row.role}@${row.unit_id ?? ''}`),
  waitingSince: row.activated_at,
  reminders: row.reminder_count,
  expiresAt: row.expires_at,
});

export const summaryView = (
  r: Pick<
    ApprovalRequestTable,
    'id' | 'ref_no' | 'type_id' | 'title' | 'status' | 'created_at' | 'submitted_at' | 'decided_at'
  >,
): ApprovalRequestSummary => ({
  id: r.id,
  refNo: r.ref_no,
  typeId: r.type_id,
  typeName: typeName(r.type_id),
  title: r.title,
  status: r.status,
  createdAt: r.created_at,
  submittedAt: r.submitted_at,
  decidedAt: r.decided_at,
});

export const stepView = (s: ApprovalStepTable): ApprovalStepView => ({
  idx: s.idx,
  role: s.role,
  unitName: unitName(s.unit_name_ja, s.unit_name_en),
  status: s.status,
  skipReason: s.skip_reason,
  activatedAt: s.activated_at,
  escalation:
    s.escalated_role === null
      ? null
      : {
          role: s.escalated_role,
          unitName: unitName(s.escalated_unit_name_ja, s.escalated_unit_name_en),
          reason: s.escalation_reason,
          at: s.escalated_at,
        },
  decision:
    s.decision === null || s.decided_at === null
      ? null
      : {
          decision: s.decision,
          at: s.decided_at,
          byName: s.decided_by_name ?? '',
          byPosition: s.decided_by_position,
          asRole: s.decided_as_role,
          via: s.decided_via,
          onBehalfOfName: s.on_behalf_of_name,
          comment: s.comment,
          overrideReason: s.override_reason,
        },
});
