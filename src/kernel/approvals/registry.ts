import type { Role } from '../access/index.js';
import { AppError, issuesFromZod, validationError, type FieldIssue } from '../errors/index.js';
import { loadPolicyPack, type PolicyPack } from '../policy-pack/index.js';
import {
  requestTypeDefinitionSchema,
  type ApproverRef,
  type RequestTypeDefinition,
  type RouteCondition,
  type RouteStep,
} from './request-type.js';

/**
 * The request types Mamori knows, by id: the policy pack's (`requests.yaml`, checked by the pack's loader), and
 * any more a caller registers from data through `register`, which checks each definition like any other input.
 */
export class RequestTypeRegistry {
  readonly #types = new Map<string, RequestTypeDefinition>();
  /** Where the types come from, read on first use (so importing the engine reads no file). */
  #source: (() => readonly unknown[]) | null;

  constructor(source: (() => readonly unknown[]) | null = null) {
    this.#source = source;
  }

  #ready(): Map<string, RequestTypeDefinition> {
    const source = this.#source;
    if (source !== null) {
      this.#source = null;
      this.register(source());
    }
    return this.#types;
  }

  /** Adds or replaces types from data; throws a validation error naming `types[i].field` and changes nothing. */
  register(data: readonly unknown[]): void {
    this.#ready();
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

  /** From now on, exactly the types of this pack (start-up: the pack `mamori serve` has just loaded and checked). */
  usePack(pack: PolicyPack): void {
    this.#source = null;
    this.#types.clear();
    this.register(pack.requestDefinitions);
  }

  get(id: string): RequestTypeDefinition | undefined {
    return this.#ready().get(id);
  }

  /** The type, or a validation error on `typeId`. */
  require(id: string): RequestTypeDefinition {
    const def = this.#ready().get(id);
    if (def === undefined) {
      const message = { ja: `申請の種類 ${id} はありません。`, en: `There is no request type ${id}.` };
      throw new AppError('validation', message, { issues: [{ field: 'typeId', message }] });
    }
    return def;
  }

  list(): RequestTypeDefinition[] {
    return [...this.#ready().values()];
  }
}

/**
 * A request type as a clause of a pack declares it in the standard's terms (`clauses[].requests[]`): names, mode and
 * route, no form. Mamori's own pack defines the types it runs in full (`requests.yaml`); a pack that only declares
 * routes can still move the routes of types defined elsewhere with `applyPackRoutes`.
 */
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

let shippedDefinitions: readonly RequestTypeDefinition[] | undefined;
/** The shipped pack's definitions, read once (a broken pack throws its `configuration` error, naming each issue). */
const shipped = (): readonly RequestTypeDefinition[] =>
  (shippedDefinitions ??= loadPolicyPack().requestDefinitions);

/** A registry holding the request types of a pack (the shipped Kawaguchi pack by default). */
export const createRequestTypeRegistry = (pack?: PolicyPack): RequestTypeRegistry => {
  const registry = new RequestTypeRegistry();
  registry.register(pack === undefined ? shipped() : pack.requestDefinitions);
  return registry;
};

/** The registry the server and CLI use: the shipped pack's types, read on first use; `serve` sets its pack. */
export const requestTypes: RequestTypeRegistry = new RequestTypeRegistry(shipped);
