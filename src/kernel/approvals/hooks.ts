import type { ApprovalRequestTable, Tx } from '../db/index.js';
import { AppError } from '../errors/index.js';
import type { LedgerDraft } from '../ledger/index.js';
import type { Actor } from '../access/index.js';
import type { OrgDirectory } from './directory.js';
import type { FormValues } from './form-schema.js';

/** A request as submitted, before its route is fixed. */
export interface SubmittedDraft {
  readonly typeId: string;
  /** The whole form, already checked against the type's form schema. */
  readonly form: FormValues;
  /** The record the request is about (`asset:…`), when given. */
  readonly resourceRef: string | null;
  readonly resourceUnitId: string | null;
  readonly applicantStaffId: string;
  readonly applicantUnitId: string;
}

/** What a module settles in a request it checked: the form (values taken from its record) and the owning unit. */
export interface PreparedDraft {
  readonly form: FormValues;
  readonly resourceUnitId: string | null;
}

/**
 * A module's part in the requests about its records: the port a module implements (as the org module implements
 * the OrgDirectory) and the composition root hands to the engine in `AppContext.approvalHooks`.
 * - `beforeRoute`: at submission, before the approver is chosen, check the request against the record it names
 *   and complete it (the record's classification and owning unit, so the route follows the record, not what the
 *   applicant typed). Throw an `AppError` naming `form.<field>` to refuse: nothing is written.
 * - `onApproved`: when the last step approves it, in the same transaction, record what the permission allows
 *   (e.g. the handling it permits); the entries join the approval's own.
 */
export interface RequestTypeHooks {
  readonly beforeRoute?: (env: Env, draft: SubmittedDraft) => Promise<PreparedDraft>;
  readonly onApproved?: (env: Env, request: ApprovalRequestTable) => Promise<readonly LedgerDraft[]>;
}

/** Hooks by request type id. */
export type ApprovalHooks = Readonly<Record<string, RequestTypeHooks>>;

/** Several modules' hooks as one; a type hooked by two modules is a configuration error at start-up. */
export const mergeApprovalHooks = (...sets: readonly ApprovalHooks[]): ApprovalHooks => {
  const merged: Record<string, RequestTypeHooks> = {};
  for (const set of sets) {
    for (const [typeId, hooks] of Object.entries(set)) {
      if (Object.hasOwn(merged, typeId)) {
        throw new AppError('configuration', {
          ja: `申請の種類 ${typeId} に処理が二重に登録されています。`,
          en: `Request type ${typeId} is hooked twice.`,
        });
      }
      merged[typeId] = hooks;
    }
  }
  return merged;
};

/** The environment of one change to a request: its transaction, the org directory, the date and who acts. */
export interface Env {
  readonly tx: Tx;
  readonly directory: OrgDirectory;
  /** The hospital's calendar date (roles are held on dates). */
  readonly asOf: string;
  /** The instant of the change (ISO UTC). */
  readonly now: string;
  /** Who acts: the applicant or preparer submitting, the approver deciding, the scheduler. */
  readonly actor: Actor;
  /** What modules do when requests about their records are routed and approved. */
  readonly hooks: ApprovalHooks;
}
