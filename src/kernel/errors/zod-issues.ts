import type { z } from 'zod';
import { AppError, type FieldIssue } from './app-error.js';
import type { Bilingual } from './bilingual.js';

type Issue = z.core.$ZodIssue;

const fieldName = (path: readonly PropertyKey[]): string =>
  path.length === 0 ? '(input)' : path.map((p) => String(p)).join('.');

/** Schemas may carry their own bilingual message as `params: { ja, en }` on a custom issue or refine. */
const customMessage = (issue: Issue): Bilingual | undefined => {
  if (issue.code !== 'custom') return undefined;
  const params = issue.params as { ja?: unknown; en?: unknown } | undefined;
  if (typeof params?.ja === 'string' && typeof params.en === 'string')
    return { ja: params.ja, en: params.en };
  return undefined;
};

const describe = (issue: Issue): Bilingual => {
  const custom = customMessage(issue);
  if (custom) return custom;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { ja: '必須項目です。', en: 'This field is required.' }
        : {
            ja: `形式が正しくありません（${issue.expected} が必要です）。`,
            en: `Expected ${issue.expected}.`,
          };
    case 'too_small':
      return issue.origin === 'string'
        ? {
            ja: `${String(issue.minimum)}文字以上で入力してください。`,
            en: `Must be at least ${String(issue.minimum)} characters.`,
          }
        : {
            ja: `${String(issue.minimum)}以上にしてください。`,
            en: `Must be at least ${String(issue.minimum)}.`,
          };
    case 'too_big':
      return issue.origin === 'string'
        ? {
            ja: `${String(issue.maximum)}文字以内で入力してください。`,
            en: `Must be at most ${String(issue.maximum)} characters.`,
          }
        : {
            ja: `${String(issue.maximum)}以下にしてください。`,
            en: `Must be at most ${String(issue.maximum)}.`,
          };
    case 'invalid_format':
      return { ja: `形式が正しくありません（${issue.format}）。`, en: `Invalid format (${issue.format}).` };
    case 'invalid_value':
      return {
        ja: `次のいずれかを指定してください: ${issue.values.map(String).join(', ')}`,
        en: `Must be one of: ${issue.values.map(String).join(', ')}`,
      };
    case 'unrecognized_keys':
      return {
        ja: `不明な項目があります: ${issue.keys.join(', ')}`,
        en: `Unknown fields: ${issue.keys.join(', ')}`,
      };
    case 'not_multiple_of':
      return {
        ja: `${String(issue.divisor)}の倍数にしてください。`,
        en: `Must be a multiple of ${String(issue.divisor)}.`,
      };
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return { ja: '値が正しくありません。', en: 'Invalid value.' };
    case 'custom':
      return { ja: issue.message || '値が正しくありません。', en: issue.message || 'Invalid value.' };
  }
};

export const issuesFromZod = (
  error: z.ZodError,
  options: { prefix?: string; row?: number } = {},
): FieldIssue[] =>
  error.issues.flatMap((issue): FieldIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      // Name each unknown key as its own field so the message points at it.
      return issue.keys.map((key) => ({
        field: [options.prefix, fieldName([...issue.path, key])].filter(Boolean).join('.'),
        message: { ja: '不明な項目です。', en: 'Unknown field.' },
        ...(options.row === undefined ? {} : { row: options.row }),
      }));
    }
    const field = [options.prefix, fieldName(issue.path)].filter(Boolean).join('.');
    return [{ field, message: describe(issue), ...(options.row === undefined ? {} : { row: options.row }) }];
  });

export const validationError = (issues: readonly FieldIssue[], internal?: string): AppError => {
  const first = issues[0];
  const summary = first
    ? {
        ja: `入力内容に誤りがあります（${first.row === undefined ? '' : `${first.row}行目 `}${first.field}: ${first.message.ja}）`,
        en: `Invalid input (${first.row === undefined ? '' : `row ${first.row} `}${first.field}: ${first.message.en})`,
      }
    : { ja: '入力内容に誤りがあります。', en: 'The input is not valid.' };
  return new AppError('validation', summary, { issues, ...(internal === undefined ? {} : { internal }) });
};

/** Parse with a schema; on failure throw one validation error naming every field and reason. */
export const parseOrThrow = <S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix?: string,
): z.output<S> => {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw validationError(issuesFromZod(result.error, prefix === undefined ? {} : { prefix }));
};
