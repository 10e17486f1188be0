import { newId, type PositionTable, type UnitTable } from '../../../kernel/index.js';
import type { PositionRow, UnitRow } from '../org.schema.js';
import { insertPosition, insertUnit, updatePositionRow, updateUnitRow } from '../units.repository.js';
import { addIssue, diff, snapshot, type ApplyState } from './apply-state.js';

export interface Numbered<T> {
  readonly row: number;
  readonly data: T;
}

export type ApplyMode = 'create' | 'upsert';

export const applyPositions = async (
  state: ApplyState,
  rows: readonly Numbered<PositionRow>[],
  mode: ApplyMode,
): Promise<void> => {
  for (const { row, data } of rows) {
    const existing = state.positionsByCode.get(data.code);
    const values = { name_ja: data.nameJa, name_en: data.nameEn, rank: data.rank };
    if (existing) {
      if (mode === 'create') {
        addIssue(
          state,
          'positions',
          row,
          'code',
          `職位コード ${data.code} は既に存在します。`,
          `Position code ${data.code} already exists.`,
        );
        continue;
      }
      const changes = diff(existing, values);
      if (Object.keys(changes).length === 0) {
        state.counts.positions.unchanged++;
        continue;
      }
      await updatePositionRow(state.tx, existing.id, values);
      state.positionsByCode.set(data.code, { ...existing, ...values });
      state.counts.positions.updated++;
      state.ledger.push({
        kind: 'org.position.updated',
        subject: `position:${existing.id}`,
        payload: { code: data.code, changes },
      });
      continue;
    }
    const record: PositionTable = { id: newId(), code: data.code, ...values, created_at: state.now };
    await insertPosition(state.tx, record);
    state.positionsByCode.set(data.code, record);
    state.counts.positions.created++;
    state.ledger.push({
      kind: 'org.position.created',
      subject: `position:${record.id}`,
      payload: snapshot(record),
    });
  }
};

/** Parents before children, so a file may list units in any order; a cycle in the file is an issue. */
const parentsFirst = (state: ApplyState, rows: readonly Numbered<UnitRow>[]): Numbered<UnitRow>[] => {
  const byCode = new Map(rows.map((r) => [r.data.code, r]));
  const ordered: Numbered<UnitRow>[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const visit = (r: Numbered<UnitRow>): void => {
    if (placed.has(r.data.code)) return;
    if (visiting.has(r.data.code)) {
      addIssue(
        state,
        'units',
        r.row,
        'parentCode',
        '上位部署が循環しています。',
        'The parent units form a cycle.',
      );
      return;
    }
    visiting.add(r.data.code);
    const parent = r.data.parentCode === null ? undefined : byCode.get(r.data.parentCode);
    if (parent) visit(parent);
    visiting.delete(r.data.code);
    placed.add(r.data.code);
    ordered.push(r);
  };
  rows.forEach(visit);
  return ordered;
};

/** Would making `parentId` the parent of `unitId` put the unit under itself? */
const createsCycle = (state: ApplyState, unitId: string, parentId: string): boolean => {
  const byId = new Map([...state.unitsByCode.values()].map((u) => [u.id, u]));
  let cursor: string | null = parentId;
  for (let guard = 0; cursor !== null && guard < 10_000; guard++) {
    if (cursor === unitId) return true;
    cursor = byId.get(cursor)?.parent_id ?? null;
  }
  return false;
};

export const applyUnits = async (
  state: ApplyState,
  rows: readonly Numbered<UnitRow>[],
  mode: ApplyMode,
): Promise<void> => {
  for (const { row, data } of parentsFirst(state, rows)) {
    let parentId: string | null = null;
    if (data.parentCode !== null) {
      const parent = state.unitsByCode.get(data.parentCode);
      if (!parent) {
        addIssue(
          state,
          'units',
          row,
          'parentCode',
          `上位部署 ${data.parentCode} が見つかりません。`,
          `Parent unit ${data.parentCode} does not exist.`,
        );
        continue;
      }
      parentId = parent.id;
    }
    const values = {
      name_ja: data.nameJa,
      name_en: data.nameEn,
      kind: data.kind,
      parent_id: parentId,
      sort_order: data.sortOrder,
      phone: data.phone,
      valid_from: data.validFrom,
      valid_to: data.validTo,
    };
    const existing = state.unitsByCode.get(data.code);
    if (existing) {
      if (mode === 'create') {
        addIssue(
          state,
          'units',
          row,
          'code',
          `部署コード ${data.code} は既に存在します。`,
          `Unit code ${data.code} already exists.`,
        );
        continue;
      }
      if (parentId !== null && createsCycle(state, existing.id, parentId)) {
        addIssue(
          state,
          'units',
          row,
          'parentCode',
          '部署を自身の下位に置くことはできません。',
          'A unit cannot be placed under itself.',
        );
        continue;
      }
      const changes = diff(existing, values);
      if (Object.keys(changes).length === 0) {
        state.counts.units.unchanged++;
        continue;
      }
      await updateUnitRow(state.tx, existing.id, { ...values, updated_at: state.now });
      state.unitsByCode.set(data.code, { ...existing, ...values, updated_at: state.now });
      state.counts.units.updated++;
      state.ledger.push({
        kind: 'org.unit.updated',
        subject: `unit:${existing.id}`,
        payload: { code: data.code, changes },
      });
      continue;
    }
    const record: UnitTable = {
      id: newId(),
      code: data.code,
      ...values,
      created_at: state.now,
      updated_at: state.now,
    };
    await insertUnit(state.tx, record);
    state.unitsByCode.set(data.code, record);
    state.counts.units.created++;
    state.ledger.push({ kind: 'org.unit.created', subject: `unit:${record.id}`, payload: snapshot(record) });
  }
};
