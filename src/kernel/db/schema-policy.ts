// Table types of compliance, the MHLW checklist, parameters in force and unit procedures (see schema.ts for the conventions).
export interface ComplianceExclusionTable {
  id: string;
  pack: string;
  clause_id: string;
  unit_id: string | null;
  reason: string;
  recorded_by: string;
  recorded_at: string;
  ended_at: string | null;
  ended_by: string | null;
  end_reason: string | null;
}

export interface ComplianceSnapshotTable {
  id: string;
  pack: string;
  pack_version: string;
  taken_on: string;
  taken_at: string;
  taken_by: string;
  ledger_size: number;
  met: number;
  partly_met: number;
  not_met: number;
  not_yet_evaluable: number;
  not_applicable: number;
  digest: string;
  results: string;
}

export interface ChecklistAnswerTable {
  id: string;
  checklist: string;
  item_id: string;
  answer: string;
  confirmed_on: string;
  target_date: string | null;
  note: string;
  recorded_by: string;
  recorded_at: string;
  superseded_at: string | null;
}

export interface ChecklistMappingTable {
  id: string;
  checklist: string;
  item_id: string;
  clause_ids: string;
  note: string;
  recorded_by: string;
  recorded_at: string;
  superseded_at: string | null;
}

/** A version of a policy pack parameter the committee approved (第3 6(2), 第9 3). */
export interface PolicyParameterVersionTable {
  id: string;
  pack_name: string;
  parameter_key: string;
  version: number;
  value_json: string;
  previous_json: string;
  reason: string;
  request_id: string;
  request_ref_no: string;
  requested_by_staff_id: string;
  requested_by_name: string;
  approved_by_staff_id: string | null;
  approved_by_name: string | null;
  applied_at: string;
}

/** A bureau's or division's implementing procedure, recorded with the Security Director's opinion (第3 3(2)). */
export interface UnitProcedureTable {
  id: string;
  unit_id: string;
  title: string;
  version_label: string;
  summary: string;
  effective_on: string;
  request_id: string;
  request_ref_no: string;
  filed_by_staff_id: string;
  filed_by_name: string;
  opinion_by_staff_id: string | null;
  opinion_by_name: string | null;
  opinion: string | null;
  recorded_at: string;
}
