import {
  AppError,
  requirePermission,
  type Actor,
  type UseCaseContext,
  allow,
  isSecurityOffice,
  today,
  unitPathOf,
  unitPathsOf,
} from '../../kernel/index.js';

// Shared by every module's use cases (kernel); the module's own use cases import them from here.
export { allow, isSecurityOffice, today, unitPathOf, unitPathsOf };

/**
 * Who may see and keep which device. A device is kept by the Security Manager of the section it belongs to (所管,
 * 第5 1(2), (4)–(6)) with the section's Security Staff, the Officer above, and the security office (the CISO, the
 * Security Director: 1(1) is the Director's); it is seen by the unit's people and by whoever holds a role for it or
 * a unit above it, or a hospital-wide role. The system itself (imports, the demo seed) acts on every unit.
 */

const isSystem = (actor: Actor): boolean => actor.kind === 'system';

export const canSeeDevices = (actor: Actor, unitPath: readonly string[]): boolean =>
  isSystem(actor) ||
  (unitPath.length > 0 && actor.unitId === unitPath[0]) ||
  actor.grants.some((g) => g.unitId === null || unitPath.includes(g.unitId));

/** Whether the actor keeps the devices of a unit (its Managers and Staff, the Officer above, the security office). */
export const mayKeepDevices = (actor: Actor, unitPath: readonly string[]): boolean => {
  if (isSystem(actor) || isSecurityOffice(actor)) return true;
  const [own] = unitPath;
  return actor.grants.some(
    (g) =>
      ((g.role === 'securityManager' || g.role === 'securityStaff') && g.unitId === own) ||
      (g.role === 'securityOfficer' && g.unitId !== null && unitPath.includes(g.unitId)),
  );
};

export const requireKeepDevices = (actor: Actor, unitPath: readonly string[], field: string): void => {
  requirePermission(actor, 'facilities.manage');
  if (unitPath.length === 0) throw fieldError(field, '部署が見つかりません。', 'The unit was not found.');
  if (!mayKeepDevices(actor, unitPath)) {
    const message = {
      ja: 'この部署の機器は管理できません（所管する部署に限ります）。',
      en: 'You keep the devices of your own units only.',
    };
    throw new AppError('forbidden', message, { issues: [{ field, message }] });
  }
};

/** A validation error on one field, in both languages. */
export const fieldError = (field: string, ja: string, en: string): AppError => {
  const message = { ja, en };
  return new AppError('validation', message, { issues: [{ field, message }] });
};

export const deviceNotFound = (): AppError =>
  new AppError('notFound', { ja: '機器が見つかりません。', en: 'The device was not found.' });

/** A date not later than today (Japan time). */
export const requireNotFuture = (ctx: UseCaseContext, date: string, field: string): void => {
  if (date > today(ctx))
    throw fieldError(field, '未来の日付は記録できません。', 'A date in the future cannot be recorded.');
};

export const deviceSubject = (id: string): string => `device:${id}`;
