import { AppError } from '../errors/index.js';
import type { LedgerDraft } from '../ledger/index.js';
import type { Actor } from './actor.js';
import { accessRule, AccessDenied, decide, requirePermission } from './authorize.js';
import type { Action } from './hospital-rules.js';
import type { Resource } from './rules.js';

/** The shortest written reason accepted for an override (characters, after trimming). */
export const MIN_OVERRIDE_REASON = 10;

/** "やむを得ない場合": the person states why they must act on both sides of a duty. */
export interface OverrideRequest {
  readonly reason: string;
}

/** An override that happened: the caller adds `ledger` to its entries and tells the CISO. */
export interface SeparationOverride {
  readonly action: Action;
  readonly ruleIds: readonly string[];
  readonly clauses: readonly string[];
  readonly reason: string;
  /** Who must be told (第3 7 with 第3 1): the CISO. */
  readonly notify: 'ciso';
  readonly ledger: LedgerDraft;
}

/**
 * Authorizes a duty kept apart by 第3 7 (approve, audit, verify) inside the caller's transaction. Allowed: returns
 * null. Refused only by separation-of-duties rules while a permit holds, with a written reason: returns the
 * override, whose ledger entry the use case appends with its own and whose `notify` it passes on. Anything else
 * throws: `forbidden` (with the rule's reason), or `validation` when the reason is missing or too short.
 */
export const authorizeDuty = (
  actor: Actor,
  action: Action,
  resource: Resource,
  override?: OverrideRequest,
): SeparationOverride | null => {
  const decision = decide(actor, action, resource);
  if (decision.allowed) return null;
  if (!decision.overridable || override === undefined) {
    requirePermission(actor, action, resource);
    throw new AccessDenied(actor, action, resource, decision);
  }
  const reason = override.reason.trim();
  if (Array.from(new Intl.Segmenter('ja').segment(reason)).length < MIN_OVERRIDE_REASON) {
    const message = {
      ja: `やむを得ない理由を${String(MIN_OVERRIDE_REASON)}文字以上で記入してください。`,
      en: `Write the reason this cannot be avoided (at least ${String(MIN_OVERRIDE_REASON)} characters).`,
    };
    throw new AppError('validation', message, { issues: [{ field: 'overrideReason', message }] });
  }
  const clauses = [
    ...new Set(decision.ruleIds.map((id) => accessRule(id)?.clause).filter((c) => c !== undefined)),
  ];
  return {
    action,
    ruleIds: decision.ruleIds,
    clauses,
    reason,
    notify: 'ciso',
    ledger: {
      kind: 'access.separationOverridden',
      subject: `${resource.type}:${resource.id}`,
      payload: { action, ruleIds: [...decision.ruleIds], clauses, reason, notify: 'ciso' },
    },
  };
};
