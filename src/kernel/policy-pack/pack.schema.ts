import { z } from 'zod';
import { roleCodes } from '../access/index.js';

/**
 * The policy pack: every clause of a security standard as data (brief, design principle 1). The zod schemas
 * here check the shape of each file; `check-pack.ts` checks what a schema cannot (ids, order, ranges, roles).
 */

/** What the standard asks for, and so how Mamori serves the clause. */
export const obligationKinds = [
  /** the system makes it so (password rules, access control, two-person changes) */
  'enforced',
  /** a request routed to an approver and recorded (transport of class II assets, off-site equipment) */
  'approval',
  /** records must exist and show it is met (disposal records, work records, contract clauses) */
  'record',
  /** something done at an interval and recorded (scans, reviews, audits, drills) */
  'periodicCheck',
  /** a duty of people or of the organisation that records can only support (roles, conduct) */
  'organisational',
  /** headings, definitions, lead-ins */
  'none',
] as const;
export type ObligationKind = (typeof obligationKinds)[number];

export const clauseKinds = ['heading', 'provision', 'definition', 'leadIn', 'supplementary'] as const;
export type ClauseKind = (typeof clauseKinds)[number];

/** The module table of the brief (kernel parts included): where a clause is served and its evidence lives. */
export const moduleNames = [
  'org',
  'identity',
  'access',
  'ledger',
  'approvals',
  'policy',
  'assets',
  'facilities',
  'people',
  'incidents',
  'changes',
  'threats',
  'monitoring',
  'vendors',
  'exceptions',
  'evaluation',
  'reports',
] as const;
export type ModuleName = (typeof moduleNames)[number];

/** Actors are the roles of 第3 plus the two kinds of person the standard addresses (glossary). */
export const personCategories = ['staff', 'contractor'] as const;
export const actorCodes: readonly string[] = [...roleCodes, ...personCategories];

/**
 * Whose holder of the role decides: the hospital-wide holder (CISO, Director, committee), the holder for the
 * requester's own unit, or the holder for the unit that owns the subject (asset, system, device, area) or to
 * which the person concerned belongs.
 */
export const approverScopes = ['hospital', 'requesterUnit', 'ownerUnit'] as const;
export type ApproverScope = (typeof approverScopes)[number];

export const noteTopics = [
  /** a gap, a repeat or a missing first item in the printed numbering */
  'numbering',
  /** a word that is read as another (role names, stray words) */
  'reading',
  /** printed text that is not part of the clause (e.g. a repeated line end) */
  'strayText',
  /** a grammatical slip kept as printed */
  'wording',
  /** the same body or document named in two ways */
  'naming',
  /** how Mamori reads a clause that leaves something open */
  'interpretation',
] as const;

export const durationUnits = ['seconds', 'minutes', 'hours', 'days', 'months', 'years'] as const;
export const countUnits = ['characters', 'characterClasses', 'attempts', 'generations', 'people'] as const;

const nonEmpty = z.string().trim().min(1);
export const parameterKeySchema = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9]*)+$/, 'module.name (camelCase, dotted)');

const parameterBase = {
  key: parameterKeySchema,
  labelJa: nonEmpty,
  labelEn: nonEmpty,
  /** true where the standard leaves the value to the hospital: the value shipped is a default. */
  hospitalChoice: z.boolean(),
  /** why this value: the clause's words, the MHLW guideline, common practice. */
  basis: nonEmpty,
};
/** Cross-parameter rules: e.g. privileged IDs must be stricter than staff IDs (第7 2(1)ウ(エ)). */
const relation = { below: parameterKeySchema.optional(), above: parameterKeySchema.optional() };

const integerParameterSchema = z.strictObject({
  ...parameterBase,
  type: z.literal('integer'),
  value: z.number().int(),
  unit: z.enum(countUnits),
  min: z.number().int(),
  max: z.number().int(),
  ...relation,
});
const durationParameterSchema = z.strictObject({
  ...parameterBase,
  type: z.literal('duration'),
  value: z.number().int(),
  unit: z.enum(durationUnits),
  min: z.number().int(),
  max: z.number().int(),
  ...relation,
});
const booleanParameterSchema = z.strictObject({
  ...parameterBase,
  type: z.literal('boolean'),
  value: z.boolean(),
});
const choiceParameterSchema = z.strictObject({
  ...parameterBase,
  type: z.literal('choice'),
  value: nonEmpty,
  options: z.array(nonEmpty).min(2),
});
const listParameterSchema = z.strictObject({
  ...parameterBase,
  type: z.literal('list'),
  value: z.array(nonEmpty).min(1),
});

export const parameterSchema = z.discriminatedUnion('type', [
  integerParameterSchema,
  durationParameterSchema,
  booleanParameterSchema,
  choiceParameterSchema,
  listParameterSchema,
]);
export type PolicyParameter = z.infer<typeof parameterSchema>;

const approverSchema = z.strictObject({ role: nonEmpty, scope: z.enum(approverScopes) });
/**
 * A request type a clause needs. Either declared here in the standard's terms (names, mode, who approves) — a
 * type no module serves yet — or a bare reference (`- id: …`) to a type defined in full, form and all, in the
 * pack's requests file (`requests.yaml`), which Mamori runs.
 */
