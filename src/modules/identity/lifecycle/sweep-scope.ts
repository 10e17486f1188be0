import type { Actor } from '../../../kernel/index.js';

/**
 * Whose sweep items an actor sees and decides: the whole hospital for the Security Director (and the system and
 * Mamori's operator); for a Security Manager, the IDs of the units they hold that role for (by assignment,
 * delegation or acting).
 */
export const sweepUnitsOf = (actor: Actor): 'all' | ReadonlySet<string> => {
  if (
    actor.kind === 'system' ||
    actor.systemRole === 'administrator' ||
    actor.grants.some((g) => g.role === 'securityDirector')
  )
    return 'all';
  return new Set(
    actor.grants.filter((g) => g.role === 'securityManager' && g.unitId !== null).map((g) => g.unitId ?? ''),
  );
};

export const inSweepScope = (scope: 'all' | ReadonlySet<string>, unitId: string | null): boolean =>
  scope === 'all' || (unitId !== null && scope.has(unitId));
