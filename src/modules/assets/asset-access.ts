import {
  AccessDenied,
  AppError,
  can,
  formatJapanTime,
  decide,
  directoryOf,
  recordingDenials,
  requirePermission,
  type Actor,
  type Db,
  type Resource,
  type UseCaseContext,
  allow,
  isSecurityOffice,
  today,
  unitPathOf,
  unitPathsOf,
} from '../../kernel/index.js';
import type { AssetRow } from './assets.repository.js';

// Shared by every module's use cases (kernel); the module's own use cases import them from here.
export { allow, isSecurityOffice, today, unitPathOf, unitPathsOf };

/**
 * Who may see and change which information asset. The access kernel decides on the asset as a resource: its
 * owning unit with the units above it, its classification, its compartment and its creator (7-1(1)ア・イ, 第4 1).
 * The system itself (an import run by the operator, the demo seed, scheduled jobs) acts on every unit.
 */

export const isSystem = (actor: Actor): boolean => actor.kind === 'system';

export const assetResource = (
  asset: Pick<AssetRow, 'id' | 'classification' | 'compartment_id' | 'created_by_staff_id'>,
  unitPath: readonly string[],
): Resource => ({
  type: 'informationAsset',
  id: asset.id,
  unitPath,
  classification:
    asset.classification === 1 ||
    asset.classification === 2 ||
    asset.classification === 3 ||
    asset.classification === 4
      ? asset.classification
      : null,
  compartment: asset.compartment_id,
  ownerId: asset.created_by_staff_id,
});

/** Whether the actor may see the asset (class I: the owning section, and inside it the compartment, 7-1(1)). */
export const canReadAsset = (actor: Actor, asset: AssetRow, unitPath: readonly string[]): boolean =>
  isSystem(actor) || can(actor, 'information.read', assetResource(asset, unitPath));

export const notFound = (): AppError =>
  new AppError('notFound', { ja: '情報資産が見つかりません。', en: 'The information asset was not found.' });

/** Throws the access kernel's refusal (with the rule that made it) unless the actor may do this to the asset. */
const require = (
  actor: Actor,
  action: 'information.read' | 'information.update',
  resource: Resource,
): void => {
  if (isSystem(actor)) return;
  const decision = decide(actor, action, resource);
  if (!decision.allowed) throw new AccessDenied(actor, action, resource, decision);
};

export const requireReadAsset = (actor: Actor, asset: AssetRow, unitPath: readonly string[]): void => {
  require(actor, 'information.read', assetResource(asset, unitPath));
};

/** Changing what the register says of an asset: its creator, the unit's Manager, the Officer above. */
export const requireUpdateAsset = (actor: Actor, asset: AssetRow, unitPath: readonly string[]): void => {
  require(actor, 'information.update', assetResource(asset, unitPath));
};

/**
 * What only the responsible Managers decide (4-2(1)ア): a classification, a ruling. The creator alone is not
 * enough, so the decision is asked without the owner.
 */
export const requireManageAsset = (actor: Actor, asset: AssetRow, unitPath: readonly string[]): void => {
  require(actor, 'information.update', { ...assetResource(asset, unitPath), ownerId: null });
};

/**
 * Registering information for a unit: its own staff (whoever creates information classifies it, 4-2(2)イ), the
 * unit's Manager or the Officer above, or the security office.
 */
export const mayActForUnit = (actor: Actor, unitPath: readonly string[]): boolean => {
  if (isSystem(actor) || isSecurityOffice(actor)) return true;
  if (unitPath.length > 0 && actor.unitId === unitPath[0]) return true;
  return can(actor, 'information.update', {
    type: 'informationAsset',
    id: 'new',
    unitPath,
    classification: null,
    ownerId: null,
  });
};

export const requireActForUnit = (actor: Actor, unitPath: readonly string[], field: string): void => {
  if (unitPath.length === 0) {
    const message = { ja: '部署が見つかりません。', en: 'The unit was not found.' };
    throw new AppError('validation', message, { issues: [{ field, message }] });
  }
  if (!mayActForUnit(actor, unitPath)) {
    throw new AppError('forbidden', {
      ja: 'この部署の情報資産は登録・変更できません。所属部署か、管理者・責任者を務める部署のものに限ります。',
      en: "You may register or change only your own unit's assets, or those of units you are Manager or Officer of.",
    });
  }
};

/**
 * Storage places and media are kept by the units' Managers and Staff, the Officers above them and the security
 * office (4-2(5)); the table permission `assets.manage` comes first, then the unit.
 */
