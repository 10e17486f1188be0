import { z } from 'zod';
import type { ApprovalRequestView } from '../../shared/api-types.js';
import type { Actor } from '../access/index.js';
import type { ApprovalRequestTable, ApprovalStepTable } from '../db/index.js';
import { entriesForSubject } from '../ledger/index.js';
import { calendarDate } from '../time/index.js';
import { defineQuery, recordingDenials } from '../usecase/index.js';
import { subjectOf } from './advance.js';
import { findRequest, stepsOf } from './approvals.repository.js';
import { directoryOf } from './directory.js';
import type { FormValues } from './form-schema.js';
import { requestResource } from './decision-resource.js';
import { notFound, requireOnRequest, requireStaff, seatOf } from './helpers.js';
import { requestTypes } from './registry.js';
import { stepView, summaryView, typeView } from './views.js';

/** Who reads a request, said when someone else asks (the rules are `request.*` in the access kernel). */
const readers = {
  ja: '申請を閲覧できるのは、申請者・作成者、経路の決裁者、上位の情報セキュリティ責任者、統括情報セキュリティ責任者・最高情報統括責任者と監査を行う者です。',
  en: 'A request is read by its applicant or preparer, the approvers on its route, the Security Officers above, the security office and auditors.',
};

const abilities = (
  actor: Actor,
  me: string,
  r: ApprovalRequestTable,
  steps: readonly ApprovalStepTable[],
) => {
  const party = r.applicant_staff_id === me || r.preparer_staff_id === me;
  const current = steps.find((s) => s.idx === r.current_step && s.status === 'pending');
  const seated = current !== undefined && seatOf(actor, current) !== null;
  return {
    decide: seated && !party && r.status === 'submitted',
    acknowledge: seated && !party && r.status === 'reported',
    withdraw: party && (r.status === 'draft' || r.status === 'submitted'),
    submit: party && r.status === 'draft',
    report: party && r.status === 'carriedOut',
    separationConflict: seated && party,
  };
};

/** One request: its form, its route with every decision (代決 included), its history from the ledger. */
export const getRequest = recordingDenials(
  defineQuery({
    name: 'approvals.getRequest',
    input: z.strictObject({ id: z.string().min(1).max(64) }),
    authorize: (ctx) => {
      requireStaff(ctx.actor);
    },
    execute: async (ctx, input): Promise<ApprovalRequestView> => {
      const db = ctx.database.db;
      const me = requireStaff(ctx.actor);
      const r = await findRequest(db, input.id);
      if (r === undefined) throw notFound();
      const steps = await stepsOf(db, r.id);
      const asOf = calendarDate(ctx.clock.now(), ctx.timeZone);
      requireOnRequest(
        ctx.actor,
        'request.read',
        await requestResource(directoryOf(ctx), db, asOf, r, steps),
        readers,
      );
      const def = requestTypes.require(r.type_id);
      const history = await entriesForSubject(db, subjectOf(r.id));
      return {
        ...summaryView(r),
        mode: r.mode === 'postFacto' ? 'postFacto' : 'prior',
        applicant: {
          id: r.applicant_staff_id,
          name: r.applicant_name,
          unit: { ja: r.applicant_unit_name_ja, en: r.applicant_unit_name_en },
        },
        preparer:
          r.preparer_staff_id === null ? null : { id: r.preparer_staff_id, name: r.preparer_name ?? '' },
        resourceUnitId: r.resource_unit_id,
        resourceRef: r.resource_ref,
        classification: r.classification,
        form: JSON.parse(r.form_json) as FormValues,
        type: typeView(def),
        steps: steps.map(stepView),
        history: history.map((e) => ({
          index: e.index,
          time: e.time,
          kind: e.kind,
          actor: e.actor,
          actorName: null,
          payload: e.payload,
        })),
        expiresAt: r.expires_at,
        carriedOutAt: r.carried_out_at,
        reportDueAt: r.report_due_at,
        reportedAt: r.reported_at,
        closedReason: r.closed_reason,
        can: abilities(ctx.actor, me, r, steps),
      };
    },
  }),
);
