// Table types of the organisation (第3) and compartments (第7 1(1)イ) (see schema.ts for the conventions).
export interface UnitTable {
  id: string;
  code: string;
  name_ja: string;
  name_en: string;
  kind: string;
  parent_id: string | null;
  sort_order: number;
  phone: string | null;
  valid_from: string;
  valid_to: string | null;
  created_at: string;
  updated_at: string;
}

export interface PositionTable {
  id: string;
  code: string;
  name_ja: string;
  name_en: string;
  rank: number;
  created_at: string;
}

export interface StaffTable {
  id: string;
  employee_number: string;
  name_kanji: string;
  name_kana: string;
  employment: string;
  category: string;
  organization: string | null;
  unit_id: string;
  position_id: string | null;
  email: string | null;
  phone: string | null;
  start_date: string;
  end_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface RoleAssignmentTable {
  id: string;
  role: string;
  staff_id: string;
  unit_id: string | null;
  start_date: string;
  end_date: string | null;
  note: string | null;
  created_at: string;
}

export interface DelegationTable {
  id: string;
  kind: string;
  role: string;
  unit_id: string | null;
  from_staff_id: string;
  to_staff_id: string;
  start_date: string;
  end_date: string;
  reason: string;
  created_at: string;
}

/** A compartment (別領域) inside a section, 第7 1(1)イ. */
export interface CompartmentTable {
  id: string;
  unit_id: string;
  name_ja: string;
  name_en: string;
  purpose: string | null;
  valid_from: string;
  valid_to: string | null;
  close_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface CompartmentMemberTable {
  id: string;
  compartment_id: string;
  staff_id: string;
  start_date: string;
  end_date: string | null;
  note: string | null;
  created_at: string;
}