export const requireManageUnit = (actor: Actor, unitPath: readonly string[], field: string): void => {
  requirePermission(actor, 'assets.manage');
  if (isSystem(actor) || isSecurityOffice(actor)) return;
  const [own] = unitPath;
  const holds = actor.grants.some(
    (g) =>
      ((g.role === 'securityManager' || g.role === 'securityStaff') && g.unitId === own) ||
      (g.role === 'securityOfficer' && g.unitId !== null && unitPath.includes(g.unitId)),
  );
  if (unitPath.length === 0 || !holds) {
    const message = {
      ja: 'この部署の記録媒体・保管場所は管理できません（所管する部署に限ります）。',
      en: 'You manage the media and places of your own units only.',
    };
    throw new AppError(unitPath.length === 0 ? 'validation' : 'forbidden', message, {
      issues: [{ field, message }],
    });
  }
};

/** Sensitive denials (a compartment's information, class I to a contractor) are ledger entries of their own. */
export { recordingDenials };

/** A person's name as the register prints it (the organisation's record on today's date), or their login. */
export const nameOf = async (ctx: UseCaseContext, db: Db, staffId: string | null): Promise<string | null> => {
  if (staffId === null) return null;
  const people = await directoryOf(ctx).people(db, [staffId], today(ctx));
  return people.get(staffId)?.nameKanji ?? null;
};

/** A validation error on one field, in both languages. */
export const fieldError = (field: string, ja: string, en: string): AppError => {
  const message = { ja, en };
  return new AppError('validation', message, { issues: [{ field, message }] });
};

const recordNames = {
  place: { ja: '保管場所', en: 'storage place' },
  medium: { ja: '記録媒体', en: 'medium' },
  handling: { ja: '取扱いの記録', en: 'handling record' },
  disposal: { ja: '廃棄の記録', en: 'disposal record' },
  publication: { ja: '公表の記録', en: 'publication record' },
} as const;

export const notFoundOf = (kind: keyof typeof recordNames): AppError =>
  new AppError('notFound', {
    ja: `${recordNames[kind].ja}が見つかりません。`,
    en: `The ${recordNames[kind].en} was not found.`,
  });

/**
 * Unit records that are not information themselves (media, storage places, the handling log of unregistered
 * items): the unit's own staff, whoever holds a role for it or a unit above it, and holders of hospital-wide roles
 * (the security office, the committee, auditors).
 */
export const canSeeUnitRecords = (actor: Actor, unitPath: readonly string[]): boolean =>
  isSystem(actor) ||
  (unitPath.length > 0 && actor.unitId === unitPath[0]) ||
  actor.grants.some((g) => g.unitId === null || unitPath.includes(g.unitId));

/**
 * Acting on a permitted handling: the applicant it was granted to, or those who keep the unit's records (its
 * Managers and Staff, the Officer above, the security office).
 */
export const requireApplicantOrKeeper = (
  actor: Actor,
  applicantStaffId: string | null,
  unitPath: readonly string[],
): void => {
  if (applicantStaffId !== null && actor.staffId === applicantStaffId) return;
  requireManageUnit(actor, unitPath, 'handlingId');
};

/** An instant not later than now (a few minutes' clock difference allowed). */
export const requirePast = (ctx: UseCaseContext, instant: string, field: string): void => {
  if (Date.parse(instant) > ctx.clock.now().getTime() + 5 * 60_000)
    throw fieldError(field, '未来の日時は記録できません。', 'A time in the future cannot be recorded.');
};

/** Whether the actor keeps a unit's media and places (the boolean form of `requireManageUnit`, for imports). */
export const mayManageUnit = (actor: Actor, unitPath: readonly string[]): boolean => {
  try {
    requireManageUnit(actor, unitPath, 'unit');
    return true;
  } catch (e) {
    if (e instanceof AppError) return false;
    throw e;
  }
};

/** A handling is carried out after its permission (a few minutes' difference between clocks allowed). */
export const requireAfterPermission = (
  performedAt: string,
  permittedAt: string,
  clause: '4-2(6)ア' | '4-2(7)ア' | '4-2(8)ア',
): void => {
  if (Date.parse(performedAt) >= Date.parse(permittedAt) - 5 * 60_000) return;
  const when = formatJapanTime(permittedAt);
  throw fieldError(
    'performedAt',
    `許可（${when}）より前の日時です。許可を得てから実施します（第${clause.replace('-', ' ')}）。`,
    `This is before the permission (${when}); it is carried out after it (${clause}).`,
  );
};
