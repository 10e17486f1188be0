// Shapes of the JSON the API sends about the organisation (第3) and compartments (re-exported by api-types.ts).
import type { Bilingual } from './api-types-base.js';

export interface UnitSummary {
  id: string;
  code: string;
  nameJa: string;
  nameEn: string;
  kind: 'bureau' | 'division' | 'centre' | 'clinic' | 'section';
  parentId: string | null;
  sortOrder: number;
  phone: string | null;
  staffCount: number;
}

export interface StaffView {
  id: string;
  employeeNumber: string;
  nameKanji: string;
  nameKana: string;
  employment: 'regular' | 'partTime' | 'temporary';
  category: 'employee' | 'contractor';
  organization: string | null;
  unitId: string;
  positionId: string | null;
  positionJa: string | null;
  positionEn: string | null;
  email: string | null;
  phone: string | null;
  startDate: string;
  endDate: string | null;
}

export interface AssignmentView {
  id: string;
  role: string;
  staffId: string;
  staffName: string;
  unitId: string | null;
  unitNameJa: string | null;
  unitNameEn: string | null;
  startDate: string;
  endDate: string | null;
  note: string | null;
}

export interface DelegationView {
  id: string;
  kind: 'delegation' | 'acting';
  role: string;
  unitId: string | null;
  fromStaffId: string;
  fromName: string;
  toStaffId: string;
  toName: string;
  startDate: string;
  endDate: string;
  reason: string;
}

export interface UnitDetail {
  unit: UnitSummary;
  path: UnitSummary[];
  children: UnitSummary[];
  staff: StaffView[];
  assignments: AssignmentView[];
  delegations: DelegationView[];
}

/** A member of a compartment (担当職員, 第7 1(1)イ). */
export interface CompartmentMemberView {
  id: string;
  staffId: string;
  employeeNumber: string;
  name: string;
  startDate: string;
  endDate: string | null;
  note: string | null;
  /** A member on today's date (open dates, and still in the section). */
  active: boolean;
}

/** A compartment (別領域) of a section, 第7 1(1)イ. */
export interface CompartmentView {
  id: string;
  unitId: string;
  nameJa: string;
  nameEn: string;
  purpose: string | null;
  validFrom: string;
  validTo: string | null;
  closeReason: string | null;
  active: boolean;
  members: CompartmentMemberView[];
}

/** A unit's compartments as the person asking may see them: all when they manage them, else their own. */
export interface UnitCompartments {
  unitId: string;
  canManage: boolean;
  compartments: CompartmentView[];
}

export interface GapReport {
  asOf: string;
  missingOfficer: UnitSummary[];
  missingManager: UnitSummary[];
  conflicts: { staffId: string; staffName: string; roles: string[]; reason: Bilingual }[];
}

export interface HistoryEntry {
  index: number;
  time: string;
  kind: string;
  actor: string;
  actorName: string | null;
  payload: unknown;
}
