import { z } from 'zod';
import type { ApprovalRequestView } from '../../shared/api-types.js';
import type { Actor } from '../access/index.js';
import type { ApprovalRequestTable, ApprovalStepTable, Db } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { entriesForSubject } from '../ledger/index.js';
import { calendarDate } from '../time/index.js';
import { defineQuery, type UseCaseContext } from '../usecase/index.js';
import { subjectOf } from './advance.js';
import { findRequest, stepsOf } from './approvals.repository.js';
import { directoryOf } from './directory.js';
import type { FormValues } from './form-schema.js';
import { notFound, requireStaff, seatOf } from './helpers.js';
import { requestTypes } from './registry.js';
import { stepView, summaryView, typeView } from './views.js';

const overseers = new Set(['ciso', 'securityDirector', 'auditLead', 'auditor']);

/**
 * Who may read a request: the applicant and preparer, its approvers (the seats of its steps and escalations,
 * whoever decided), the CISO, the Director and auditors, and the Security Officers above the applicant's unit.
 */
const mayRead = async (
  ctx: UseCaseContext,
  db: Db,
  me: string,
  r: ApprovalRequestTable,
  steps: readonly ApprovalStepTable[],
): Promise<boolean> => {
  const actor = ctx.actor;
  if (r.applicant_staff_id === me || r.preparer_staff_id === me) return true;
  if (steps.some((s) => s.decided_by_staff_id === me || seatOf(actor, s) !== null)) return true;
  if (actor.grants.some((g) => overseers.has(g.role))) return true;
  const officerUnits = actor.grants.filter((g) => g.role === 'securityOfficer').map((g) => g.unitId);
  if (officerUnits.length === 0) return false;
  const path = await directoryOf(ctx).unitPath(
    db,
    r.applicant_unit_id,
    calendarDate(ctx.clock.now(), ctx.timeZone),
  );
  return path.some((u) => officerUnits.includes(u.id));
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
export const getRequest = defineQuery({
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
    if (!(await mayRead(ctx, db, me, r, steps))) {
      throw new AppError('forbidden', {
        ja: 'この申請を閲覧する権限がありません。',
        en: 'You may not read this request.',
      });
    }
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
});
