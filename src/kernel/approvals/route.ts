import type { Role } from '../access/index.js';
import type { Db } from '../db/index.js';
import { AppError } from '../errors/index.js';
import type { DirectoryUnit, OrgDirectory } from './directory.js';
import type { FormValues } from './form-schema.js';
import type { RequestTypeDefinition, RouteCondition } from './request-type.js';

/** Unit kinds for which a role is held (第3 3(1), 4(1)); roles not listed are hospital-wide. */
const unitKindsOf: Partial<Record<Role, readonly string[] | 'any'>> = {
  securityManager: ['section', 'centre', 'division', 'clinic'],
  securityOfficer: ['bureau', 'division', 'centre', 'clinic'],
  securityStaff: 'any',
};

/** The next level up: who is asked when a step waits too long or its approver cannot decide (第3 2–4). */
const nextLevel: Partial<Record<Role, Role>> = {
  securityStaff: 'securityManager',
  securityManager: 'securityOfficer',
  securityOfficer: 'securityDirector',
  securityDirector: 'ciso',
};

export const isUnitRole = (role: Role): boolean => unitKindsOf[role] !== undefined;

export interface Target {
  readonly role: Role;
  /** null: the hospital-wide holder. */
  readonly unit: DirectoryUnit | null;
}

export interface ResolvedStep extends Target {
  readonly idx: number;
  /** Why the step does not apply (its condition), or null. */
  readonly skipReason: string | null;
}

const holds = (c: RouteCondition, form: FormValues, classification: number | null): boolean => {
  switch (c.kind) {
    case 'classificationAtMost':
      return classification !== null && classification <= c.level;
    case 'fieldEquals':
      return form[c.field] === c.value;
  }
};

const describe = (c: RouteCondition): string => {
  switch (c.kind) {
    case 'classificationAtMost':
      return `classificationAtMost:${String(c.level)}`;
    case 'fieldEquals':
      return `fieldEquals:${c.field}=${String(c.value)}`;
  }
};

/** The first condition that does not hold, or null when all do. */
export const failedCondition = (
  conditions: readonly RouteCondition[] | undefined,
  form: FormValues,
  classification: number | null,
): RouteCondition | null => (conditions ?? []).find((c) => !holds(c, form, classification)) ?? null;

/**
 * The holder of `role` nearest to a unit: walking up from the unit, the first unit of a kind the role is held for
 * that has a holder on the date, else the first such unit (vacant: the step waits and escalates). Where no unit up
 * the tree is of such a kind (a bureau's own staff have no Manager), the next level up is asked instead.
 */
export const findTarget = async (
  db: Db,
  directory: OrgDirectory,
  role: Role,
  path: readonly DirectoryUnit[],
  asOf: string,
): Promise<Target | null> => {
  for (let r: Role | undefined = role; r !== undefined; r = nextLevel[r]) {
    const kinds = unitKindsOf[r];
    if (kinds === undefined) return { role: r, unit: null };
    const candidates = path.filter((u) => kinds === 'any' || kinds.includes(u.kind));
    for (const unit of candidates) {
      if ((await directory.holders(db, r, unit.id, asOf)).length > 0) return { role: r, unit };
    }
    if (candidates[0] !== undefined) return { role: r, unit: candidates[0] };
  }
  return null;
};

/** Who is asked after this target: the next role up, found from the target's unit. Null above the CISO. */
export const escalationTarget = async (
  db: Db,
  directory: OrgDirectory,
  target: { role: Role; unitId: string | null },
  fallbackPath: readonly DirectoryUnit[],
  asOf: string,
): Promise<Target | null> => {
  const up = nextLevel[target.role];
  if (up === undefined) return null;
  const path = target.unitId === null ? fallbackPath : await directory.unitPath(db, target.unitId, asOf);
  return findTarget(db, directory, up, path, asOf);
};

export interface RouteInput {
  readonly def: RequestTypeDefinition;
  readonly form: FormValues;
  readonly classification: number | null;
  readonly applicantUnitId: string;
  readonly resourceUnitId: string | null;
  readonly asOf: string;
}

/**
 * The concrete route of a request: each step's approver (role and unit), or why it is skipped. Throws a
 * validation error when the request is not needed at all (e.g. a class III transport) or no approver exists.
 */
export const resolveRoute = async (
  db: Db,
  directory: OrgDirectory,
  input: RouteInput,
): Promise<ResolvedStep[]> => {
  const { def, form, classification } = input;
  const notNeeded = failedCondition(def.appliesWhen, form, classification);
  if (notNeeded !== null) {
    const field =
      notNeeded.kind === 'classificationAtMost' ? (def.classificationField ?? 'form') : notNeeded.field;
    const message =
      notNeeded.kind === 'classificationAtMost'
        ? {
            ja: `重要性分類${['', 'I', 'II', 'III', 'IV'][notNeeded.level] ?? ''}以上の場合にだけ必要な申請です。`,
            en: `This request is needed only for classification ${['', 'I', 'II', 'III', 'IV'][notNeeded.level] ?? ''} or above.`,
          }
        : { ja: 'この内容では申請は不要です。', en: 'No request is needed for this.' };
    throw new AppError('validation', message, { issues: [{ field: `form.${field}`, message }] });
  }
  const applicantPath = await directory.unitPath(db, input.applicantUnitId, input.asOf);
  const resourcePath =
    input.resourceUnitId === null
      ? applicantPath
      : await directory.unitPath(db, input.resourceUnitId, input.asOf);
  const steps: ResolvedStep[] = [];
  for (const [idx, step] of def.route.entries()) {
    const failed = failedCondition(step.when, form, classification);
    const base =
      step.approver.kind === 'fixed'
        ? []
        : step.approver.base === 'resourceUnit'
          ? resourcePath
          : applicantPath;
    const target =
      step.approver.kind === 'fixed' && !isUnitRole(step.approver.role)
        ? { role: step.approver.role, unit: null }
        : await findTarget(
            db,
            directory,
            step.approver.role,
            base.length > 0 ? base : applicantPath,
            input.asOf,
          );
    if (target === null) {
      const message = {
        ja: '承認者となる役割の保持者が組織にいません。組織の設定を確認してください。',
        en: 'No one in the organisation can approve this. Check the organisation settings.',
      };
      throw new AppError('conflict', message, { issues: [{ field: `route[${String(idx)}]`, message }] });
    }
    steps.push({ idx, ...target, skipReason: failed === null ? null : describe(failed) });
  }
  return steps;
};
