import type { Db, UnitProcedureTable } from '../../../kernel/index.js';

/** SQL of the units' implementing procedures (第3 3(2)). */

export const insertProcedure = (db: Db, row: UnitProcedureTable) =>
  db.insertInto('unit_procedures').values(row).execute();

/** Every recorded procedure with its unit's names, by unit and then newest effective date first. */
export const listProcedureRows = (db: Db, unitId: string | null = null) => {
  let query = db
    .selectFrom('unit_procedures as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select([
      'p.id',
      'p.unit_id',
      'p.title',
      'p.version_label',
      'p.summary',
      'p.effective_on',
      'p.request_id',
      'p.request_ref_no',
      'p.filed_by_name',
      'p.opinion_by_name',
      'p.opinion',
      'p.recorded_at',
      'u.name_ja',
      'u.name_en',
      'u.sort_order',
    ])
    .orderBy('u.sort_order')
    .orderBy('u.code')
    .orderBy('p.unit_id')
    .orderBy('p.effective_on', 'desc')
    .orderBy('p.recorded_at', 'desc');
  if (unitId !== null) query = query.where('p.unit_id', '=', unitId);
  return query.execute();
};

export type ProcedureRow = Awaited<ReturnType<typeof listProcedureRows>>[number];

/**
 * Each unit's procedures with which is in force on a date: the one recorded last among those effective by then;
 * those effective later are upcoming, the others superseded. Rows come ordered as `listProcedureRows` gives them.
 */
export const withStates = (
  rows: readonly ProcedureRow[],
  asOf: string,
): { row: ProcedureRow; state: 'inForce' | 'upcoming' | 'superseded' }[] => {
  const inForce = new Map<string, ProcedureRow>();
  for (const row of rows) {
    if (row.effective_on > asOf) continue;
    const current = inForce.get(row.unit_id);
    if (
      current === undefined ||
      row.effective_on > current.effective_on ||
      (row.effective_on === current.effective_on && row.recorded_at > current.recorded_at)
    )
      inForce.set(row.unit_id, row);
  }
  return rows.map((row) => ({
    row,
    state: inForce.get(row.unit_id) === row ? 'inForce' : row.effective_on > asOf ? 'upcoming' : 'superseded',
  }));
};
