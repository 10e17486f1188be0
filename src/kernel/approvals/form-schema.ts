import { z } from 'zod';
import { parseOrThrow } from '../errors/index.js';
import { calendarDateSchema } from '../schema-helpers.js';
import type { FormField, RequestTypeDefinition } from './request-type.js';

/** A submitted form: field key → value. Stored as JSON on the request. */
export type FormValues = Record<string, string | number | boolean | null>;

const label = (f: FormField) => ({ ja: `「${f.label.ja}」`, en: `"${f.label.en}"` });

/** zod for one field's value; `complete` false (a draft) lets required fields stay empty. */
const fieldSchema = (f: FormField, complete: boolean): z.ZodType => {
  const missing = complete && f.required;
  const empty = z.union([z.literal(''), z.null(), z.undefined()]).transform(() => null);
  // A required field left empty reads as missing: the issue says "required" for that field.
  const orEmpty = (schema: z.ZodType): z.ZodType =>
    missing
      ? z.preprocess((v) => (v === '' || v === null ? undefined : v), schema)
      : z.union([empty, schema]).optional();
  switch (f.type) {
    case 'text':
    case 'longText': {
      const max = f.maxLength ?? (f.type === 'text' ? 200 : 4000);
      return orEmpty(z.string().trim().min(1).max(max));
    }
    case 'date':
      return orEmpty(calendarDateSchema);
    case 'enum': {
      const values = (f.options ?? []).map((o) => o.value);
      return orEmpty(
        z.string().refine((v) => values.includes(v), {
          params: {
            ja: `${label(f).ja}は次のいずれかを選んでください: ${(f.options ?? []).map((o) => o.label.ja).join('、')}`,
            en: `${label(f).en} must be one of: ${(f.options ?? []).map((o) => o.label.en).join(', ')}`,
          },
        }),
      );
    }
    case 'number': {
      let n = z.coerce.number();
      if (f.min !== undefined) n = n.min(f.min);
      if (f.max !== undefined) n = n.max(f.max);
      return orEmpty(n);
    }
    case 'classification':
      return orEmpty(
        z.coerce
          .number()
          .int()
          .refine((v) => v >= 1 && v <= 4, {
            params: {
              ja: `${label(f).ja}は重要性分類I〜IV（1〜4）で指定してください。`,
              en: `${label(f).en} must be classification I–IV (1–4).`,
            },
          }),
      );
    case 'boolean': {
      const bool = z.boolean();
      if (!(complete && f.mustBeTrue === true))
        return f.required && complete ? bool : z.union([empty, bool]).optional();
      return bool.refine((v) => v, {
        params: {
          ja: `${label(f).ja}を確認してチェックしてください。`,
          en: `Confirm ${label(f).en} by ticking it.`,
        },
      });
    }
  }
};

/** The zod schema of a type's form: unknown keys are refused, each field named in its own issue. */
export const formSchemaOf = (def: RequestTypeDefinition, complete: boolean): z.ZodType<FormValues> =>
  z.strictObject(
    Object.fromEntries(def.form.map((f) => [f.key, fieldSchema(f, complete)])),
  ) as unknown as z.ZodType<FormValues>;

/**
 * Validates a form at submission (complete) or for a draft (required fields may be empty). Errors name the field
 * as `form.<key>` with the reason in Japanese and English; nothing is written when this throws.
 */
export const parseForm = (def: RequestTypeDefinition, values: unknown, complete: boolean): FormValues => {
  const parsed = parseOrThrow(formSchemaOf(def, complete), values ?? {}, 'form');
  const out: FormValues = {};
  for (const f of def.form) out[f.key] = parsed[f.key] ?? null;
  return out;
};