export const requestTypeSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/, 'module.requestName (camelCase)'),
    nameJa: nonEmpty.optional(),
    nameEn: nonEmpty.optional(),
    /** prior: decided before the act; postFacto: reported afterwards (emergency exceptions, suspensions). */
    mode: z.enum(['prior', 'postFacto']).optional(),
    /** Steps in order; in each step any one of the approvers decides. */
    route: z
      .array(z.strictObject({ approvers: z.array(approverSchema).min(1) }))
      .min(1)
      .optional(),
    /** Needed only for assets of this classification or more sensitive (1 = I … 4 = IV; "II以上" is 2). */
    classificationAtMost: z.number().int().min(1).max(4).optional(),
    conditionEn: nonEmpty.optional(),
  })
  .superRefine((r, ctx) => {
    const keys = Object.keys(r).filter((k) => k !== 'id');
    if (keys.length === 0) return;
    for (const key of ['nameJa', 'nameEn', 'mode', 'route'] as const) {
      if (r[key] === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          params: {
            ja: '申請の種類を条項で宣言する場合は nameJa・nameEn・mode・route が必要です（requests ファイルで定義した種類は id のみで参照します）。',
            en: 'A request type declared on the clause needs nameJa, nameEn, mode and route (a type defined in the requests file is referenced by its id alone).',
          },
        });
    }
  });
export type RequestType = z.infer<typeof requestTypeSchema>;

/** The requests file (`requests.yaml`): the request types Mamori runs, in full (see approvals/request-type.ts). */
export const requestsFileSchema = z.strictObject({ requestTypes: z.array(z.unknown()).min(1) });

/** A request type as the standard needs it, declared on its clause or derived from its full definition. */
export interface RequestTypeSummary {
  readonly id: string;
  readonly nameJa: string;
  readonly nameEn: string;
  readonly mode: 'prior' | 'postFacto';
  readonly route: readonly { readonly approvers: readonly { role: string; scope: ApproverScope }[] }[];
  readonly classificationAtMost?: number | undefined;
  readonly conditionEn?: string | undefined;
}

export const evidenceSchema = z.strictObject({
  module: z.enum(moduleNames),
  /** The record type that shows it (glossary names: CarryOut, AreaEntry, WorkRecord…). */
  record: z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'PascalCase record type'),
  en: nonEmpty,
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const noteSchema = z.strictObject({ topic: z.enum(noteTopics), ja: nonEmpty, en: nonEmpty });
export type ClauseNote = z.infer<typeof noteSchema>;

/** A table printed in the standard (第4 1), cell by cell as printed. */
export const tableSchema = z.strictObject({
  columns: z.array(z.string()).min(1),
  rows: z.array(z.array(z.string())).min(1),
});

export const clauseSchema = z.strictObject({
  /** ASCII key by place: `4.2.6.a` (see the manifest's idConvention). */
  id: nonEmpty,
  /** As the standard prints the place: `第4 2(6)ア`. */
  displayId: nonEmpty,
  /** This level's own label as printed: `第4`, `2`, `(6)`, `ア`, `(ア)`, `附則`. */
  label: nonEmpty,
  kind: z.enum(clauseKinds),
  /** The heading printed after the label (verbatim). */
  title: nonEmpty.optional(),
  titleEn: nonEmpty.optional(),
  /** The clause's own text (verbatim; paragraphs separated by "\n"; page-break splits joined). */
  text: nonEmpty.optional(),
  table: tableSchema.optional(),
  /** Where the printed label is irregular, the label it is read as (e.g. the second (ク) of 第8 4(2) is (サ)). */
  readAs: nonEmpty.optional(),
  summaryEn: nonEmpty.optional(),
  actors: z.array(nonEmpty).default([]),
  obligation: z.enum(obligationKinds),
  module: z.enum(moduleNames).optional(),
  parameters: z.array(parameterSchema).default([]),
  /** Parameters defined by another clause that this clause also uses. */
  parameterRefs: z.array(parameterKeySchema).default([]),
  requests: z.array(requestTypeSchema).default([]),
  evidence: z.array(evidenceSchema).default([]),
  notes: z.array(noteSchema).default([]),
});
export type Clause = z.infer<typeof clauseSchema>;

export const chapterFileSchema = z.strictObject({
  /** `1` … `9`, or `suppl` for the 附則. */
  chapter: z.string().regex(/^(?:[1-9]|suppl)$/),
  clauses: z.array(z.unknown()).min(1),
});

export const manifestSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'semantic version x.y.z'),
  title: nonEmpty,
  titleEn: nonEmpty,
  /** BCP 47 language of the clause texts. */
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/),
  source: z.strictObject({
    file: nonEmpty,
    sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits'),
    adoptedOn: z.iso.date(),
    effectiveFrom: z.iso.date(),
  }),
  /** Chapter files in document order. */
  files: z.array(z.string().regex(/^[a-z0-9-]+\.ya?ml$/)).min(1),
  /** The request types Mamori runs, in full (forms, routes, conditions): one file beside the chapters. */
  requests: z
    .string()
    .regex(/^[a-z0-9-]+\.ya?ml$/)
    .optional(),
  idConvention: z.strictObject({
    /** Kana in order: the n-th maps to the n-th ASCII letter (ア→a, イ→b, …). */
    kanaOrder: z
      .string()
      .regex(/^[ァ-ヶ]+$/)
      .max(26),
    ja: nonEmpty,
    en: nonEmpty,
  }),
});
export type PolicyPackManifest = z.infer<typeof manifestSchema>;
