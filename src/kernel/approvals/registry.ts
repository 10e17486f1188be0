import type { Role } from '../access/index.js';
import { AppError, issuesFromZod, validationError, type FieldIssue } from '../errors/index.js';
import { builtinRequestTypes } from './builtin-request-types.js';
import {
  requestTypeDefinitionSchema,
  type ApproverRef,
  type RequestTypeDefinition,
  type RouteCondition,
  type RouteStep,
} from './request-type.js';

/**
 * The request types Mamori knows, by id. Built-in definitions are registered at start; a policy pack or a JSON
 * file adds or replaces types through `register`, which checks each definition like any other input.
 */
export class RequestTypeRegistry {
  readonly #types = new Map<string, RequestTypeDefinition>();

  /** Adds or replaces types from data; throws a validation error naming `types[i].field` and changes nothing. */
  register(data: readonly unknown[]): void {
    const issues: FieldIssue[] = [];
    const parsed: RequestTypeDefinition[] = [];
    data.forEach((raw, i) => {
      const result = requestTypeDefinitionSchema.safeParse(raw);
      if (result.success) parsed.push(result.data);
      else issues.push(...issuesFromZod(result.error, { prefix: `types[${String(i)}]` }));
    });
    if (issues.length > 0) throw validationError(issues, 'invalid request type definitions');
    for (const def of parsed) this.#types.set(def.id, def);
  }

  get(id: string): RequestTypeDefinition | undefined {
    return this.#types.get(id);
  }

  /** The type, or a validation error on `typeId`. */
  require(id: string): RequestTypeDefinition {
    const def = this.#types.get(id);
    if (def === undefined) {
      const message = { ja: `申請の種類 ${id} はありません。`, en: `There is no request type ${id}.` };
      throw new AppError('validation', message, { issues: [{ field: 'typeId', message }] });
    }
    return def;
  }

  list(): RequestTypeDefinition[] {
    return [...this.#types.values()];
  }
}

/** A request type as the policy pack declares it (`clauses[].requests[]`): the route is all a pack changes. */
export interface PackRequestType {
  readonly id: string;
  readonly mode: 'prior' | 'postFacto';
  readonly route: readonly {
    readonly approvers: readonly { readonly role: string; readonly scope: string }[];
  }[];
  readonly classificationAtMost?: number | undefined;
}

const approverFromPack = (role: Role, scope: string): ApproverRef => {
  switch (scope) {
    case 'requesterUnit':
      return { kind: 'relative', role, base: 'applicantUnit' };
    case 'ownerUnit':
      return { kind: 'relative', role, base: 'resourceUnit' };
    default:
      return { kind: 'fixed', role };
  }
};

/**
 * Takes the routes of the policy pack's request types for the types this registry knows (forms stay with the
 * definition). A pack step lists alternative approvers; the engine decides each step by one approver, so the
 * first listed is the step's approver. Returns the ids of pack types with no definition here.
 */
export const applyPackRoutes = (
  registry: RequestTypeRegistry,
  packTypes: readonly PackRequestType[],
): string[] => {
  const unknown: string[] = [];
  const updated: RequestTypeDefinition[] = [];
  for (const pack of packTypes) {
    const def = registry.get(pack.id);
    if (def === undefined) {
      unknown.push(pack.id);
      continue;
    }
    const route = pack.route.flatMap((step): RouteStep[] => {
      const first = step.approvers[0];
      return first === undefined ? [] : [{ approver: approverFromPack(first.role as Role, first.scope) }];
    });
    const level = pack.classificationAtMost;
    const appliesWhen: readonly RouteCondition[] | undefined =
      level === 1 || level === 2 || level === 3 || level === 4
        ? [{ kind: 'classificationAtMost', level }]
        : def.appliesWhen;
    updated.push({
      ...def,
      mode: pack.mode,
      route,
      ...(appliesWhen === undefined ? {} : { appliesWhen }),
      asksOwnerUnit:
        def.asksOwnerUnit ||
        route.some((s) => s.approver.kind === 'relative' && s.approver.base === 'resourceUnit'),
    });
  }
  registry.register(updated);
  return unknown;
};

/** A registry holding the built-in types of the Kawaguchi standard. */
export const createRequestTypeRegistry = (): RequestTypeRegistry => {
  const registry = new RequestTypeRegistry();
  registry.register(builtinRequestTypes);
  return registry;
};

/** The registry the server and CLI use. */
export const requestTypes: RequestTypeRegistry = createRequestTypeRegistry();
