import type {
  Db,
  DelegationTable,
  FieldIssue,
  JsonValue,
  LedgerDraft,
  PositionTable,
  RoleAssignmentTable,
  StaffTable,
  UnitTable,
} from '../../../kernel/index.js';
import { listAllUnits, listPositions } from '../units.repository.js';
import { listAllStaff } from '../staff.repository.js';
import { listAssignments, listDelegations } from '../roles.repository.js';
import type { OrgSheet } from '../org.schema.js';

export interface SheetCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export type OrgCounts = Record<OrgSheet, SheetCounts>;

/**
 * What applying organisation rows needs: the records as they stand (updated as rows apply, so later sheets see
 * earlier ones), the time, and what has been found and done so far.
 */
export interface ApplyState {
  readonly tx: Db;
  readonly now: string;
  readonly unitsByCode: Map<string, UnitTable>;
  readonly positionsByCode: Map<string, PositionTable>;
  readonly staffByNumber: Map<string, StaffTable>;
  readonly assignments: RoleAssignmentTable[];
  readonly delegations: DelegationTable[];
  readonly issues: FieldIssue[];
  readonly ledger: LedgerDraft[];
  readonly counts: OrgCounts;
  /** Whether to name the file row in issues (imports) or not (a single record through the API). */
  readonly withRows: boolean;
}

export const emptyCounts = (): OrgCounts => ({
  units: { created: 0, updated: 0, unchanged: 0 },
  positions: { created: 0, updated: 0, unchanged: 0 },
  staff: { created: 0, updated: 0, unchanged: 0 },
  assignments: { created: 0, updated: 0, unchanged: 0 },
  delegations: { created: 0, updated: 0, unchanged: 0 },
});

export const loadApplyState = async (tx: Db, now: string, withRows: boolean): Promise<ApplyState> => {
  const units = await listAllUnits(tx);
  const positions = await listPositions(tx);
  const staff = await listAllStaff(tx);
  const assignments = await listAssignments(tx);
  const delegations = await listDelegations(tx);
  return {
    tx,
    now,
    unitsByCode: new Map(units.map((u) => [u.code, u])),
    positionsByCode: new Map(positions.map((p) => [p.code, p])),
    staffByNumber: new Map(staff.map((s) => [s.employee_number, s])),
    assignments,
    delegations,
    issues: [],
    ledger: [],
    counts: emptyCounts(),
    withRows,
  };
};

export const addIssue = (
  state: ApplyState,
  sheet: OrgSheet,
  row: number,
  field: string,
  ja: string,
  en: string,
): void => {
  state.issues.push({ field: `${sheet}.${field}`, message: { ja, en }, ...(state.withRows ? { row } : {}) });
};

/** The fields that differ, as [before, after], for the ledger entry of an update. */
export const diff = <T extends object>(
  before: T,
  after: Partial<T>,
): Record<string, [JsonValue, JsonValue]> => {
  const changes: Record<string, [JsonValue, JsonValue]> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const next = after[key];
    if (next !== undefined && before[key] !== next)
      changes[String(key)] = [before[key] as JsonValue, next as JsonValue];
  }
  return changes;
};

/** The ledger payload of a row: the row as stored, minus bookkeeping. */
export const snapshot = (row: object): JsonValue => {
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'created_at' || k === 'updated_at') continue;
    out[k] = v as JsonValue;
  }
  return out;
};
