import { requirePermission, type Actor, type Permission } from '../access/index.js';
import { directoryOf } from '../approvals/directory.js';
import type { Db } from '../db/index.js';
import { calendarDate } from '../time/index.js';
import type { UseCaseContext } from './context.js';

/** Today's date in the hospital's time zone: the date terms, assignments and due dates are judged on. */
export const today = (ctx: Pick<UseCaseContext, 'clock' | 'timeZone'>): string =>
  calendarDate(ctx.clock.now(), ctx.timeZone);

/** A use case's `authorize` that asks for one permission. */
export const allow =
  (permission: Permission) =>
  (ctx: UseCaseContext): void =>
    requirePermission(ctx.actor, permission);

/** The CISO and the Security Director act on every unit's records (第3 1, 2). */
export const isSecurityOffice = (actor: Actor): boolean =>
  actor.grants.some((g) => g.role === 'ciso' || g.role === 'securityDirector');

/** Unit paths (the unit first, then its parents) for several units, each read once. */
export const unitPathsOf = async (
  ctx: UseCaseContext,
  db: Db,
  unitIds: Iterable<string>,
): Promise<Map<string, string[]>> => {
  const directory = directoryOf(ctx);
  const asOf = today(ctx);
  const paths = new Map<string, string[]>();
  for (const id of new Set(unitIds))
    paths.set(
      id,
      (await directory.unitPath(db, id, asOf)).map((u) => u.id),
    );
  return paths;
};

export const unitPathOf = async (ctx: UseCaseContext, db: Db, unitId: string): Promise<string[]> =>
  (await unitPathsOf(ctx, db, [unitId])).get(unitId) ?? [];
