import { calendarDate, requirePermission, type Permission, type UseCaseContext } from '../../kernel/index.js';

/** Today's date in the hospital's time zone. */
export const today = (ctx: Pick<UseCaseContext, 'clock' | 'timeZone'>): string =>
  calendarDate(ctx.clock.now(), ctx.timeZone);

export const allow =
  (permission: Permission) =>
  (ctx: UseCaseContext): void =>
    requirePermission(ctx.actor, permission);
