import { AppError, requirePermission, type Tx, type UseCaseContext } from '../../kernel/index.js';
import { isSecurityOffice, isSystem, requireManageUnit, unitPathOf } from './asset-access.js';
import type { PlaceInput } from './assets.schema.js';
import type { PlaceRow } from './storage.repository.js';

/**
 * Storage places (4-2(5)): rooms, vaults, cabinets and off-site stores, each with the protections the standard
 * asks of where media are kept: fire, heat, water and humidity (エ) and a low natural-disaster risk, with what that
 * judgement rests on (ウ). A place of a unit is kept by that unit's Managers; a shared place by the security office.
 */

export const requireManagePlace = async (
  ctx: UseCaseContext,
  tx: Tx,
  unitId: string | null,
): Promise<void> => {
  if (unitId !== null) {
    requireManageUnit(ctx.actor, await unitPathOf(ctx, tx, unitId), 'owningUnitId');
    return;
  }
  requirePermission(ctx.actor, 'assets.manage');
  if (!isSystem(ctx.actor) && !isSecurityOffice(ctx.actor))
    throw new AppError('forbidden', {
      ja: '部署に属さない保管場所は統括情報セキュリティ責任者・最高情報統括責任者が管理します。',
      en: 'Places shared by all units are kept by the Security Director or the CISO.',
    });
};

export const placeColumns = (
  input: PlaceInput,
): Omit<PlaceRow, 'id' | 'created_at' | 'updated_at' | 'retired_on'> => ({
  code: input.code,
  name: input.name,
  name_en: input.nameEn,
  kind: input.kind,
  owning_unit_id: input.owningUnitId,
  location: input.location,
  fireproof: input.fireproof ? 1 : 0,
  heatproof: input.heatproof ? 1 : 0,
  waterproof: input.waterproof ? 1 : 0,
  humidityproof: input.humidityproof ? 1 : 0,
  low_disaster_risk: input.lowDisasterRisk ? 1 : 0,
  disaster_risk_basis: input.disasterRiskBasis,
  assessed_on: input.assessedOn,
  note: input.note,
});

export const requireBasis = (input: PlaceInput): void => {
  if (input.lowDisasterRisk && input.disasterRiskBasis === null) {
    const message = {
      ja: '自然災害の可能性が低いと判断した根拠（ハザードマップの確認など）を入力してください（第4 2(5)ウ）。',
      en: 'Say what the low natural-disaster risk rests on (a hazard map…) (4-2(5)ウ).',
    };
    throw new AppError('validation', message, { issues: [{ field: 'disasterRiskBasis', message }] });
  }
};

export const placePayload = (row: Omit<PlaceRow, 'id' | 'created_at' | 'updated_at'>) => ({
  code: row.code,
  name: row.name,
  kind: row.kind,
  owningUnitId: row.owning_unit_id,
  fireproof: row.fireproof === 1,
  heatproof: row.heatproof === 1,
  waterproof: row.waterproof === 1,
  humidityproof: row.humidityproof === 1,
  lowDisasterRisk: row.low_disaster_risk === 1,
  disasterRiskBasis: row.disaster_risk_basis,
  assessedOn: row.assessed_on,
  retiredOn: row.retired_on,
});
