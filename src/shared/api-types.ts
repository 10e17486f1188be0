/**
 * Shapes the server sends and the web app reads. Both sides import this folder; web never imports server code.
 */
export interface Bilingual {
  ja: string;
  en: string;
}

export interface ApiErrorBody {
  error: {
    code: string;
    message: Bilingual;
    issues: { field: string; row?: number; message: Bilingual }[];
  };
  requestId: string;
}

export interface SessionView {
  account: {
    id: string;
    loginId: string;
    displayName: string;
    mustChangePassword: boolean;
    systemRole: 'administrator' | null;
    category: 'employee' | 'contractor' | null;
    unit: { id: string; nameJa: string; nameEn: string } | null;
    roles: {
      role: string;
      unitId: string | null;
      unitNameJa: string | null;
      unitNameEn: string | null;
      via: string;
    }[];
  };
  csrfToken: string;
  previousSignIn: { at: string; ip: string | null; userAgent: string | null; attemptId?: string } | null;
  expiresAt: string;
  /** Why the password must be changed now (null when it need not be). */
  passwordReason: PasswordReason | null;
  accountClass: 'standard' | 'privileged';
  /** The rules a new password must meet (the profile of the account's class). */
  passwordRules: PasswordRulesView;
  /** When the password falls due by age; null when it never does. */
  passwordDueAt: string | null;
  /** The failed attempts on this ID since the previous successful sign-in (第7 2(2)). */
  failedSincePrevious: SignInEventView[];
  /** full, or a second factor still to give (mfa) or to enrol (enrol). */
  stage: 'full' | 'mfa' | 'enrol';
  /** A privileged ID: its privileges apply only while elevated (第7 2(4)). */
  privileged: boolean;
  elevatedUntil: string | null;
  /** How long an elevation lasts for this account's profile. */
  elevationMinutes: number;
}

