import { calendarDate, requirePermission, type Permission, type UseCaseContext } from '../../kernel/index.js';

/** Today's date in the hospital's time zone: the date terms and assignments are judged on. */
export const today = (ctx: UseCaseContext): string => calendarDate(ctx.clock.now(), ctx.timeZone);

export const allow =
  (permission: Permission) =>
  (ctx: UseCaseContext): void =>
    requirePermission(ctx.actor, permission);
