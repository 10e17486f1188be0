import { AppError, type Bilingual } from '../errors/index.js';
import type { Actor } from './actor.js';
import { compileAccessRules } from './engine.js';
import { actionResourceTypes, hospitalRules, type Action } from './hospital-rules.js';
import { cachedPrincipalOf } from './principal.js';
import { hospitalResource, type Decision, type Resource, type Rule } from './rules.js';

/** The engine over the hospital's rules, compiled once at start. */
export const accessEngine = compileAccessRules<Action>(hospitalRules(), actionResourceTypes);

const ruleById = new Map(accessEngine.rules.map((rule) => [rule.id, rule]));

/** Decides whether an actor may perform an action on a resource (the hospital as a whole when none is given). */
export const decide = (actor: Actor, action: Action, resource: Resource = hospitalResource): Decision =>
  accessEngine.decide(cachedPrincipalOf(actor), action, resource);

export const can = (actor: Actor, action: Action, resource: Resource = hospitalResource): boolean =>
  accessEngine.decide(cachedPrincipalOf(actor), action, resource).allowed;

const notAllowed: Bilingual = {
  ja: 'この操作を行う権限がありません。',
  en: 'You are not allowed to do this.',
};

/** A refusal by the engine: carries the decision so the caller can record a sensitive denial (`recordDenial`). */
export class AccessDenied extends AppError {
  readonly action: Action;
  readonly resource: Resource;
  readonly decision: Decision;

  /** `explanation` says, when no forbid rule does, what the person would need (e.g. whose step it is). */
  constructor(actor: Actor, action: Action, resource: Resource, decision: Decision, explanation?: Bilingual) {
    const forbid =
      decision.ruleIds.length > 0 && !decision.allowed ? ruleById.get(decision.ruleIds[0] ?? '') : undefined;
    const because = forbid?.effect === 'forbid' ? forbid.description : (explanation ?? null);
    super(
      'forbidden',
      because === null
        ? notAllowed
        : { ja: `${notAllowed.ja}${because.ja}`, en: `${notAllowed.en} ${because.en}` },
      {
        internal: `${actor.loginId} may not ${action} ${resource.type}:${resource.id} (${decision.ruleIds.join(', ') || 'no permit'})`,
      },
    );
    this.action = action;
    this.resource = resource;
    this.decision = decision;
  }
}

/** Throws `unauthenticated` for no session and `forbidden` (an `AccessDenied`) when the engine says no. */
export const requirePermission = (
  actor: Actor,
  action: Action,
  resource: Resource = hospitalResource,
): void => {
  if (actor.kind === 'anonymous') {
    throw new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });
  }
  const decision = decide(actor, action, resource);
  if (!decision.allowed) throw new AccessDenied(actor, action, resource, decision);
};

/** The rule behind an id, for screens that explain a decision. */
export const accessRule = (id: string): Rule<Action> | undefined => ruleById.get(id);
