/**
 * Clause ids (glossary, "Clause references"): the place in the standard in ASCII. Chapter `4`, item `4.2`,
 * parenthesised number `4.2.6`, then one letter per kana level, bare or parenthesised: ア→a, (ア)→a, so
 * 第4 2(6)ア is `4.2.6.a` and 第7 2(1)ウ(エ) is `7.2.1.c.d`. A (ア) directly under a number (第6 4(2)(ア)) is one
 * level down from it (`6.4.2.a`); the standard never lists ア and (ア) side by side, so the key is unique and the
 * printed label (kept with the clause) tells which was printed. The 附則 is `suppl`.
 */

export type SegmentKind = 'chapter' | 'item' | 'number' | 'letter' | 'suppl';

export interface IdSegment {
  readonly raw: string;
  readonly kind: SegmentKind;
  /** 1-based position among siblings as the id says it (ア/a = 1, (14) = 14). */
  readonly ordinal: number;
}

export const clauseIdPattern = /^(?:suppl|[1-9](?:\.[1-9]\d?(?:\.[1-9]\d?)?(?:\.[a-z]){0,3})?)$/;

export const parseClauseId = (id: string): readonly IdSegment[] | null => {
  if (!clauseIdPattern.test(id)) return null;
  if (id === 'suppl') return [{ raw: id, kind: 'suppl', ordinal: 10 }];
  return id.split('.').map((raw, i): IdSegment => {
    if (/^[a-z]$/.test(raw)) return { raw, kind: 'letter', ordinal: raw.charCodeAt(0) - 96 };
    return { raw, kind: i === 0 ? 'chapter' : i === 1 ? 'item' : 'number', ordinal: Number(raw) };
  });
};

export const parentIdOf = (id: string): string | null => {
  if (id === 'suppl') return null;
  const dot = id.lastIndexOf('.');
  return dot < 0 ? null : id.slice(0, dot);
};

/** The kana printed for a letter segment, from the pack's kana order. */
export const kanaFor = (letter: string, kanaOrder: string): string | undefined =>
  kanaOrder[letter.charCodeAt(0) - 97];

const unparen = (label: string): string => label.replace(/^\((.+)\)$/, '$1');

export type LabelForm = 'chapter' | 'item' | 'number' | 'kana' | 'parenKana' | 'suppl';

export const labelFormOf = (label: string): LabelForm | null => {
  if (/^第[1-9]$/.test(label)) return 'chapter';
  if (label === '附則') return 'suppl';
  if (/^[1-9]\d?$/.test(label)) return 'item';
  if (/^\([1-9]\d?\)$/.test(label)) return 'number';
  if (/^[ァ-ヶ]$/.test(label)) return 'kana';
  if (/^\([ァ-ヶ]\)$/.test(label)) return 'parenKana';
  return null;
};

/**
 * Why a printed label does not fit the id's last segment, or null when it fits. With `readAs` the reading
 * must fit the id and the printed label must have the same form (the second (ク) of 第8 4(2), read as (サ)).
 */
export const labelMismatch = (
  id: string,
  label: string,
  readAs: string | undefined,
  parentLabel: string | undefined,
  kanaOrder: string,
): { ja: string; en: string } | null => {
  const segments = parseClauseId(id);
  const last = segments?.[segments.length - 1];
  if (!last) return { ja: `ID ${id} が規則に合いません。`, en: `Id ${id} does not follow the convention.` };
  const form = labelFormOf(label);
  const keyed = readAs ?? label;
  const keyedForm = labelFormOf(keyed);
  if (form === null || keyedForm !== form)
    return { ja: `見出し記号「${label}」の形式が不明です。`, en: `Label "${label}" has an unknown form.` };
  const expected = ((): string => {
    switch (last.kind) {
      case 'suppl':
        return '附則';
      case 'chapter':
        return `第${last.raw}`;
      case 'item':
        return last.raw;
      case 'number':
        return `(${last.raw})`;
      case 'letter': {
        const kana = kanaFor(last.raw, kanaOrder) ?? '?';
        return keyedForm === 'parenKana' ? `(${kana})` : kana;
      }
    }
  })();
  if (keyed !== expected)
    return {
      ja: `見出し記号「${keyed}」は ID ${id} に対応しません（「${expected}」のはずです）。`,
      en: `Label "${keyed}" does not match id ${id} (expected "${expected}").`,
    };
  if (form === 'kana' && parentLabel !== undefined && labelFormOf(parentLabel) === 'parenKana')
    return {
      ja: `カナ「${label}」は括弧付きカナの下には置けません。`,
      en: `A bare kana "${label}" cannot sit under a parenthesised kana.`,
    };
  return null;
};

/** `第4 2(6)ア`: the chapter, a space, then the labels as printed; a reading is shown in 〔 〕 after the label. */
export const displayIdFrom = (chain: readonly { label: string; readAs?: string | undefined }[]): string => {
  const pieces = chain.map((c) => (c.readAs === undefined ? c.label : `${c.label}〔${unparen(c.readAs)}〕`));
  const [head, ...rest] = pieces;
  return rest.length === 0 ? (head ?? '') : `${head ?? ''} ${rest.join('')}`;
};