export interface MfaFactorView {
  id: string;
  kind: 'totp' | 'webauthn';
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface SignInEventView {
  /** The attempt, for "this was not me". */
  attemptId: string;
  at: string;
  ip: string | null;
  userAgent: string | null;
  outcome: string;
}

export interface MySessionView {
  ref: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  stage: 'full' | 'mfa' | 'enrol';
  elevatedUntil: string | null;
  expiresAt: string;
  absoluteExpiresAt: string;
}

export interface SignInReportView {
  id: string;
  loginId: string;
  name: string | null;
  attemptAt: string | null;
  ip: string | null;
  userAgent: string | null;
  note: string | null;
  status: string;
  createdAt: string;
}

export type PasswordReason = 'temporary' | 'expired' | 'signInCount' | 'reset' | 'compromised';

export interface PasswordRulesView {
  preset: string;
  minLength: number;
  maxLength: number;
  requireMixed: boolean;
  blocklist: boolean;
  rejectPersonalInfo: boolean;
  historyCount: number;
  maxAgeDays: number | null;
  maxSignIns: number | null;
  mfaRequired: boolean;
}

/** A password policy profile (identity settings). */
export interface PasswordProfileView {
  preset: string;
  minLength: number;
  requireMixed: boolean;
  blocklist: boolean;
  rejectPersonalInfo: boolean;
  historyCount: number;
  maxAgeDays: number | null;
  maxSignIns: number | null;
  mfaRequired: boolean;
  lockoutThreshold: number;
  lockoutMinutes: number | null;
  idleMinutes: number;
  absoluteMinutes: number;
  elevationMinutes: number;
}

export interface IdentitySettingsBody {
  profiles: { standard: PasswordProfileView; privileged: PasswordProfileView };
  address: { threshold: number; windowMinutes: number; lockMinutes: number };
  unusedDays: number;
}

export interface DepartureView {
  guide: 'nist' | 'mhlw' | 'standard';
  field: string;
  what: Bilingual;
  why: Bilingual;
}

export interface LockoutView {
  id: string;
  scope: 'account' | 'address';
  /** Account id or IP address. */
  subject: string;
  loginId: string | null;
  name: string | null;
  privileged: boolean;
  startedAt: string;
  until: string | null;
  failures: number;
  active: boolean;
  releasedAt: string | null;
  releaseReason: string | null;
}

export interface IdentitySettingsView {
  settings: IdentitySettingsBody;
  presets: Record<string, PasswordProfileView>;
  departures: { standard: DepartureView[]; privileged: DepartureView[] };
  blocklistSize: number;
}

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

// Approvals (every "許可を得なければならない"; 第3 7, 第8 5)

export interface ApprovalFieldView {
  key: string;
  label: Bilingual;
  type: 'text' | 'longText' | 'date' | 'enum' | 'number' | 'boolean' | 'classification';
  required: boolean;
  options: { value: string; label: Bilingual }[];
  maxLength: number | null;
  min: number | null;
  max: number | null;
  mustBeTrue: boolean;
  help: Bilingual | null;
}

export interface ApprovalTypeView {
  id: string;
  name: Bilingual;
  description: Bilingual | null;
  clauses: { id: string; display: string }[];
  mode: 'prior' | 'postFacto';
  form: ApprovalFieldView[];
  asksOwnerUnit: boolean;
  /** Who decides, in order: a role for the applicant's unit, the owning unit, or the hospital. */
  route: { role: string; of: 'applicantUnit' | 'resourceUnit' | 'hospital'; onlyWhen: Bilingual | null }[];
  appliesWhen: Bilingual | null;
}

export interface ApprovalTaskView {
  requestId: string;
  refNo: string;
  typeId: string;
  typeName: Bilingual;
  title: string;
  status: string;
  applicantName: string;
  applicantUnit: Bilingual;
  step: number;
  seat: { role: string; unitName: Bilingual | null };
  /** The task reached me as the next level up (waited too long, or its approver cannot decide it). */
  escalated: boolean;
  waitingSince: string | null;
  reminders: number;
  expiresAt: string | null;
}

export interface ApprovalRequestSummary {
  id: string;
  refNo: string;
  typeId: string;
  typeName: Bilingual;
  title: string;
  status: string;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
}

export interface ApprovalStepView {
  idx: number;
  role: string;
  unitName: Bilingual | null;
  status: string;
  skipReason: string | null;
  activatedAt: string | null;
  escalation: { role: string; unitName: Bilingual | null; reason: string | null; at: string | null } | null;
  decision: {
    decision: string;
    at: string;
    byName: string;
    byPosition: string | null;
    asRole: string | null;
    /** assignment, or 代決 by delegation / acting, with on whose behalf. */
    via: string | null;
    onBehalfOfName: string | null;
    comment: string | null;
    overrideReason: string | null;
  } | null;
}

export interface ApprovalRequestView extends ApprovalRequestSummary {
  mode: 'prior' | 'postFacto';
  applicant: { id: string; name: string; unit: Bilingual };
  preparer: { id: string; name: string } | null;
  resourceUnitId: string | null;
  /** The record the request is about (`asset:…`), when a module's page filed it. */
  resourceRef: string | null;
  classification: number | null;
  form: Record<string, string | number | boolean | null>;
  type: ApprovalTypeView;
  steps: ApprovalStepView[];
  history: HistoryEntry[];
  expiresAt: string | null;
  carriedOutAt: string | null;
  reportDueAt: string | null;
  reportedAt: string | null;
  closedReason: string | null;
  /** What the reader may do now; `separationConflict`: they sit in the seat but made or prepared it (第3 7(1)). */
  can: {
    decide: boolean;
    acknowledge: boolean;
    withdraw: boolean;
    submit: boolean;
    report: boolean;
    separationConflict: boolean;
  };
}

export interface NotificationView {
  id: string;
  kind: string;
  title: Bilingual;
  body: Bilingual;
  link: string | null;
  createdAt: string;
  readAt: string | null;
  email: string;
}

// ── Compliance (policy module): the standard with a status beside each clause ──

export type ComplianceStatusCode = 'met' | 'partlyMet' | 'notMet' | 'notYetEvaluable' | 'notApplicable';

export interface ComplianceEvidenceView {
  kind: 'record' | 'approval' | 'ledgerEntry' | 'check';
  type: string;
  /** The record's ledger subject: GET /api/records/{ref}/history shows its entries. */
  ref: string;
  label: Bilingual;
  unitId: string | null;
  at: string | null;
  ok: boolean;
}

export interface ComplianceExclusionView {
  id: string;
  unitId: string | null;
  reason: string;
  recordedBy: string;
  recordedAt: string;
}

export interface ComplianceUnitView {
  unitId: string;
  status: ComplianceStatusCode;
  reason: Bilingual;
  evidenceCount: number;
}

export interface ComplianceClauseView {
  id: string;
  status: ComplianceStatusCode;
  reason: Bilingual;
  evidenceCount: number;
  module: string | null;
  evaluator: string | null;
  exclusion: ComplianceExclusionView | null;
  units: ComplianceUnitView[];
}

export interface ComplianceUnitRef {
  id: string;
  code: string;
  nameJa: string;
  nameEn: string;
  kind: string;
  parentId: string | null;
}

export interface ComplianceOverview {
  pack: { name: string; version: string; title: string };
  asOf: string;
  evaluatedAt: string;
  ledgerSize: number;
  elapsedMs: number;
  counts: Record<ComplianceStatusCode, number>;
  units: ComplianceUnitRef[];
  clauses: ComplianceClauseView[];
}

export interface ComplianceClauseDetail extends ComplianceClauseView {
  asOf: string;
  evidence: ComplianceEvidenceView[];
  unitDetails: (ComplianceUnitView & {
    evidence: ComplianceEvidenceView[];
    exclusion: ComplianceExclusionView | null;
  })[];
}

/** A clause of the standard as printed, for the document view. */
export interface PolicyClauseView {
  id: string;
  displayId: string;
  label: string;
  kind: string;
  depth: number;
  title: string | null;
  titleEn: string | null;
  text: string | null;
  summaryEn: string | null;
  table: { columns: string[]; rows: string[][] } | null;
  obligation: string;
  module: string | null;
  actors: string[];
  notes: { topic: string; ja: string; en: string }[];
}

export interface PolicyDocumentView {
  name: string;
  version: string;
  title: string;
  titleEn: string;
  clauses: PolicyClauseView[];
}

export interface ComplianceSnapshotView {
  id: string;
  takenOn: string;
  takenAt: string;
  ledgerSize: number;
  counts: Record<ComplianceStatusCode, number>;
  digest: string;
}

export interface ComplianceChangeView {
  clauseId: string;
  from: ComplianceStatusCode | null;
  to: ComplianceStatusCode;
  direction: 'improved' | 'worsened' | 'changed';
}

export interface ComplianceTrendView {
  snapshots: ComplianceSnapshotView[];
  /** The latest snapshot compared with the last one on or before `since`. */
  comparison: {
    from: ComplianceSnapshotView;
    to: ComplianceSnapshotView;
    changes: ComplianceChangeView[];
  } | null;
}

export type ChecklistAnswerCode = 'yes' | 'no' | 'unknown';

export interface ChecklistItemView {
  id: string;
  section: string;
  number: string;
  text: Bilingual;
  scope: string[];
  wording: 'confirmed' | 'reconstructed';
  note: Bilingual;
  clauses: { id: string; displayId: string; status: ComplianceStatusCode }[];
  mappingSource: 'pack' | 'corrected';
  answer: ChecklistAnswerCode;
  answerSource: 'computed' | 'recorded' | 'none';
  /** 確認日: the evaluation date for a computed answer, the recorded date otherwise. */
  confirmedOn: string | null;
  targetDate: string | null;
  reason: Bilingual;
  recordedNote: string | null;
}

export interface ChecklistView {
  name: string;
  title: string;
  titleEn: string;
  form: string;
  edition: {
    fiscalYear: number;
    eraJa: string;
    published: string;
    publisher: string;
    established: Bilingual;
  };
  asOf: string;
  sections: { id: string; title: Bilingual }[];
  items: ChecklistItemView[];
  counts: Record<ChecklistAnswerCode, number>;
}

// ── Information assets (第4): the registers, the handling log, disposals, storage checks ──

export interface AssetUnitRef {
  id: string;
  nameJa: string;
  nameEn: string;
}

export interface AssetView {
  id: string;
  code: string;
  name: string;
  description: string | null;
  form: 'electronic' | 'paper';
  owningUnit: AssetUnitRef;
  compartmentId: string | null;
  /** 1 (I, most sensitive) … 4 (IV). */
  classification: number;
  classificationBasis: string;
  classifiedAt: string;
  origin: string;
  source: { id: string; code: string; name: string } | null;
  sourceParty: string | null;
  receivedOn: string | null;
  systemName: string | null;
  storagePlace: { id: string; code: string; name: string } | null;
  medium: { id: string; code: string; label: string; classification: number | null } | null;
  retainUntil: string | null;
  retentionNote: string | null;
  status: 'draft' | 'active' | 'disposed' | 'erased';
  rulingRequestId: string | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
  erasedAt: string | null;
  eraseReason: string | null;
  disposedAt: string | null;
}

export interface AssetHandlingView {
  id: string;
  kind: string;
  status: string;
  assetId: string | null;
  mediumId: string | null;
  subjectName: string;
  unit: AssetUnitRef;
  classification: number | null;
  requestId: string | null;
  requestRefNo: string | null;
  performedByName: string | null;
  origin: string | null;
  destination: string | null;
  counterparty: string | null;
  protection: string | null;
  plannedOn: string | null;
  performedAt: string | null;
  detail: Record<string, unknown> | null;
  createdAt: string;
}

export interface AssetDisposalView {
  id: string;
  recordNo: string;
  handlingId: string;
  requestId: string;
  requestRefNo: string | null;
  assetId: string | null;
  mediumId: string | null;
  subjectName: string;
  unit: AssetUnitRef;
  classification: number;
  method: string;
  unrecoverable: boolean;
  sanitization: string | null;
  performedAt: string;
  performedByName: string;
  witnessName: string | null;
  contractor: string | null;
  contractorCertificate: string | null;
  note: string | null;
  recordedAt: string;
}

export interface AssetPublicationView {
  id: string;
  assetId: string;
  channel: string;
  fileName: string | null;
  byteSize: number;
  sha256: string;
  publishedAt: string;
  publishedByName: string;
  status: 'published' | 'altered' | 'withdrawn';
  lastCheckedAt: string | null;
  lastCheckOk: boolean | null;
}

export interface AssetDetailView extends AssetView {
  /** Copies, transmissions and assets received from inside that follow this one's class (4-2(1)イ, 4-2(3)ア). */
  derived: {
    id: string;
    code: string;
    name: string;
    origin: string;
    classification: number;
    status: string;
  }[];
  handlings: AssetHandlingView[];
  disposals: AssetDisposalView[];
  publications: AssetPublicationView[];
  history: HistoryEntry[];
  /** What the reader may do now. */
  can: { update: boolean; reclassify: boolean; eraseDraft: boolean; request: boolean; publish: boolean };
}

export interface AssetListView {
  items: AssetView[];
  /** Assets matching the filters that the reader may see. */
  total: number;
}

export interface StoragePlaceView {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  owningUnit: AssetUnitRef | null;
  location: string | null;
  fireproof: boolean;
  heatproof: boolean;
  waterproof: boolean;
  humidityproof: boolean;
  lowDisasterRisk: boolean;
  disasterRiskBasis: string | null;
  assessedOn: string | null;
  note: string | null;
  retiredOn: string | null;
  mediaCount: number;
}

export interface MediumView {
  id: string;
  code: string;
  label: string;
  kind: string;
  removable: boolean;
  owningUnit: AssetUnitRef;
  storagePlace: { id: string; code: string; name: string } | null;
  purpose: string;
  usage: string;
  storedSince: string | null;
  writeProtected: boolean;
  writeProtectedOn: string | null;
  writeProtectionMethod: string | null;
  encrypted: boolean;
  /** The most sensitive class of what it holds (4-2(4)ウ); null when empty. */
  classification: number | null;
  status: string;
  assetCount: number;
  /** Storage rules it does not meet now (4-2(5)イ・ウ・エ), by clause id. */
  findings: StorageFindingView[];
}

export interface StorageFindingView {
  clauseId: string;
  ok: boolean;
  reason: Bilingual;
}

export interface StorageCheckView {
  asOf: string;
  /** The 4-2(5) parameter: months after which storage counts as long-term. */
  longTermMonths: number;
  rules: { clauseId: string; display: string; checked: number; failing: number }[];
  media: MediumView[];
}

export interface AssetImportResult {
  dryRun: boolean;
  counts: Record<string, { created: number; updated: number; unchanged: number }>;
}
