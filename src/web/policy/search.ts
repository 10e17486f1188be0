import type { PolicyClauseView } from '../../shared/api-types.js';

/**
 * Search in Japanese: the reader types 「第7 2(3)イ」, 「７－２」, 「かりのぱすわーど」 or 「仮パスワード」 and finds the clause.
 * Text and query are folded the same way: NFKC (full-width letters, digits and brackets to half-width), katakana to
 * hiragana, lower case, and no spaces; every word of the query must appear in the clause's display id, label,
 * title, text or English summary.
 */
export const foldJa = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .toLowerCase()
    .replace(/[\s\u3000]+/g, '');

const haystack = (c: PolicyClauseView): string =>
  foldJa([c.displayId, c.id, c.title ?? '', c.titleEn ?? '', c.text ?? '', c.summaryEn ?? ''].join('\n'));

/** The words of a query, folded; a word is split at spaces (half- or full-width). */
export const queryWords = (query: string): string[] =>
  query
    .normalize('NFKC')
    .split(/[\s\u3000]+/)
    .map(foldJa)
    .filter((w) => w !== '');

export const searchIndex = (clauses: readonly PolicyClauseView[]): Map<string, string> =>
  new Map(clauses.map((c) => [c.id, haystack(c)]));

/** The ids of the clauses matching every word, in document order. */
export const searchClauses = (
  clauses: readonly PolicyClauseView[],
  index: ReadonlyMap<string, string>,
  query: string,
): Set<string> => {
  const words = queryWords(query);
  return new Set(
    clauses
      .filter((c) => {
        const text = index.get(c.id) ?? '';
        return words.every((w) => text.includes(w));
      })
      .map((c) => c.id),
  );
};
