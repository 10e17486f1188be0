import type { Bilingual } from '../errors/index.js';
import type { Role } from './roles.js';

/**
 * The authorization model (第7 1(1), 第7 2(1)), with Cedar's semantics: rules are typed data, a request is denied
 * unless a `permit` rule holds, a `forbid` rule that holds always wins, and every decision names the rules that
 * made it. `src/kernel/access/cedar.ts` writes the same rules as Cedar policies; the differential test checks that
 * `@cedar-policy/cedar-wasm` decides exactly as this engine does.
 */

/**
 * What a rule can be about. `hospital` is the whole hospital: actions that concern no single record. `compartment`
 * is a named group inside a section (7-1(1)イ): its unit path is the section's.
 */
export const resourceTypes = [
  'hospital',
  'informationAsset',
  'request',
  'audit',
  'change',
  'compartment',
] as const;
export type ResourceType = (typeof resourceTypes)[number];

/** 重要性分類 I–IV: lower is more sensitive ("II以上" means 1 or 2). */
export type Classification = 1 | 2 | 3 | 4;

/**
 * The thing acted on. Records hand the engine what it needs: where they belong and who is involved. The unit
 * path lists the owning unit first, then its parents up to the top (empty for hospital-wide things), so a unit
 * scope is a lookup along the path and the engine needs no copy of the units tree.
 */
export interface Resource {
  readonly type: ResourceType;
  readonly id: string;
  readonly unitPath: readonly string[];
  readonly classification?: Classification | null;
  /** A named group inside a section whose information only its members may handle (7-1(1)イ). */
  readonly compartment?: string | null;
  /** The staff member (or account) who owns the record. */
  readonly ownerId?: string | null;
  /** Separation of duties (第3 7): the person who applied for a request, and who prepared it for them. */
  readonly applicantId?: string | null;
  readonly preparerId?: string | null;
  /** The person who made a change that someone else must verify (7-1(4)ウ). */
  readonly changerId?: string | null;
  /** The units under audit: the audited unit and, for a bureau, the units below it (第3 7(2), 第9 1(2)). */
  readonly auditedUnitIds?: readonly string[];
  /**
   * The approver seats of a request (`seatKey`: a role for a unit, or a hospital-wide role): to decide, the seat of
   * the step being decided and its escalation; to read, every step's.
   */
  readonly seats?: readonly string[];
  /** The people who decided a step of a request: they keep reading it after their term ends. */
  readonly deciderIds?: readonly string[];
}

/** A seat as rules and principals name it: `securityManager@<unit id>`, or `ciso` for a hospital-wide role. */
export const seatKey = (role: string, unitId: string | null): string =>
  unitId === null ? role : `${role}@${unitId}`;

/** The whole hospital as a resource: the target of actions that concern no single record. */
export const hospitalResource: Resource = { type: 'hospital', id: 'hospital', unitPath: [] };

/**
 * Where a role held for a unit applies: anywhere (the role alone is enough), exactly the resource's owning unit
 * (a Security Manager over their section), or the unit and everything below it (a Security Officer over the
 * bureau's subtree). Hospital-wide grants (CISO, Director…) have no unit and match `anywhere` only.
 */
export type RoleScope = 'anywhere' | 'unit' | 'subtree';

/** The duties that 第3 7 keeps apart. */
export type Duty = 'approve' | 'audit' | 'verify';

/** A condition on the principal and the resource. A rule's `when` list must all hold; its `unless` list none. */
export type Condition =
  | { readonly kind: 'signedIn' }
  | { readonly kind: 'administrator' }
  | { readonly kind: 'contractor' }
  | { readonly kind: 'role'; readonly roles: readonly Role[]; readonly scope: RoleScope }
  /** The principal's own unit is the resource's owning unit. */
  | { readonly kind: 'memberOfUnit' }
  | { readonly kind: 'owner' }
  /** The resource lies in a compartment. */
  | { readonly kind: 'inCompartment' }
  /** The principal is a member of the resource's compartment. */
  | { readonly kind: 'compartmentMember' }
  /** The resource's classification is at least (less sensitive than or equal to) this level. */
  | { readonly kind: 'classificationAtLeast'; readonly level: Classification }
  /** The resource's classification is at most (as or more sensitive than) this level. */
  | { readonly kind: 'classificationAtMost'; readonly level: Classification }
  /** Doing this duty on this record would put the principal on both sides of it (第3 7). */
  | { readonly kind: 'conflictOfDuty'; readonly duty: Duty }
  /** The principal applied for the record or prepared it (a request's applicant or preparer). */
  | { readonly kind: 'party' }
  /** The principal holds one of the record's seats (the role for the seat's unit, or the hospital-wide role). */
  | { readonly kind: 'seated' }
  /** The principal decided a step of the record. */
  | { readonly kind: 'decider' }
  | { readonly kind: 'anyOf'; readonly conditions: readonly Condition[] };

export interface Rule<A extends string = string> {
  /** Stable and unique: decisions, ledger entries and the Cedar policies name it. */
  readonly id: string;
  readonly effect: 'permit' | 'forbid';
  /** The actions the rule is about; `'*'` for all. */
  readonly actions: readonly A[] | '*';
  /** The resource types it is about; omitted for all. */
  readonly resourceTypes?: readonly ResourceType[];
  readonly when: readonly Condition[];
  readonly unless?: readonly Condition[];
  /** A denial by this forbid rule is sensitive: the decision says `report` so the caller writes a ledger entry. */
  readonly reportDenial?: boolean;
  /** "やむを得ない場合を除き": a denial by this rule alone may be overridden with a written reason (第3 7). */
  readonly overridable?: boolean;
  /** The clause of the standard the rule serves, keyed as in the glossary (e.g. `7.1.1.b`). */
  readonly clause?: string;
  readonly description: Bilingual;
}

/** The answer: allowed or not, and the ids of the rules that made it (none for a default deny). */
export interface Decision {
  readonly allowed: boolean;
  /** Forbid rules that held (if any did); otherwise the permit rules that held. Empty: nothing permitted it. */
  readonly ruleIds: readonly string[];
  /** A forbid rule marked `reportDenial` held: a sensitive denial (see `recordDenial`). */
  readonly report: boolean;
  /** Every forbid that held is overridable (separation of duties) and some permit held: see `overrideSeparationOfDuties`. */
  readonly overridable: boolean;
}
