import type { DatabaseHandle } from '../db/index.js';
import type { JsonValue } from '../ledger/index.js';
import { appendEntries } from '../ledger/index.js';
import type { Clock } from '../time/index.js';
import { actorRef, type Actor } from './actor.js';
import type { AccessDenied } from './authorize.js';
import { reportedActions } from './hospital-rules.js';

/**
 * Sensitive denials are ledger entries (`access.denied`). A refusal is sensitive when it says something an auditor
 * must be able to find afterwards: who reached for information or a power that is not theirs. Ordinary refusals
 * (no session, a screen someone's role does not open, their own unit's class III/IV records) are not recorded.
 */
export type DenialReason =
  /** A forbid rule marked `reportDenial` held: separation of duties, a compartment, class I to a contractor… */
  | 'rule'
  /** A privileged action (`reportedActions`): running Mamori, IDs, the organisation, the ledger, compliance… */
  | 'privilegedAction'
  /** A record of classification I or II (第4 1). */
  | 'classification'
  /** A record in a compartment (7-1(1)イ). */
  | 'compartment'
  /** A record of another unit than the person's own (7-1(1)ア). */
  | 'otherUnit';

/** Why a denial is sensitive; none when it is not. */
export const denialReasons = (actor: Actor, denied: AccessDenied): DenialReason[] => {
  const { resource } = denied;
  const reasons: DenialReason[] = [];
  if (denied.decision.report) reasons.push('rule');
  if (reportedActions.has(denied.action)) reasons.push('privilegedAction');
  if (resource.classification === 1 || resource.classification === 2) reasons.push('classification');
  if (resource.compartment !== undefined && resource.compartment !== null) reasons.push('compartment');
  const [owning] = resource.unitPath;
  if (owning !== undefined && owning !== actor.unitId) reasons.push('otherUnit');
  return reasons;
};

/**
 * A flood of refusals (a script probing ids, a page retried in a loop) must not become a flood of durable writes:
 * per database (and process), at most one entry per actor, action and resource a minute — the next one says how
 * many identical refusals it stands for — and at most this many entries a minute in all; refusals beyond it are
 * counted and the next entry written says how many went unrecorded. The state is a few hundred keys at most.
 */
export const DENIAL_ENTRIES_PER_MINUTE = 120;
const WINDOW_MS = 60_000;

interface Throttle {
  windowStart: number;
  written: number;
  unrecorded: number;
  readonly last: Map<string, { at: number; repeated: number }>;
}

const throttles = new WeakMap<DatabaseHandle, Throttle>();
/** A refusal seen once is not counted again when it passes a second catcher (a use case, then the HTTP handler). */
const seen = new WeakSet<AccessDenied>();

const throttleOf = (database: DatabaseHandle): Throttle => {
  let throttle = throttles.get(database);
  if (throttle === undefined) {
    throttle = { windowStart: Number.NEGATIVE_INFINITY, written: 0, unrecorded: 0, last: new Map() };
    throttles.set(database, throttle);
  }
  return throttle;
};

/** Decides, synchronously (so concurrent refusals cannot all pass), whether this one is written and with what counts. */
const admit = (
  throttle: Throttle,
  key: string,
  now: number,
): { repeated: number; unrecordedBefore: number } | null => {
  const previous = throttle.last.get(key);
  if (previous !== undefined && now - previous.at < WINDOW_MS) {
    previous.repeated++;
    return null;
  }
  if (now - throttle.windowStart >= WINDOW_MS) {
    throttle.windowStart = now;
    throttle.written = 0;
  }
  if (throttle.written >= DENIAL_ENTRIES_PER_MINUTE) {
    throttle.unrecorded++;
    return null;
  }
  throttle.written++;
  const unrecordedBefore = throttle.unrecorded;
  throttle.unrecorded = 0;
  throttle.last.set(key, { at: now, repeated: 0 });
  if (throttle.last.size > 4 * DENIAL_ENTRIES_PER_MINUTE) {
    for (const [k, v] of throttle.last) if (now - v.at >= WINDOW_MS) throttle.last.delete(k);
  }
  return { repeated: previous?.repeated ?? 0, unrecordedBefore };
};

/**
 * Records a sensitive denial as an `access.denied` entry in its own transaction: the refused use case has rolled
 * back by then, so call it where the refusal is caught, outside the refused transaction (the HTTP error handler,
 * `recordingDenials` around a use case). The entry names the actor, the action, the resource (`type:id`, its unit,
 * class and compartment), the rules that decided and why it is sensitive. Returns whether it wrote.
 */
export const recordDenial = async (
  app: { readonly database: DatabaseHandle; readonly clock: Clock },
  actor: Actor,
  denied: AccessDenied,
): Promise<boolean> => {
  if (seen.has(denied)) return false;
  seen.add(denied);
  const reasons = denialReasons(actor, denied);
  if (reasons.length === 0) return false;
  const { resource } = denied;
  const subject = `${resource.type}:${resource.id}`;
  const now = app.clock.now();
  const counts = admit(
    throttleOf(app.database),
    `${actorRef(actor)}\u0000${denied.action}\u0000${subject}`,
    now.getTime(),
  );
  if (counts === null) return false;
  const payload: Record<string, JsonValue> = {
    action: denied.action,
    ruleIds: [...denied.decision.ruleIds],
    reasons,
    unitId: resource.unitPath[0] ?? null,
  };
  if (resource.classification !== undefined && resource.classification !== null)
    payload['classification'] = resource.classification;
  if (resource.compartment !== undefined && resource.compartment !== null)
    payload['compartment'] = resource.compartment;
  if (counts.repeated > 0) payload['repeated'] = counts.repeated;
  if (counts.unrecordedBefore > 0) payload['unrecordedBefore'] = counts.unrecordedBefore;
  await app.database.db.transaction().execute(async (tx) => {
    await appendEntries(tx, app.database.dialect, { actor: actorRef(actor), time: now.toISOString() }, [
      { kind: 'access.denied', subject, payload },
    ]);
  });
  return true;
};
