import {
  AppError,
  can,
  requirePermission,
  type Actor,
  type CompartmentTable,
  type Db,
  type Resource,
  type UnitTable,
} from '../../kernel/index.js';
import type { UnitKind } from './org.schema.js';
import { findCompartmentById } from './compartments.repository.js';
import { findUnitById } from './units.repository.js';

/** 科課室等: the units a Security Manager is held for (apply-roles.ts), and so the units that have compartments. */
export const compartmentUnitKinds: readonly UnitKind[] = ['section', 'centre', 'division', 'clinic'];

/** The unit and its parents up to the top: what a resource carries so the engine needs no units tree. */
export const unitPathOf = async (db: Db, unitId: string): Promise<string[]> => {
  const path: string[] = [];
  for (let id: string | null = unitId; id !== null && path.length < 32;) {
    path.push(id);
    id = (await findUnitById(db, id))?.parent_id ?? null;
  }
  return path;
};

export const compartmentResource = (id: string, unitPath: readonly string[]): Resource => ({
  type: 'compartment',
  id,
  unitPath,
});

/** Whether the actor may manage the compartments of a unit (the unit's Manager, the security office). */
export const mayManageCompartments = (actor: Actor, unitPath: readonly string[]): boolean =>
  can(actor, 'compartment.manage', compartmentResource(unitPath[0] ?? '', unitPath));

export const unitNotFound = (): AppError =>
  new AppError('notFound', { ja: '部署が見つかりません。', en: 'The unit does not exist.' });

export const findUnitOrThrow = async (db: Db, unitId: string): Promise<UnitTable> => {
  const unit = await findUnitById(db, unitId);
  if (unit === undefined) throw unitNotFound();
  return unit;
};

export const findCompartmentOrThrow = async (db: Db, id: string): Promise<CompartmentTable> => {
  const compartment = await findCompartmentById(db, id);
  if (compartment === undefined) {
    throw new AppError('notFound', {
      ja: '別領域が見つかりません。',
      en: 'The compartment does not exist.',
    });
  }
  return compartment;
};

/** Authorizes `compartment.manage` on a compartment of the unit (or a new one: the unit's id stands for it). */
export const requireCompartmentManager = async (
  actor: Actor,
  db: Db,
  unitId: string,
  compartmentId: string = unitId,
): Promise<void> => {
  requirePermission(
    actor,
    'compartment.manage',
    compartmentResource(compartmentId, await unitPathOf(db, unitId)),
  );
};
