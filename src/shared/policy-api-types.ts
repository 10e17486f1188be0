// API types of the policy pack's parameters and the units' implementing procedures (web and server).

/** A parameter's value: a number in its unit, true or false, one of its options, or a list of text. */
export type ParameterValueView = number | boolean | string | string[];

/** A version the IT Steering Committee approved (第3 6(2), 第9 3). */
export interface ParameterVersionView {
  version: number;
  value: ParameterValueView;
  previous: ParameterValueView;
  reason: string;
  requestId: string;
  requestRefNo: string;
  requestedBy: string;
  approvedBy: string | null;
  appliedAt: string;
}

export interface PolicyParameterView {
  key: string;
  clauseId: string;
  displayId: string;
  labelJa: string;
  labelEn: string;
  type: 'integer' | 'duration' | 'boolean' | 'choice' | 'list';
  unit: string | null;
  min: number | null;
  max: number | null;
  options: string[] | null;
  /** The standard leaves the value to the hospital. */
  hospitalChoice: boolean;
  basis: string;
  /** The value the pack ships with (version 0). */
  defaultValue: ParameterValueView;
  /** The value in force. */
  value: ParameterValueView;
  version: number;
  changedAt: string | null;
  /** Newest first. */
  history: ParameterVersionView[];
  /** Change requests before the committee now. */
  pending: { requestId: string; refNo: string }[];
}

export interface PolicyParametersView {
  pack: { name: string; version: string; title: string };
  parameters: PolicyParameterView[];
}

/** A bureau's or division's implementing procedure with the Security Director's opinion (第3 3(2)). */
export interface UnitProcedureView {
  id: string;
  unit: { id: string; nameJa: string; nameEn: string };
  title: string;
  version: string;
  summary: string;
  effectiveOn: string;
  /** inForce: the unit's procedure today; upcoming: effective later; superseded: a later one is in force. */
  state: 'inForce' | 'upcoming' | 'superseded';
  requestId: string;
  requestRefNo: string;
  filedBy: string;
  opinionBy: string | null;
  opinion: string | null;
  recordedAt: string;
}
