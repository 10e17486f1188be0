import { z } from 'zod';

/** A calendar date, YYYY-MM-DD, that exists. */
export const calendarDateSchema = z.string().refine(
  (v) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  },
  {
    params: {
      ja: '日付は YYYY-MM-DD 形式の実在する日付で入力してください。',
      en: 'Must be a real date in YYYY-MM-DD form.',
    },
  },
);

/** Trimmed text with a length limit. Empty strings count as missing. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** Optional text: empty or missing becomes null (spreadsheets leave cells blank). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === undefined || v === null || v === '' ? null : v));

export const optionalDate = calendarDateSchema
  .nullish()
  .or(z.literal(''))
  .transform((v) => (v === undefined || v === null || v === '' ? null : v));

/** Katakana or hiragana with spaces (names in kana). */
export const kanaSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((v) => /^[\u3041-\u3096\u30A1-\u30FA\u30FC\u30FB\s\u3000]+$/.test(v), {
    params: {
      ja: 'ひらがなまたはカタカナで入力してください。',
      en: 'Must be written in hiragana or katakana.',
    },
  });
