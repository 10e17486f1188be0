import type { RoleGrant, SystemRole } from './roles.js';

/** Who is acting. Every use case receives one; every ledger entry names it. */
export interface Actor {
  readonly kind: 'anonymous' | 'account' | 'system';
  readonly accountId: string | null;
  readonly staffId: string | null;
  readonly unitId: string | null;
  readonly loginId: string;
  readonly systemRole: SystemRole | null;
  readonly category: 'employee' | 'contractor' | null;
  readonly grants: readonly RoleGrant[];
  /** Compartments (7-1(1)イ) the person is a member of: named groups inside a section, by id. */
  readonly compartments?: readonly string[];
}

export const anonymousActor: Actor = {
  kind: 'anonymous',
  accountId: null,
  staffId: null,
  unitId: null,
  loginId: 'anonymous',
  systemRole: null,
  category: null,
  grants: [],
};

/** The system itself (first start, scheduled jobs, CLI run by the operator on the server). */
export const systemActor = (purpose: string): Actor => ({
  kind: 'system',
  accountId: null,
  staffId: null,
  unitId: null,
  loginId: `system:${purpose}`,
  systemRole: 'administrator',
  category: null,
  grants: [],
});

/** How an actor is named in the ledger. */
export const actorRef = (actor: Actor): string => {
  switch (actor.kind) {
    case 'account':
      return `account:${actor.accountId ?? 'unknown'}`;
    case 'system':
      return actor.loginId;
    case 'anonymous':
      return 'anonymous';
  }
};
