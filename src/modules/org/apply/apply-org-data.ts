import { validationError, type Db, type LedgerDraft } from '../../../kernel/index.js';
import type { OrgData, OrgSheet } from '../org.schema.js';
import { applyAssignments, applyDelegations } from './apply-roles.js';
import { applyStaff } from './apply-staff.js';
import { loadApplyState, type OrgCounts } from './apply-state.js';
import { applyPositions, applyUnits, type ApplyMode, type Numbered } from './apply-units.js';

export type { OrgCounts, SheetCounts } from './apply-state.js';

export interface ApplyOptions {
  readonly mode: ApplyMode;
  /** File row numbers of each sheet's rows; by default the header is row 1 and rows follow from row 2. */
  readonly rowNumbers?: Partial<Record<OrgSheet, readonly number[]>> | undefined;
  /** Name rows in issues (imports) or not (one record through the API). */
  readonly withRows: boolean;
}

const numbered = <T>(rows: readonly T[], numbers: readonly number[] | undefined): Numbered<T>[] =>
  rows.map((data, i) => ({ row: numbers?.[i] ?? i + 2, data }));

/**
 * Applies organisation rows in dependency order (positions, units, staff, assignments, delegations), checking every
 * reference against the file and the database together. Any issue throws one validation error naming every row
 * and field; the caller's transaction then rolls back, so nothing is half-written.
 */
export const applyOrgData = async (
  tx: Db,
  now: string,
  data: Partial<OrgData>,
  options: ApplyOptions,
): Promise<{ counts: OrgCounts; ledger: LedgerDraft[] }> => {
  const state = await loadApplyState(tx, now, options.withRows);
  const n = options.rowNumbers ?? {};
  await applyPositions(state, numbered(data.positions ?? [], n.positions), options.mode);
  await applyUnits(state, numbered(data.units ?? [], n.units), options.mode);
  await applyStaff(state, numbered(data.staff ?? [], n.staff), options.mode);
  await applyAssignments(state, numbered(data.assignments ?? [], n.assignments), options.mode);
  await applyDelegations(state, numbered(data.delegations ?? [], n.delegations), options.mode);
  if (state.issues.length > 0) {
    const sorted = [...state.issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    throw validationError(sorted, `organisation rows rejected: ${String(sorted.length)} issues`);
  }
  return { counts: state.counts, ledger: state.ledger };
};
