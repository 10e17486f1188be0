import type { Db, IdSweepItemTable, IdSweepTable } from '../../../kernel/index.js';

export const insertSweep = async (db: Db, row: IdSweepTable): Promise<void> => {
  await db.insertInto('id_sweeps').values(row).execute();
};

export const insertSweepItems = async (db: Db, rows: readonly IdSweepItemTable[]): Promise<void> => {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('id_sweep_items')
      .values(rows.slice(i, i + 200))
      .execute();
};

export const lastSweep = (db: Db): Promise<IdSweepTable | undefined> =>
  db.selectFrom('id_sweeps').selectAll().orderBy('started_at', 'desc').limit(1).executeTakeFirst();

/** Items still waiting for a decision, and those decided since `since` (what the screen and a new sweep read). */
export const sweepItems = (db: Db, since: string): Promise<IdSweepItemTable[]> =>
  db
    .selectFrom('id_sweep_items')
    .selectAll()
    .where((eb) => eb.or([eb('decision', 'is', null), eb('decided_at', '>=', since)]))
    .orderBy('found_at', 'desc')
    .execute();

export const findSweepItems = (db: Db, ids: readonly string[]): Promise<IdSweepItemTable[]> =>
  db
    .selectFrom('id_sweep_items')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();

export const decideSweepItemRow = async (
  db: Db,
  id: string,
  decision: { decision: string; decided_at: string; decided_by: string; note: string | null },
): Promise<void> => {
  await db
    .updateTable('id_sweep_items')
    .set(decision)
    .where('id', '=', id)
    .where('decision', 'is', null)
    .execute();
};
