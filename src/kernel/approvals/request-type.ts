import { z } from 'zod';
import { roleCodes, type Role } from '../access/index.js';
import type { Bilingual } from '../errors/index.js';

/**
 * A request type is data: which clauses need it, the form the applicant fills in, and the route of approvers
 * (brief, design principle 1). The policy pack defines them (`policy/kawaguchi/requests.yaml`), checked with
 * `requestTypeDefinitionSchema` by the pack's loader at start-up; `RequestTypeRegistry.register` takes more from
 * any other data, checked the same way.
 */

export const fieldTypes = [
  'text',
  'longText',
  'date',
  'enum',
  'number',
  'boolean',
  'classification',
] as const;
export type FieldType = (typeof fieldTypes)[number];

export interface FieldOption {
  readonly value: string;
  readonly label: Bilingual;
}

export interface FormField {
  /** camelCase key of the value in the submitted form. */
  readonly key: string;
  readonly label: Bilingual;
  readonly type: FieldType;
  readonly required: boolean;
  /** For `enum`: the allowed values. */
  readonly options?: readonly FieldOption[];
  /** For text: the longest value (characters). For numbers: bounds. */
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
  /** For `boolean`: the box must be ticked (a declaration the applicant makes). */
  readonly mustBeTrue?: boolean;
  readonly help?: Bilingual;
}

/**
 * Who decides a step: the holder of a role for the applicant's unit or for the unit that owns the subject
 * (the nearest unit up the tree where the role is held), or the hospital-wide holder of a fixed role.
 */
export type ApproverRef =
  | { readonly kind: 'relative'; readonly role: Role; readonly base: 'applicantUnit' | 'resourceUnit' }
  | { readonly kind: 'fixed'; readonly role: Role };

/** When a step (or the whole request) applies. Classification: 1 = I (most sensitive) … 4 = IV. */
export type RouteCondition =
  | { readonly kind: 'classificationAtMost'; readonly level: 1 | 2 | 3 | 4 }
  | { readonly kind: 'fieldEquals'; readonly field: string; readonly value: string | boolean | number };

export interface RouteStep {
  readonly approver: ApproverRef;
  /** All must hold for the step to apply; otherwise it is skipped and the record says why. */
  readonly when?: readonly RouteCondition[];
}

export interface ClauseRef {
  /** ASCII key as in the glossary, e.g. `6.1.1.c.a`. */
  readonly id: string;
  /** As the standard prints it, e.g. `第6 1(1)ウ(ア)`. */
  readonly display: string;
}

export interface RequestTypeDefinition {
  /** `module.name`, the same id the policy pack uses (e.g. `people.carryOut`). */
  readonly id: string;
  readonly name: Bilingual;
  readonly description?: Bilingual;
  readonly clauses: readonly ClauseRef[];
  /** prior: decided before the act; postFacto: carried out first, reported afterwards (8-5(2)). */
  readonly mode: 'prior' | 'postFacto';
  readonly form: readonly FormField[];
  readonly route: readonly RouteStep[];
  /** The request is needed only when these hold (e.g. classification II or above, 4-2(6)ア). */
  readonly appliesWhen?: readonly RouteCondition[];
  /** The form field that carries the subject's classification (`classification` fields only). */
  readonly classificationField?: string;
  /** The form field naming the subject (an asset, a device…); the request's title is built from it. */
  readonly titleField: string;
  /** A date field: a request still undecided at the end of that day expires (the act's day has passed). */
  readonly expiresWithField?: string;
  /** The applicant chooses the unit that owns the subject (routes with a `resourceUnit` approver). */
  readonly asksOwnerUnit: boolean;
  /** postFacto: hours after the act within which it must be reported ("事後速やかに", 8-5(2)); 24 by default. */
  readonly reportWithinHours?: number;
}

const bilingual = z.strictObject({
  ja: z.string().trim().min(1).max(400),
  en: z.string().trim().min(1).max(400),
});
const key = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'camelCase');
const role = z.enum(roleCodes);
const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

const conditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('classificationAtMost'), level }),
  z.strictObject({
    kind: z.literal('fieldEquals'),
    field: key,
    value: z.union([z.string(), z.boolean(), z.number()]),
  }),
]);

const fieldSchema = z.strictObject({
  key,
  label: bilingual,
  type: z.enum(fieldTypes),
  required: z.boolean(),
  options: z
    .array(z.strictObject({ value: z.string().min(1).max(60), label: bilingual }))
    .min(1)
    .optional(),
  maxLength: z.number().int().min(1).max(10_000).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  mustBeTrue: z.boolean().optional(),
  help: bilingual.optional(),
});

const approverSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('relative'), role, base: z.enum(['applicantUnit', 'resourceUnit']) }),
  z.strictObject({ kind: z.literal('fixed'), role }),
]);

/** A request type as data (JSON, YAML, a policy pack), with the cross-field checks a schema alone cannot say. */
export const requestTypeDefinitionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/, 'module.requestName (camelCase)'),
    name: bilingual,
    description: bilingual.optional(),
    clauses: z
      .array(z.strictObject({ id: z.string().regex(/^\d+(?:\.[0-9a-z]+)*$/), display: z.string().min(2) }))
      .min(1),
    mode: z.enum(['prior', 'postFacto']),
    form: z.array(fieldSchema).min(1).max(40),
    route: z
      .array(z.strictObject({ approver: approverSchema, when: z.array(conditionSchema).optional() }))
      .min(1),
    appliesWhen: z.array(conditionSchema).optional(),
    classificationField: key.optional(),
    titleField: key,
    expiresWithField: key.optional(),
    asksOwnerUnit: z.boolean(),
    reportWithinHours: z.number().int().min(1).max(720).optional(),
  })
  .superRefine((def, ctx) => {
    const byKey = new Map(def.form.map((f) => [f.key, f]));
    if (byKey.size !== def.form.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['form'],
        params: { ja: '項目のキーが重複しています。', en: 'Field keys must be unique.' },
      });
    }
    def.form.forEach((f, i) => {
      if (f.type === 'enum' && f.options === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['form', i, 'options'],
          params: { ja: '選択肢を指定してください。', en: 'An enum field needs options.' },
        });
      }
    });
    const expect = (field: string | undefined, path: string, types: readonly FieldType[]): void => {
      if (field === undefined) return;
      const f = byKey.get(field);
      if (f === undefined || !types.includes(f.type)) {
        ctx.addIssue({
          code: 'custom',
          path: [path],
          params: {
            ja: `フォームに ${types.join('/')} 型の項目 ${field} がありません。`,
            en: `The form has no ${types.join('/')} field ${field}.`,
          },
        });
      }
    };
    expect(def.classificationField, 'classificationField', ['classification']);
    expect(def.titleField, 'titleField', ['text', 'longText', 'enum']);
    expect(def.expiresWithField, 'expiresWithField', ['date']);
    const conditions = [...(def.appliesWhen ?? []), ...def.route.flatMap((s) => s.when ?? [])];
    for (const c of conditions) {
      if (c.kind === 'classificationAtMost' && def.classificationField === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['classificationField'],
          params: {
            ja: '分類による条件には classificationField が必要です。',
            en: 'A classification condition needs classificationField.',
          },
        });
      }
      if (c.kind === 'fieldEquals') expect(c.field, 'route', ['enum', 'boolean', 'number', 'text']);
    }
    const usesResourceUnit = def.route.some(
      (s) => s.approver.kind === 'relative' && s.approver.base === 'resourceUnit',
    );
    if (usesResourceUnit && !def.asksOwnerUnit) {
      ctx.addIssue({
        code: 'custom',
        path: ['asksOwnerUnit'],
        params: {
          ja: '所管部署の承認者がいる経路では所管部署を尋ねてください。',
          en: "A route with the owning unit's approver must ask for the owning unit.",
        },
      });
    }
  });

export type RequestTypeData = z.input<typeof requestTypeDefinitionSchema>;
